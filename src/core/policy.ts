import type { PolicyKindRow, PolicyRow } from '../db/tables.js';
import {
  FINDING_KINDS,
  type Finding,
  type FindingKind,
  SEVERITIES,
  type Severity,
} from './findings/types.js';
import { ORG_DAYS } from './org/days.js';
import { latestInForce } from './org/in-force.js';
import type { Day } from './org/state.js';

/** A policy's word on one kind of finding: another severity than SPEC's own, or none at all. */
export interface KindRule {
  /** Null: SPEC's own severity. */
  severity: Severity | null;
  /** The kind is not reported at all. */
  off: boolean;
}

/**
 * The org's policy: the thresholds that shape coverage health and findings, and per kind a
 * severity override or `off` (SPEC "Policies"). Passed to the analysis as data; the store
 * answers the one in force on a day. Kept as one object per policy in force, so what is
 * worked out with it (coverage, tallies) is kept once per (state, policy).
 */
export interface Thresholds {
  /** A TLM team with this many engineers or more is beyond the threshold (tlmTeamSize). */
  tlmEngineers: number;
  /** A team in TLM for more than this many days is long-running. */
  longTlmDays: number;
  /** A manager with more direct reports than this has a WIDE_SPAN. */
  spanLimit: number;
  /** A seat held by an acting holder for more than this many days is LONG_ACTING. */
  actingDays: number;
  /** The kinds the policy overrides; a kind absent keeps SPEC's severity. */
  kinds?: Readonly<Partial<Record<FindingKind, KindRule>>>;
}

/**
 * The largest threshold a policy takes, from `setPolicy`, a document or the environment alike:
 * a database seeded beyond it wrote exports its own import refused.
 */
export const MOST_THRESHOLD = 100_000;

/** SPEC's defaults: what a new database starts with unless the environment says otherwise. */
export const defaultThresholds: Thresholds = {
  tlmEngineers: 4,
  longTlmDays: 180,
  spanLimit: 10,
  actingDays: 90,
};

/** The findings as the policy reports them: kinds turned off left out, severities overridden. */
export function underPolicy(findings: Finding[], policy: Thresholds): Finding[] {
  const kinds = policy.kinds;
  if (!kinds) return findings;
  return findings.flatMap((f) => {
    const rule = kinds[f.kind];
    if (!rule) return [f];
    if (rule.off) return [];
    return rule.severity === null || rule.severity === f.severity
      ? [f]
      : [{ ...f, severity: rule.severity }];
  });
}

/** The policy in force on a day, and since when. */
export interface Policy extends Thresholds {
  since: Day;
}

/** What applies before any policy was recorded (a database the server never seeded). */
const SPEC_POLICY: Policy = { ...defaultThresholds, since: ORG_DAYS.first };

// One Policy object per row: what is worked out with a policy is kept per policy object.
const policies = new WeakMap<PolicyRow, Policy>();

/** The policy in force on `day` among a history of policies. */
export function policyOn(rows: readonly PolicyRow[], day: Day): Policy {
  const row = latestInForce(rows, day);
  if (!row) return SPEC_POLICY;
  let policy = policies.get(row);
  if (!policy) {
    policy = {
      since: row.startedOn,
      tlmEngineers: row.tlmTeamSize,
      longTlmDays: row.longTlmDays,
      spanLimit: row.spanLimit,
      actingDays: row.actingDays,
      kinds: kindRules(row.kinds),
    };
    policies.set(row, policy);
  }
  return policy;
}

function kindRules(rows: readonly PolicyKindRow[]): Partial<Record<FindingKind, KindRule>> {
  const rules: Partial<Record<FindingKind, KindRule>> = {};
  for (const { kind, severity, off } of rows) {
    if (!isKind(kind)) continue; // a kind this version no longer has
    rules[kind] = { severity: isSeverity(severity) ? severity : null, off };
  }
  return rules;
}

const isKind = (kind: string): kind is FindingKind => FINDING_KINDS.includes(kind as FindingKind);
const isSeverity = (s: string | null): s is Severity => SEVERITIES.includes(s as Severity);
