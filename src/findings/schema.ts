import { AreaOfResponsibility } from '../aors/types.js';
import {
  FINDING_KINDS,
  type Finding as FindingData,
  findingsFor,
  SEVERITIES,
} from '../core/findings/findings.js';
import { REVEALS_CANDIDATES } from '../core/findings/types.js';
import type { OrgState } from '../core/org/state.js';
import { subtreeOf } from '../core/org/subtree.js';
import { accessError, authorize } from '../graphql/access.js';
import { asOfArg, orgFor, scopeArg, scopeIdIn } from '../graphql/args.js';
import { atMost } from '../graphql/bounds.js';
import { builder } from '../graphql/builder.js';
import type { Context, Viewer } from '../graphql/context.js';
import { COST, heavy } from '../graphql/costs.js';
import { type OnDay, onDayAll, readFor, unitOf } from '../graphql/on-day.js';
import { arrayPage } from '../graphql/pagination.js';
import { Person } from '../people/types.js';
import { SeatEnum } from '../seats/types.js';
import { OrgUnit } from '../units/types.js';

export const FindingKindEnum = builder.enumType('FindingKind', {
  description: 'The kinds of single point of failure orgraph finds (docs/contract.md, findings).',
  values: FINDING_KINDS,
});

export const SeverityEnum = builder.enumType('Severity', {
  description: 'How urgent a finding is, CRITICAL first.',
  values: SEVERITIES,
});

export const Finding = builder.objectRef<OnDay<FindingData>>('Finding').implement({
  description: 'One single point of failure: where it is, who is involved, why it matters.',
  fields: (t) => ({
    kind: t.expose('kind', { type: FindingKindEnum, description: 'What kind of risk.' }),
    severity: t.expose('severity', { type: SeverityEnum, description: 'How urgent.' }),
    unit: t.field({
      type: OrgUnit,
      description: 'Where it arises (for per-person kinds: the highest-layer unit involved).',
      resolve: unitOf,
    }),
    units: t.field({
      type: [OrgUnit],
      description: 'Every unit involved, Pillars first, by slug.',
      resolve: (f, _args, context) => readFor(context, f, (org) => org.units(f.unitIds)),
    }),
    seat: t.expose('seat', {
      type: SeatEnum,
      nullable: true,
      description: 'The seat, for VACANT_SEAT, NO_SUCCESSOR and LONG_ACTING.',
    }),
    people: t.field({
      type: [Person],
      description: 'The people involved.',
      resolve: (f, _args, context) => readFor(context, f, (org) => org.people(f.personIds)),
    }),
    aor: t.field({
      type: AreaOfResponsibility,
      nullable: true,
      description: 'The AoR, for SOLE_AOR_OWNER and UNOWNED_AOR.',
      resolve: (f, _args, context) =>
        readFor(context, f, (org) => org.aors(f.aorId === undefined ? [] : [f.aorId])[0] ?? null),
    }),
    message: t.exposeString('message', { description: 'One sentence for a person to read.' }),
  }),
});

/** A finding all of whose units lie within the viewer's scope (any finding, unscoped). */
function isWithinScope(finding: FindingData, { scope }: Viewer): boolean {
  return !scope || finding.unitIds.every((id) => scope.unitIds.has(id));
}

/**
 * Findings that reveal succession candidates (SUCCESSOR_CONCENTRATION) are for PLANNER and
 * ADMIN only: a VIEWER's answer leaves them out (SPEC §4's VIEWER role). A scoped planner's
 * are counted over the seats of its scope alone (`candidaciesWithin`, asked of the findings
 * by every reader of them), so they name no unit outside it and nothing outside changes them.
 */
export function visibleFindings(findings: FindingData[], { viewer }: Context): FindingData[] {
  const planner = authorize(viewer, { role: 'PLANNER' }) === null;
  // Within the scope by construction; checked again so that a caller forgetting
  // `candidaciesWithin` leaves a finding out rather than leaking it.
  return findings.filter(
    (f) => !REVEALS_CANDIDATES.has(f.kind) || (planner && isWithinScope(f, viewer)),
  );
}

