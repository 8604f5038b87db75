import { AreaOfResponsibility } from '../aors/types.js';
import {
  FINDING_KINDS,
  type Finding as FindingData,
  findingsFor,
  SEVERITIES,
} from '../core/findings/findings.js';
import { authorize, requireAccess } from '../graphql/access.js';
import { asOfArg, orgFor, scopeArg, scopeIdIn } from '../graphql/args.js';
import { atMost } from '../graphql/bounds.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { COST, heavy } from '../graphql/costs.js';
import { type OnDay, onDayAll, readFor, unitOf } from '../graphql/on-day.js';
import { arrayPage } from '../graphql/pagination.js';
import { Person } from '../people/types.js';
import { SeatEnum } from '../seats/types.js';
import { OrgUnit } from '../units/types.js';

export const FindingKindEnum = builder.enumType('FindingKind', {
  description: 'The kinds of single point of failure orgraph finds (SPEC §2).',
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
      description: 'The seat, for VACANT_SEAT and NO_SUCCESSOR.',
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

/** The units whose candidates a list of findings reveals: those of SUCCESSOR_CONCENTRATION. */
export function revealsOfFindings(findings: readonly FindingData[]): number[] {
  return findings.flatMap((f) => (f.kind === 'SUCCESSOR_CONCENTRATION' ? f.unitIds : []));
}

/**
 * Findings that reveal succession candidates are for PLANNER and ADMIN only: a VIEWER's
 * answer leaves them out (SPEC §4's VIEWER role). A scoped planner is refused, not filtered,
 * when one involves units outside its scope.
 */
export function visibleFindings(findings: FindingData[], context: Context): FindingData[] {
  const field = 'Query.singlePointsOfFailure';
  if (authorize(context.viewer, { role: 'PLANNER' })) {
    return findings.filter((f) => f.kind !== 'SUCCESSOR_CONCENTRATION');
  }
  requireAccess(context, field, { role: 'PLANNER', reveals: revealsOfFindings(findings) });
  return findings;
}

builder.queryFields((t) => ({
  singlePointsOfFailure: t.connection(
    {
      type: Finding,
      description:
        'Findings of a scope, by severity then unit slug. SUCCESSOR_CONCENTRATION findings ' +
        'reveal candidates: left out for VIEWER tokens; a scoped PLANNER is refused when one ' +
        'involves units outside its scope (ask within it, or leave that kind out of `kinds`).',
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
        const findings = findingsFor(state, scopeIdIn(state, scope), policy, {
          kinds: kinds ?? undefined,
          minSeverity: minSeverity ?? undefined,
        });
        const visible = visibleFindings(findings, context);
        return arrayPage(page, onDayAll(visible, state.asOf));
      },
    },
    { name: 'FindingConnection', description: 'A page of findings.' },
    { name: 'FindingEdge', description: 'A finding and its cursor.' },
  ),
}));
