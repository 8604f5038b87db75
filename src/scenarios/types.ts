import { CoverageRollup, UnitCoverage } from '../coverage/schema.js';
import { Finding, findingsWithinScope } from '../findings/schema.js';
import { confidential } from '../graphql/access.js';
import { orgFor } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { COST, heavy } from '../graphql/costs.js';
import { rowId } from '../graphql/node-id.js';
import { dayOf, nestedDayArg, type OnDay, onDay, onDayAll, unitOf } from '../graphql/on-day.js';
import { nextDraftIdBase, placeholdersOf } from '../graphql/placeholders.js';
import { CoverageChange } from '../impact/schema.js';
import type { LoadedOrg } from '../store/org-views.js';
import { OrgUnit } from '../units/types.js';
import { ScenarioChange } from './change-types.js';
import type { ScenarioConflict as ConflictData } from './changes.js';
import { type Scenario as ScenarioData, scenariosByIds } from './data.js';
import {
  type ScenarioEvaluation as EvaluationData,
  evaluateScenario,
  type TouchedUnit,
} from './evaluate.js';
import { plannedOrg } from './planned-org.js';
import { revealsOfScenario } from './reveals.js';

const ScenarioConflict = builder.objectRef<ConflictData>('ScenarioConflict').implement({
  description: 'A change that no longer applies to the org as it stands; it was skipped.',
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'Its position in `changes`, from 0.' }),
    message: t.exposeString('message', { description: 'Why, in one sentence.' }),
  }),
});

const ScenarioUnit = builder.objectRef<OnDay<TouchedUnit>>('ScenarioUnit').implement({
  description: 'A unit the scenario touches, as it is and as it would be.',
  fields: (t) => ({
    unit: t.field({ type: OrgUnit, description: 'The unit.', resolve: unitOf }),
    before: t.field({
      type: UnitCoverage,
      nullable: true,
      description: 'Its coverage as the org stands.',
      resolve: (u) => u.before,
    }),
    after: t.field({
      type: UnitCoverage,
      nullable: true,
      description:
        'Its coverage with the scenario’s changes, the people it names as the scenario would make them.',
      resolve: (u) => u.after,
    }),
  }),
});

const ScenarioEvaluation = builder.objectRef<EvaluationData>('ScenarioEvaluation').implement({
  description: 'What a scenario would do to the org on a day, written nowhere.',
  fields: (t) => ({
    asOf: t.expose('asOf', { type: 'Date', description: 'The day evaluated.' }),
    conflicts: t.expose('conflicts', {
      type: [ScenarioConflict],
      description: 'Changes that no longer apply, skipped.',
    }),
    coverageChanges: t.expose('coverageChanges', {
      type: [CoverageChange],
      description:
        'Units whose coverage status would change, Pillars first, then by slug (a scoped ' +
        'token: within its scope).',
    }),
    newFindings: t.field({
      type: [Finding],
      description:
        'Findings that would appear, their units and people as the scenario would make them (a ' +
        'scoped token: of units within its scope).',
      resolve: (e, _args, { viewer }) => findingsWithinScope(e.newFindings, viewer),
    }),
    resolvedFindings: t.field({
      type: [Finding],
      description: 'Findings that would disappear (a scoped token: of units within its scope).',
      resolve: (e, _args, { viewer }) => findingsWithinScope(e.resolvedFindings, viewer),
    }),
    before: t.field({
      type: CoverageRollup,
      description:
        'The whole org’s rollup as it stands (bench strength included); a scoped token’s: ' +
        'its scope’s.',
      resolve: (e) => ({ ...e.before, asOf: e.asOf }),
    }),
    after: t.field({
      type: CoverageRollup,
      description: 'The whole org’s rollup with the scenario; a scoped token’s: its scope’s.',
      resolve: (e) => ({ ...e.after, asOf: e.asOf }),
    }),
    units: t.expose('units', {
      type: [ScenarioUnit],
      description:
        'Every unit a change touches, before and after, Pillars first (a scoped token: ' +
        'those within its scope).',
    }),
  }),
});

