import { z } from 'zod';
import {
  FINDING_KINDS,
  type FindingKind,
  SEVERITIES,
  type Severity,
} from '../core/findings/types.js';
import { addDays } from '../core/org/days.js';
import type { Day } from '../core/org/state.js';
import {
  type KindRule,
  MOST_THRESHOLD,
  type Policy,
  policyOn,
  type Thresholds,
} from '../core/policy.js';
import type { PolicyKindRow, PolicyRow } from '../db/tables.js';
import { everInForce, openRow, withdraw } from '../writes/dated.js';
import type { Draft } from '../writes/draft.js';
import { daySchema } from '../writes/fields.js';

const positive = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(MOST_THRESHOLD, `must be at most ${MOST_THRESHOLD}`);

/** The field rules of a policy change: SetPolicyInput, and an org document's `policy:`. */
export const policyChangeSchema = z.strictObject({
  on: daySchema.nullish(),
  tlmTeamSize: positive.nullish(),
  longTlmDays: positive.nullish(),
  spanLimit: positive.nullish(),
  actingDays: positive.nullish(),
  kinds: z
    .array(
      z
        .strictObject({
          kind: z.enum(FINDING_KINDS),
          severity: z.enum(SEVERITIES).nullish(),
          off: z.boolean().nullish(),
        })
        // SPEC: per kind "a severity override or `off`": a kind turned off has no severity.
        .refine((rule) => !(rule.off && rule.severity), {
          message: 'a severity or off, not both',
          path: ['off'],
        }),
    )
    .max(FINDING_KINDS.length)
    // Told at the repeat (`kinds[3]`), as every other list's repeat is.
    .superRefine((kinds, context) => {
      const repeat = kinds.findIndex((k, i) => kinds.findIndex((o) => o.kind === k.kind) < i);
      if (repeat >= 0)
        context.addIssue({ code: 'custom', message: 'each kind at most once', path: [repeat] });
    })
    .nullish(),
});
export type PolicyChange = z.output<typeof policyChangeSchema>;

/**
 * Sets the org's policy from `on` (default today): the fields given replace the policy then
 * in force, the others keep their value; a kind listed replaces that kind's override whole
 * (no severity: SPEC's own; no `off`: reported). Kept as history: the policy in force until
 * then ends the day before. A policy already recorded from a later day stays as recorded (it
 * is a whole policy, made with the values of its own day): this one holds until the day before
 * it, so today's policy can still change while next year's is planned. Changing nothing
 * writes nothing.
 *
 * An org document's policy (`stated`) is the one in force from `on` to the document's day:
 * a policy recorded from a later day up to today contradicts it and gives way (withdrawn,
 * kept in the history), so an export imported elsewhere gives the same policy. Plans for
 * later days stay, as for setPolicy.
 */
export function setPolicy(
  w: Draft,
  change: PolicyChange,
  { stated = false } = {},
): { policy: Policy } {
  const on = change.on ?? w.today;
  const superseded = stated ? supersededBy(w, on) : [];
  withdraw(w.policies, superseded);
  const rows = w.policies.rows();
  const current = policyOn(rows, on);
  const values = {
    tlmTeamSize: change.tlmTeamSize ?? current.tlmEngineers,
    longTlmDays: change.longTlmDays ?? current.longTlmDays,
    spanLimit: change.spanLimit ?? current.spanLimit,
    actingDays: change.actingDays ?? current.actingDays,
    kinds: kindRows(current, change.kinds ?? []),
  };
  if (superseded.length === 0 && sameValues(current, values)) {
    w.keep('policies');
    return { policy: current };
  }
  const next = rows
    .filter((row) => row.startedOn > on && everInForce(row))
    .sort((a, b) => a.startedOn.localeCompare(b.startedOn))[0];
  const endedOn = next ? addDays(next.startedOn, -1) : null;
  // Ending before the next policy recorded, it always fits in.
  const { row } = openRow(
    w.policies,
    rows,
    { startedOn: on, endedOn, ...values },
    {
      path: 'on',
      today: w.recordedUntil,
      laterRow: (later) => `overlaps the policy recorded from ${later.startedOn}`,
      correctsSameDay: true,
    },
  );
  return { policy: policyOn([row], on) };
}

/** The policies recorded from after `on` up to today: an org document's policy replaces them. */
const supersededBy = (w: Draft, on: Day) =>
  w.policies
    .rows()
    .filter((row) => row.startedOn > on && row.startedOn <= w.today && everInForce(row));

/** An override as asked (`severity`, `off` left out: SPEC's own, on) as the policy keeps it. */
export function kindRule({
  severity,
  off,
}: {
  severity?: Severity | null;
  off?: boolean | null;
}): KindRule {
  return { severity: severity ?? null, off: off ?? false };
}

/** The overrides after a change, as stored: only the kinds overridden, in FindingKind order. */
function kindRows(
  current: Thresholds,
  changes: NonNullable<PolicyChange['kinds']>,
): PolicyKindRow[] {
  const rules: Partial<Record<FindingKind, KindRule>> = { ...current.kinds };
  for (const change of changes) rules[change.kind] = kindRule(change);
  return FINDING_KINDS.flatMap((kind) => {
    const rule = rules[kind];
    return rule && (rule.off || rule.severity !== null) ? [{ kind, ...rule }] : [];
  });
}

function sameValues(current: Policy, values: Record<string, unknown>): boolean {
  const now = {
    tlmTeamSize: current.tlmEngineers,
    longTlmDays: current.longTlmDays,
    spanLimit: current.spanLimit,
    actingDays: current.actingDays,
    kinds: kindRows(current, []),
  };
  return JSON.stringify(now) === JSON.stringify(values);
}

/**
 * The policy in force on `today` as an org document's `policy:` (with the day it started),
 * or nothing when no policy was ever recorded: SPEC's defaults need no saying.
 */
export function policyDocument(
  rows: readonly PolicyRow[],
  today: Day,
): z.input<typeof policyChangeSchema> | undefined {
  if (rows.length === 0) return undefined;
  const policy = policyOn(rows, today);
  return {
    on: policy.since,
    tlmTeamSize: policy.tlmEngineers,
    longTlmDays: policy.longTlmDays,
    spanLimit: policy.spanLimit,
    actingDays: policy.actingDays,
    kinds: kindRows(policy, []).map(({ kind, severity, off }) => ({
      kind: kind as FindingKind,
      ...(severity !== null && { severity: severity as Severity }),
      ...(off && { off }),
    })),
  };
}
