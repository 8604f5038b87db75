/** A scenario's changes as the API answers them: one object type per kind of change. */
import { builder } from '../graphql/builder.js';
import { PolicyKind } from '../policy/types.js';
import { kindRule } from '../policy/writes.js';
import { SeatEnum } from '../seats/types.js';
import { ReadinessEnum } from '../succession/types.js';
import type { ScenarioChange as ChangeData } from './changes.js';

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
