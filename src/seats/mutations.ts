import { z } from 'zod';
import { seatEnum } from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import { orgMutation } from '../graphql/mutation.js';
import { payloadType } from '../graphql/user-errors.js';
import type { UserErrorData } from '../writes/errors.js';
import { personRefSchema, refSchema } from '../writes/fields.js';
import { SeatAssignment, SeatEnum } from './types.js';
import { assignSeat, type SeatChange, vacateSeat } from './writes.js';

const seatPayload = (name: string, description: string) =>
  payloadType<SeatChange & { userErrors: UserErrorData[] }>(name, description, (t) => ({
    assignment: t.expose('assignment', {
      type: SeatAssignment,
      nullable: true,
      description: 'The new assignment (none when the seat was vacated).',
    }),
    ended: t.expose('ended', {
      type: SeatAssignment,
      nullable: true,
      description: "The previous holder's assignment, now ended (kept as history).",
    }),
  }));
const noSeatChange: SeatChange = { assignment: null, ended: null };
const seat = z.enum(seatEnum.enumValues);

orgMutation({
  name: 'assignSeat',
  description:
    'Puts a person in a seat from `startedOn`, ending the current holder the day before, ' +
    'atomically. A start before a holder planned to start later is refused (vacate the seat ' +
    'first). Writes are applied one at a time: two admins assigning at once both succeed, ' +
    'the later one replacing the earlier.',
  input: builder.inputType('AssignSeatInput', {
    description: 'Who takes a seat, from when.',
    fields: (t) => ({
      unit: t.string({ required: true, description: 'The unit slug.' }),
      seat: t.field({ type: SeatEnum, required: true, description: 'The seat.' }),
      person: t.string({ required: true, description: "The new holder's email." }),
      startedOn: t.field({ type: 'Date', description: 'First day in the seat (default: today).' }),
      acting: t.boolean({
        description:
          'An interim holder. Left out: a new holder is not acting, the current holder keeps theirs.',
      }),
    }),
  }),
  payload: seatPayload('AssignSeatPayload', 'The new assignment, and the one it ended.'),
  failed: noSeatChange,
  schema: z.object({
    unit: refSchema,
    seat,
    person: personRefSchema,
    startedOn: z.string().nullish(),
    // Left out, the seat rule decides (one rule for every entry point): see `assignSeat`.
    acting: z.boolean().nullish(),
  }),
  write: assignSeat,
});

orgMutation({
  name: 'vacateSeat',
  description: 'Leaves a seat empty from `on` (its holder’s last day is the day before).',
  input: builder.inputType('VacateSeatInput', {
    description: 'A seat to leave empty, from when.',
    fields: (t) => ({
      unit: t.string({ required: true, description: 'The unit slug.' }),
      seat: t.field({ type: SeatEnum, required: true, description: 'The seat.' }),
      on: t.field({ type: 'Date', description: 'First day without a holder (default: today).' }),
    }),
  }),
  payload: seatPayload('VacateSeatPayload', 'The assignment that was ended.'),
  failed: noSeatChange,
  schema: z.object({ unit: refSchema, seat, on: z.string().nullish() }),
  write: vacateSeat,
});
