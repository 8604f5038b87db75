import { CoverageRollup, UnitCoverage } from '../coverage/schema.js';
import { Finding, findingsWithinScope } from '../findings/schema.js';
import { asOfArg, orgFor } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { COST, heavy } from '../graphql/costs.js';
import { rowId } from '../graphql/node-id.js';
import { type OnDay, onDayAll, unitOf } from '../graphql/on-day.js';
import { nextDraftIdBase, placeholdersOf } from '../graphql/placeholders.js';
import { CoverageChange } from '../impact/schema.js';
import { PolicyKind } from '../policy/types.js';
import { kindRule } from '../policy/writes.js';
import { SeatEnum } from '../seats/types.js';
import { ReadinessEnum } from '../succession/types.js';
import { OrgUnit } from '../units/types.js';
import type { ScenarioChange as ChangeData, ScenarioConflict as ConflictData } from './changes.js';
import { type Scenario as ScenarioData, scenariosByIds } from './data.js';
import {
  type ScenarioEvaluation as EvaluationData,
  evaluateScenario,
  type TouchedUnit,
} from './evaluate.js';
import { revealsOfChanges } from './reveals.js';

type Kind<K extends keyof ChangeData> = NonNullable<ChangeData[K]>;

const DepartChange = builder.objectRef<Kind<'depart'>>('DepartChange').implement({
  description: 'A person leaves.',
  fields: (t) => ({
    person: t.exposeString('person', { description: 'Their email.' }),
    on: t.expose('on', {
      type: 'Date',
      nullable: true,
      description: 'Their first day gone (default: the day evaluated, or applied).',
    }),
  }),
});

const AssignSeatChange = builder.objectRef<Kind<'assignSeat'>>('AssignSeatChange').implement({
  description: 'A person takes a seat.',
  fields: (t) => ({
    unit: t.exposeString('unit', { description: 'The unit (slug).' }),
    seat: t.expose('seat', { type: SeatEnum, description: 'The seat.' }),
    person: t.exposeString('person', { description: 'The new holder (email).' }),
    acting: t.exposeBoolean('acting', { nullable: true, description: 'An interim holder.' }),
  }),
});

const VacateSeatChange = builder.objectRef<Kind<'vacateSeat'>>('VacateSeatChange').implement({
  description: 'A seat is left empty.',
  fields: (t) => ({
    unit: t.exposeString('unit', { description: 'The unit (slug).' }),
    seat: t.expose('seat', { type: SeatEnum, description: 'The seat.' }),
  }),
});

const SetTeamChange = builder.objectRef<Kind<'setTeam'>>('SetTeamChange').implement({
  description: 'A person moves to a team (or off their team).',
  fields: (t) => ({
    person: t.exposeString('person', { description: 'The person (email).' }),
    team: t.exposeString('team', { nullable: true, description: 'The team (slug); null: none.' }),
  }),
});

const MoveUnitChange = builder.objectRef<Kind<'moveUnit'>>('MoveUnitChange').implement({
  description: 'A unit moves under another parent.',
  fields: (t) => ({
    unit: t.exposeString('unit', { description: 'The unit (slug).' }),
    parent: t.exposeString('parent', { description: 'The new parent (slug).' }),
  }),
});

const AddCandidateChange = builder.objectRef<Kind<'addCandidate'>>('AddCandidateChange').implement({
  description: 'A person is named a successor candidate for a seat.',
  fields: (t) => ({
    unit: t.exposeString('unit', { description: 'The unit (slug).' }),
    seat: t.expose('seat', { type: SeatEnum, description: 'The seat.' }),
    person: t.exposeString('person', { description: 'The candidate (email).' }),
    readiness: t.expose('readiness', { type: ReadinessEnum, description: 'How ready.' }),
  }),
});

const HireChange = builder.objectRef<Kind<'hire'>>('HireChange').implement({
  description:
    'Someone new is hired into a seat: a placeholder person in evaluations; applied, the seat ' +
    'gets an OPEN role.',
  fields: (t) => ({
    unit: t.exposeString('unit', { description: 'The unit (slug).' }),
    seat: t.expose('seat', { type: SeatEnum, description: 'The seat.' }),
    name: t.exposeString('name', {
      nullable: true,
      description: 'The placeholder’s name (default: "New hire (<unit> <seat>)").',
    }),
  }),
});

