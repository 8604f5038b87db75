import { GraphQLError } from 'graphql';
import {
  COVERAGE_STATUSES,
  type UnitCoverage as UnitCoverageData,
  unitCoverage,
} from '../core/coverage/coverage.js';
import {
  coverageRollup,
  type LayerCoverage as LayerData,
  type CoverageRollup as RollupData,
  teamsWithoutTechLead,
} from '../core/coverage/rollup.js';
import { asOfArg, orgFor, scopeArg, scopeIdIn } from '../graphql/args.js';
import { builder, type Types } from '../graphql/builder.js';
import { COST, heavy } from '../graphql/costs.js';
import { nestedDayArg, type OnDay, onDay, readAsOf, readOn } from '../graphql/on-day.js';
import { arrayPage } from '../graphql/pagination.js';
import { LayerEnum, OrgUnit, OrgUnitConnection } from '../units/types.js';
import { BenchSeat } from './seat-schema.js';

export const CoverageStatusEnum = builder.enumType('CoverageStatus', {
  description:
    'STAFFED: an Eng Lead and a different Tech Lead. TECH_LEAD_MANAGER: an Eng Lead and no ' +
    'separate Tech Lead. MISSING_ENG_LEAD: a Tech Lead, no Eng Lead. VACANT: neither seat held.',
  values: COVERAGE_STATUSES,
});

export const UnitCoverage = builder.objectRef<OnDay<UnitCoverageData>>('UnitCoverage').implement({
  description: "A unit's leadership coverage on a day.",
  fields: (t) => ({
    status: t.expose('status', { type: CoverageStatusEnum, description: 'The coverage status.' }),
    healthy: t.exposeBoolean('healthy', {
      description: 'STAFFED, or a Team in TECH_LEAD_MANAGER under the engineer threshold.',
    }),
    engineerCount: t.exposeInt('engineerCount', {
      description: 'Members on the day, not counting the Eng Lead (the Tech Lead counts).',
    }),
    tlmBeyondThreshold: t.exposeBoolean('tlmBeyondThreshold', {
      description: 'A Team in TECH_LEAD_MANAGER with the threshold of engineers or more.',
    }),
    hiring: t.exposeBoolean('hiring', { description: 'An empty seat has an OPEN role.' }),
    tlmSince: t.expose('tlmSince', {
      type: 'Date',
      nullable: true,
      description:
        "In TECH_LEAD_MANAGER since: the later of the Eng Lead's first day and the last separate " +
        "Tech Lead's last day (their `endedOn`), the day LONG_RUNNING_TLM counts from.",
    }),
    tlmDays: t.exposeInt('tlmDays', {
      nullable: true,
      description: 'Days from `tlmSince` to the day asked.',
    }),
    engLead: t.field({
      type: BenchSeat,
      description: 'The Eng Lead seat.',
      resolve: (c) => onDay(c.seats.ENG_LEAD, c.day, c.planned),
    }),
    techLead: t.field({
      type: BenchSeat,
      description: 'The Tech Lead seat.',
      resolve: (c) => onDay(c.seats.TECH_LEAD, c.day, c.planned),
    }),
  }),
});

export const LayerCoverage = builder.objectRef<LayerData>('LayerCoverage').implement({
  description: 'Counts over the units of one layer of a scope.',
  fields: (t) => ({
    layer: t.expose('layer', { type: LayerEnum, description: 'The layer.' }),
    units: t.exposeInt('units', { description: 'Units of this layer in scope.' }),
    healthy: t.exposeInt('healthy', { description: 'Healthy units.' }),
    staffed: t.exposeInt('staffed', { description: 'Units STAFFED.' }),
    techLeadManager: t.exposeInt('techLeadManager', { description: 'Units in TECH_LEAD_MANAGER.' }),
    missingEngLead: t.exposeInt('missingEngLead', { description: 'Units MISSING_ENG_LEAD.' }),
    vacant: t.exposeInt('vacant', { description: 'Units VACANT.' }),
    tlmBeyondThreshold: t.exposeInt('tlmBeyondThreshold', {
      description: 'TLM Teams at or over the threshold.',
    }),
    hiring: t.exposeInt('hiring', {
      description: 'Units with an empty seat that has an OPEN role.',
    }),
  }),
});