/**
 * What a scenario reveals to a scoped caller judged by the org on `day` (the seats and teams
 * of the people it names are those of that day), as a person's departure impact is.
 */
async function revealsOn(scenario: ScenarioData, day: string | null, context: Context) {
  return revealsOfScenario(await orgFor(context, day), scenario, context.viewer);
}

/** Confidential like the bench: every field needs the PLANNER role. */
export const Scenario = builder.loadableNode('Scenario', {
  description: 'A saved draft of hypothetical org changes, for planning (confidential).',
  // A scoped planner reads only scenarios all of whose units lie within the scope (today:
  // a scenario is a plan of today's; its evaluation is judged on its own day, below).
  authScopes: async (scenario: ScenarioData, context: Context) => {
    if (!context.viewer.scope) return { planner: true };
    const reveals = await revealsOn(scenario, null, context);
    return { confidential: { role: 'PLANNER' as const, reveals } };
  },
  id: rowId,
  load: (ids: number[], { db }) => scenariosByIds(db, ids),
  sort: (scenario: ScenarioData) => scenario.id,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What it is called.' }),
    description: t.exposeString('description', { nullable: true, description: 'What it is.' }),
    changes: t.expose('changes', { type: [ScenarioChange], description: 'Its changes, in order.' }),
    applied: t.boolean({
      description: 'Applied to the org (read-only from then on).',
      resolve: (s) => s.appliedAt !== null,
    }),
    appliedAt: t.string({
      nullable: true,
      description: 'When it was applied (ISO 8601).',
      resolve: (s) => s.appliedAt?.toISOString() ?? null,
    }),
    createdAt: t.string({
      description: 'When it was created (ISO 8601).',
      resolve: (s) => s.createdAt.toISOString(),
    }),
    updatedAt: t.string({
      description: 'When it last changed (ISO 8601).',
      resolve: (s) => s.updatedAt.toISOString(),
    }),
    createdBy: t.exposeString('createdBy', { description: 'Who created it (token or subject).' }),
    evaluation: t.field({
      type: ScenarioEvaluation,
      description:
        'Its changes applied in order, in memory, to the org as it stands on `asOf` ' +
        '(default: the day the enclosing answer is for, today for a list of scenarios): what ' +
        'breaks and what is fixed. Writes nothing.',
      ...heavy(COST.scenarioEvaluation),
      // Its own day may put the people it names in other seats: refused (FORBIDDEN) when
      // they then reach beyond the scope, as their departure impact that day is.
      authScopes: confidential('PLANNER', (scenario, { asOf }, context) =>
        revealsOn(scenario, asOf ?? dayOf(scenario as OnDay<ScenarioData>, context), context),
      ),
      args: { asOf: nestedDayArg(t.arg) },
      resolve: async (scenario, { asOf }, context) => {
        // Asked through `node(id:, asOf:)`, the scenario carries that day (relay-nodes.ts).
        const state = await orgFor(
          context,
          asOf ?? dayOf(scenario as OnDay<ScenarioData>, context),
        );
        const history = await context.org.history();
        const idBase = nextDraftIdBase(context);
        const { hires, plan, ...evaluation } = evaluateScenario(
          history,
          state,
          scenario.changes,
          await context.org.policyOn(state.asOf),
          { idBase, within: context.viewer.scope?.unitIds ?? null, today: context.today },
        );
        for (const hire of hires) placeholdersOf(context).set(hire.id, hire);
        const { asOf: day } = evaluation;
        // What would be answers from the org planned; what is, from the org as it stands.
        const planned = plannedOrg(context.org.loaded() as LoadedOrg, plan);
        return {
          ...evaluation,
          coverageChanges: onDayAll(evaluation.coverageChanges, day),
          newFindings: onDayAll(evaluation.newFindings, day, planned),
          resolvedFindings: onDayAll(evaluation.resolvedFindings, day),
          units: evaluation.units.map((unit) => ({
            ...onDay(unit, day),
            after: unit.after && onDay(unit.after, day, planned),
          })),
        };
      },
    }),
  }),
});
