import { z } from 'zod';
import { readinessEnum, seatEnum } from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import { SetPolicyInput } from '../policy/types.js';
import { policyChangeSchema } from '../policy/writes.js';
import { SeatEnum } from '../seats/types.js';
import { ReadinessEnum } from '../succession/types.js';
import {
  daySchema,
  LONG_TEXT_MAX,
  nameSchema,
  optionalText,
  personRefSchema,
  refSchema,
} from '../writes/fields.js';
import { CHANGE_KINDS, type ScenarioChange } from './changes.js';

/** The most changes one scenario holds: a reorg, not a dump of the org. */
export const MAX_CHANGES = 100;

const seat = z.enum(seatEnum.enumValues);

const DepartChangeInput = builder.inputType('DepartChangeInput', {
  description: 'A person leaves.',
  fields: (t) => ({
    person: t.string({ required: true, description: 'Their email.' }),
    on: t.field({ type: 'Date', description: 'Their first day gone (default: the day asked).' }),
  }),
});

const AssignSeatChangeInput = builder.inputType('AssignSeatChangeInput', {
  description: 'A person takes a seat (ending its holder, as `assignSeat`).',
  fields: (t) => ({
    unit: t.string({ required: true, description: 'The unit (slug).' }),
    seat: t.field({ type: SeatEnum, required: true, description: 'The seat.' }),
    person: t.string({ required: true, description: 'The new holder (email).' }),
    acting: t.boolean({ description: 'An interim holder (default: false).' }),
  }),
});

const VacateSeatChangeInput = builder.inputType('VacateSeatChangeInput', {
  description: 'A seat is left empty.',
  fields: (t) => ({
    unit: t.string({ required: true, description: 'The unit (slug).' }),
    seat: t.field({ type: SeatEnum, required: true, description: 'The seat.' }),
  }),
});

const SetTeamChangeInput = builder.inputType('SetTeamChangeInput', {
  description: 'A person moves to a team.',
  fields: (t) => ({
    person: t.string({ required: true, description: 'The person (email).' }),
    team: t.string({ description: 'The team (slug); null or left out: off their team.' }),
  }),
});

const MoveUnitChangeInput = builder.inputType('MoveUnitChangeInput', {
  description: 'A unit moves under another parent of the right layer.',
  fields: (t) => ({
    unit: t.string({ required: true, description: 'The unit (slug).' }),
    parent: t.string({ required: true, description: 'The new parent (slug).' }),
  }),
});

const AddCandidateChangeInput = builder.inputType('AddCandidateChangeInput', {
  description: 'A person is named a successor candidate.',
  fields: (t) => ({
    unit: t.string({ required: true, description: 'The unit (slug).' }),
    seat: t.field({ type: SeatEnum, required: true, description: 'The seat.' }),
    person: t.string({ required: true, description: 'The candidate (email).' }),
    readiness: t.field({ type: ReadinessEnum, required: true, description: 'How ready.' }),
  }),
});

const HireChangeInput = builder.inputType('HireChangeInput', {
  description:
    'Someone new is hired into a seat: evaluated, a placeholder takes it (replacing its ' +
    'holder, as `assignSeat`); applied, an OPEN role is opened for it.',
  fields: (t) => ({
    unit: t.string({ required: true, description: 'The unit (slug).' }),
    seat: t.field({ type: SeatEnum, required: true, description: 'The seat.' }),
    name: t.string({ description: 'A name for the placeholder (default: "New hire (…)").' }),
  }),
});

export const ScenarioChangeInput = builder.inputType('ScenarioChangeInput', {
  description: 'One change: set exactly one field. People by email, units by slug.',
  fields: (t) => ({
    depart: t.field({ type: DepartChangeInput, description: 'A departure.' }),
    assignSeat: t.field({ type: AssignSeatChangeInput, description: 'A seat assignment.' }),
    vacateSeat: t.field({ type: VacateSeatChangeInput, description: 'A seat left empty.' }),
    setTeam: t.field({ type: SetTeamChangeInput, description: 'A team move.' }),
    moveUnit: t.field({ type: MoveUnitChangeInput, description: 'A unit moved.' }),
    addCandidate: t.field({ type: AddCandidateChangeInput, description: 'A candidate named.' }),
    hire: t.field({ type: HireChangeInput, description: 'A hire into a seat.' }),
    setPolicy: t.field({
      type: SetPolicyInput,
      description: 'A policy change (`on` default: the day evaluated, or applied).',
    }),
  }),
});

const kinds = {
  depart: z.object({ person: personRefSchema, on: daySchema.nullish() }),
  assignSeat: z.object({
    unit: refSchema,
    seat,
    person: personRefSchema,
    acting: z.boolean().nullish(),
  }),
  vacateSeat: z.object({ unit: refSchema, seat }),
  setTeam: z.object({
    person: personRefSchema,
    team: refSchema.nullish().transform((team) => team ?? null),
  }),
  moveUnit: z.object({ unit: refSchema, parent: refSchema }),
  addCandidate: z.object({
    unit: refSchema,
    seat,
    person: personRefSchema,
    readiness: z.enum(readinessEnum.enumValues),
  }),
  hire: z.object({ unit: refSchema, seat, name: nameSchema.nullish() }),
  setPolicy: policyChangeSchema,
};

/** Drops the fields left null, so a change reads back as exactly what it says. */
const compact = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v != null)) as T;

/** One change: its kind's rules, and exactly one kind given. */
const changeSchema = z
  .object(Object.fromEntries(CHANGE_KINDS.map((k) => [k, kinds[k].nullish()])))
  .refine((change) => CHANGE_KINDS.filter((k) => change[k] != null).length === 1, {
    message: `set exactly one of ${CHANGE_KINDS.join(', ')}`,
  })
  .transform((change) => {
    const kind = CHANGE_KINDS.find((k) => change[k] != null) as keyof ScenarioChange;
    const fields = compact(change[kind] as object);
    return { [kind]: kind === 'setTeam' ? { team: null, ...fields } : fields } as ScenarioChange;
  });

export const changesSchema = z
  .array(changeSchema)
  .max(MAX_CHANGES, `must have at most ${MAX_CHANGES} changes`);

export const scenarioNameSchema = nameSchema;
export const scenarioDescriptionSchema = optionalText(LONG_TEXT_MAX);