const SetPolicyChange = builder.objectRef<Kind<'setPolicy'>>('SetPolicyChange').implement({
  description: 'The policy changes; a field left out keeps its value.',
  fields: (t) => ({
    on: t.expose('on', {
      type: 'Date',
      nullable: true,
      description: 'Its first day (default: the day evaluated, or applied).',
    }),
    tlmTeamSize: t.exposeInt('tlmTeamSize', { nullable: true, description: 'TLM team size.' }),
    longTlmDays: t.exposeInt('longTlmDays', { nullable: true, description: 'Long-TLM days.' }),
    spanLimit: t.exposeInt('spanLimit', { nullable: true, description: 'Span limit.' }),
    actingDays: t.exposeInt('actingDays', { nullable: true, description: 'Acting days.' }),
    kinds: t.field({
      type: [PolicyKind],
      nullable: true,
      description: 'The kinds it overrides.',
      resolve: (change) => change.kinds?.map((rule) => ({ kind: rule.kind, ...kindRule(rule) })),
    }),
  }),
});

export const ScenarioChange = builder.objectRef<ChangeData>('ScenarioChange').implement({
  description: 'One change of a scenario: exactly one field is set.',
  fields: (t) => ({
    depart: t.expose('depart', { type: DepartChange, nullable: true, description: 'A departure.' }),
    assignSeat: t.expose('assignSeat', {
      type: AssignSeatChange,
      nullable: true,
      description: 'A seat assignment.',
    }),
    vacateSeat: t.expose('vacateSeat', {
      type: VacateSeatChange,
      nullable: true,
      description: 'A seat left empty.',
    }),
    setTeam: t.expose('setTeam', { type: SetTeamChange, nullable: true, description: 'A move.' }),
    moveUnit: t.expose('moveUnit', {
      type: MoveUnitChange,
      nullable: true,
      description: 'A unit moved.',
    }),
    addCandidate: t.expose('addCandidate', {
      type: AddCandidateChange,
      nullable: true,
      description: 'A successor candidate named.',
    }),
    hire: t.expose('hire', { type: HireChange, nullable: true, description: 'A hire.' }),
    setPolicy: t.expose('setPolicy', {
      type: SetPolicyChange,
      nullable: true,
      description: 'A policy change.',
    }),
  }),
});

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
      description: 'Its coverage with the scenario’s changes.',
      resolve: (u) => u.after,
    }),
  }),
});

export const ScenarioEvaluation = builder
  .objectRef<EvaluationData>('ScenarioEvaluation')
  .implement({
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
        description: 'Findings that would appear (a scoped token: of units within its scope).',
        resolve: (e, _args, { viewer }) => findingsWithinScope(e.newFindings, viewer),
      }),
      resolvedFindings: t.field({
        type: [Finding],
        description: 'Findings that would disappear (a scoped token: of units within its scope).',
        resolve: (e, _args, { viewer }) => findingsWithinScope(e.resolvedFindings, viewer),
      }),
      before: t.expose('before', {
        type: CoverageRollup,
        description:
          'The whole org’s rollup as it stands (bench strength included); a scoped token’s: ' +
          'its scope’s.',
      }),
      after: t.expose('after', {
        type: CoverageRollup,
        description: 'The whole org’s rollup with the scenario; a scoped token’s: its scope’s.',
      }),
      units: t.expose('units', {
        type: [ScenarioUnit],
        description:
          'Every unit a change touches, before and after, Pillars first (a scoped token: ' +
          'those within its scope).',
      }),
    }),
  });

/** Confidential like the bench: every field needs the PLANNER role. */
export const Scenario = builder.loadableNode('Scenario', {
  description: 'A saved draft of hypothetical org changes, for planning (confidential).',
  // A scoped planner reads only scenarios all of whose units lie within the scope.
  authScopes: async (scenario: ScenarioData, context: Context) => {
    if (!context.viewer.scope) return { planner: true };
    const reveals = revealsOfChanges(await orgFor(context, null), scenario.changes);
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
        '(default today): what breaks and what is fixed. Writes nothing.',
      ...heavy(COST.scenarioEvaluation),
      args: { asOf: asOfArg(t.arg) },
      resolve: async (scenario, { asOf }, context) => {
        const state = await orgFor(context, asOf);
        const history = await context.org.history();
        const idBase = nextDraftIdBase(context);
        const { hires, ...evaluation } = evaluateScenario(
          history,
          state,
          scenario.changes,
          await context.org.policyOn(state.asOf),
          { idBase, within: context.viewer.scope?.unitIds ?? null },
        );
        for (const hire of hires) placeholdersOf(context).set(hire.id, hire);
        const { asOf: day } = evaluation;
        return {
          ...evaluation,
          coverageChanges: onDayAll(evaluation.coverageChanges, day),
          newFindings: onDayAll(evaluation.newFindings, day),
          resolvedFindings: onDayAll(evaluation.resolvedFindings, day),
          units: onDayAll(evaluation.units, day),
        };
      },
    }),
  }),
});
