import { AreaOfResponsibility } from '../aors/types.js';
import {
  FINDING_KINDS,
  type Finding as FindingData,
  findingsFor,
  SEVERITIES,
} from '../core/findings/findings.js';
import { asOfArg, orgFor, scopeArg, scopeIdIn } from '../graphql/args.js';
import { atMost } from '../graphql/bounds.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { COST, heavy } from '../graphql/costs.js';
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

export const Finding = builder.objectRef<FindingData>('Finding').implement({
  description: 'One single point of failure: where it is, who is involved, why it matters.',
  fields: (t) => ({
    kind: t.expose('kind', { type: FindingKindEnum, description: 'What kind of risk.' }),
    severity: t.expose('severity', { type: SeverityEnum, description: 'How urgent.' }),
    unit: t.field({
      type: OrgUnit,
      description: 'Where it arises (for per-person kinds: the highest-layer unit involved).',
      resolve: (f) => f.unitId,
    }),
    units: t.field({
      type: [OrgUnit],
      description: 'Every unit involved, Pillars first, by slug.',
      resolve: (f) => f.unitIds,
    }),
    seat: t.expose('seat', {
      type: SeatEnum,
      nullable: true,
      description: 'The seat, for VACANT_SEAT and NO_SUCCESSOR.',
    }),
    people: t.field({
      type: [Person],
      description: 'The people involved.',
      resolve: (f) => f.personIds,
    }),
    aor: t.field({
      type: AreaOfResponsibility,
      nullable: true,
      description: 'The AoR, for SOLE_AOR_OWNER and UNOWNED_AOR.',
      resolve: (f) => f.aorId ?? null,
    }),
    message: t.exposeString('message', { description: 'One sentence for a person to read.' }),
  }),
});

/** Findings that reveal succession candidates are for PLANNER and ADMIN only (SPEC §4). */
export function visibleFindings(findings: FindingData[], { viewer }: Context): FindingData[] {
  if (viewer.role === 'PLANNER' || viewer.role === 'ADMIN') return findings;
  return findings.filter((f) => f.kind !== 'SUCCESSOR_CONCENTRATION');
}

builder.queryFields((t) => ({
  singlePointsOfFailure: t.connection(
    {
      type: Finding,
      description:
        'Findings of a scope, by severity then unit slug. SUCCESSOR_CONCENTRATION findings ' +
        'reveal candidates and are left out for VIEWER tokens.',
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
        const findings = findingsFor(state, scopeIdIn(state, scope), context.config.thresholds, {
          kinds: kinds ?? undefined,
          minSeverity: minSeverity ?? undefined,
        });
        return arrayPage(page, visibleFindings(findings, context));
      },
    },
    { name: 'FindingConnection', description: 'A page of findings.' },
    { name: 'FindingEdge', description: 'A finding and its cursor.' },
  ),
}));