/**
 * The bench strength of an answer about some units (a rollup, a trend point). It is a share,
 * no names: part of coverage, which SPEC §4 keeps org-wide for every role and every scope.
 */
export function benchStrengthField<T extends { benchStrength: number | null }>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, T>,
) {
  return t.float({
    nullable: true,
    description:
      'Share of held seats with a READY_NOW successor; null when no seat is held. Part of ' +
      'coverage: every role reads it, a scoped token too, for any scope.',
    resolve: (answer) => answer.benchStrength,
  });
}

/** A rollup with the day it answers for. */
export type DatedRollup = RollupData & { asOf: string };

export const CoverageRollup = builder.objectRef<DatedRollup>('CoverageRollup').implement({
  description: 'Coverage counts of a scope, per layer, and its bench strength.',
  fields: (t) => ({
    // A client left on today learns the server's today here (a dashboard's trend ends on it).
    asOf: t.expose('asOf', {
      type: 'Date',
      description: 'The day it answers for: the `asOf` asked, else the server’s today.',
    }),
    byLayer: t.field({
      type: [LayerCoverage],
      description: 'PILLAR, AREA, TEAM rows, only for layers with units in scope.',
      resolve: (r) => r.byLayer,
    }),
    benchStrength: benchStrengthField(t),
  }),
});

builder.objectFields(OrgUnit, (t) => ({
  coverage: t.field({
    type: UnitCoverage,
    description: 'Leadership coverage on a day.',
    args: { asOf: nestedDayArg(t.arg) },
    resolve: (unit, { asOf }, context) =>
      readAsOf(context, unit, asOf, (org) => {
        const { state } = org;
        if (!state.unitsById.has(unit.id)) {
          const why =
            unit.createdOn > state.asOf
              ? `is created on ${unit.createdOn}`
              : `was archived on ${unit.archivedOn}`;
          throw new GraphQLError(`unit "${unit.slug}" ${why}: no coverage on ${state.asOf}`, {
            extensions: { code: 'NOT_FOUND', argument: 'asOf' },
          });
        }
        // A coverage carries its day, and is not copied (its seats are worked out on first
        // read), unless it must carry a planned org on to its seats.
        const coverage = unitCoverage(state, unit.id, org.org.policyOn(state.asOf));
        return org.planned ? org.dated(coverage) : coverage;
      }),
  }),
}));

builder.queryFields((t) => ({
  coverage: t.field({
    type: CoverageRollup,
    description:
      "Coverage rollup of a unit's subtree (the unit at its own layer), or the whole org.",
    authScopes: { viewer: true },
    ...heavy(COST.coverage),
    args: {
      scope: scopeArg(t.arg),
      asOf: asOfArg(t.arg),
    },
    resolve: async (_root, { scope, asOf }, context) => {
      const state = await orgFor(context, asOf);
      const policy = await context.org.policyOn(state.asOf);
      return { ...coverageRollup(state, scopeIdIn(state, scope), policy), asOf: state.asOf };
    },
  }),
  teamsWithoutTechLead: t.connection(
    {
      type: OrgUnit,
      description:
        'Teams whose Tech Lead seat has no holder other than the Eng Lead, by slug: TLM teams ' +
        '(coverage.status TECH_LEAD_MANAGER) and teams with neither seat held.',
      authScopes: { viewer: true },
      ...heavy(COST.teamsWithoutTechLead),
      args: {
        scope: scopeArg(t.arg),
        asOf: asOfArg(t.arg),
      },
      resolve: async (_root, { scope, asOf, ...page }, context) => {
        const teams = await readOn(context, asOf ?? context.today, (org) =>
          org.units(
            teamsWithoutTechLead(org.state, scopeIdIn(org.state, scope)).map((t) => t.unit.id),
          ),
        );
        const day = asOf ?? context.today;
        return arrayPage(page, teams, { list: 'teamsWithoutTechLead', day, chosenBy: { scope } });
      },
    },
    OrgUnitConnection,
  ),
}));