/**
 * The units a reader's SUCCESSOR_CONCENTRATION is counted over (`FindingsOptions`): a scoped
 * planner's scope; null for anyone else (a VIEWER reads none, so theirs are not worked out).
 */
export function candidaciesWithin({ scope, role }: Viewer): ReadonlySet<number> | null {
  return scope && (role === 'PLANNER' || role === 'ADMIN') ? scope.unitIds : null;
}

/**
 * The findings a what-if (departure impact, scenario) shows a scoped caller: those of units
 * within its scope. One appearing or disappearing outside it would tell whose candidacies
 * lie there (a NO_SUCCESSOR appearing on a seat says who was its only ready successor).
 */
export function findingsWithinScope(findings: FindingData[], viewer: Viewer): FindingData[] {
  return viewer.scope ? findings.filter((f) => isWithinScope(f, viewer)) : findings;
}

/**
 * Asking by name for a kind that reveals candidates is refused (FORBIDDEN, never an empty
 * answer, SPEC §4) to a caller who cannot read it there: below PLANNER, or scoped to units
 * none of which lie in the scope asked. The verdict depends on the request alone.
 */
function mayAskCandidates(state: OrgState, scopeId: number | null, { viewer }: Context): void {
  const field = 'Query.singlePointsOfFailure';
  const part = 'kind SUCCESSOR_CONCENTRATION';
  const denial = authorize(viewer, { role: 'PLANNER' });
  if (denial) throw accessError(denial, field, part);
  const mine = viewer.scope;
  if (!mine || scopeId === null) return;
  if (subtreeOf(state, scopeId).some((u) => mine.unitIds.has(u.id))) return;
  throw accessError({ kind: 'SCOPE', scope: mine.slug }, field, part);
}

builder.queryFields((t) => ({
  singlePointsOfFailure: t.connection(
    {
      type: Finding,
      description:
        'Findings of a scope, by severity then unit slug. SUCCESSOR_CONCENTRATION findings ' +
        'reveal candidates: left out for VIEWER tokens (FORBIDDEN when asked by `kinds`); a ' +
        "scoped PLANNER's count only the seats of its scope (FORBIDDEN asked by `kinds` for a " +
        '`scope` wholly outside it).',
      authScopes: { viewer: true },
      ...heavy(COST.singlePointsOfFailure),
      args: {
        scope: scopeArg(t.arg),
        kinds: t.arg({
          type: [FindingKindEnum],
          description: 'Only these kinds (default: all).',
          ...atMost(FINDING_KINDS.length, 'kinds'),
        }),
        minSeverity: t.arg({ type: SeverityEnum, description: 'Only this severity or worse.' }),
        asOf: asOfArg(t.arg),
      },
      resolve: async (_root, { scope, kinds, minSeverity, asOf, ...page }, context) => {
        const state = await orgFor(context, asOf);
        const policy = await context.org.policyOn(state.asOf);
        const scopeId = scopeIdIn(state, scope);
        if (kinds?.some((k) => REVEALS_CANDIDATES.has(k)))
          mayAskCandidates(state, scopeId, context);
        const findings = findingsFor(state, scopeId, policy, {
          kinds: kinds ?? undefined,
          minSeverity: minSeverity ?? undefined,
          candidaciesWithin: candidaciesWithin(context.viewer),
        });
        const visible = visibleFindings(findings, context);
        const chosenBy = { scope, kinds, minSeverity };
        const of = { list: 'singlePointsOfFailure', day: state.asOf, chosenBy };
        return arrayPage(page, onDayAll(visible, state.asOf), of);
      },
    },
    { name: 'FindingConnection', description: 'A page of findings.' },
    { name: 'FindingEdge', description: 'A finding and its cursor.' },
  ),
}));
