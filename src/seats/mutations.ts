import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { lastDayBefore } from '../core/org/days.js';
import type { Db } from '../db/client.js';
import { endFrom } from '../db/history.js';
import {
  candidateTable,
  type SeatAssignmentRow,
  seatAssignmentTable,
  seatEnum,
} from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import { payloadType } from '../graphql/user-errors.js';
import type { UserErrorData } from '../writes/errors.js';
import { UserInputError } from '../writes/errors.js';
import { requirePerson, requireUnit } from '../writes/lookup.js';
import { parseInput, runMutation, type Write } from '../writes/run.js';
import { SeatAssignment, SeatEnum } from './types.js';

const AssignSeatInput = builder.inputType('AssignSeatInput', {
  description: 'Who takes a seat, from when.',
  fields: (t) => ({
    unit: t.string({ required: true, description: 'The unit slug.' }),
    seat: t.field({ type: SeatEnum, required: true, description: 'The seat.' }),
    person: t.string({ required: true, description: "The new holder's email." }),
    startedOn: t.field({ type: 'Date', description: 'First day in the seat (default: today).' }),
    acting: t.boolean({ description: 'An interim holder (default: false).' }),
  }),
});

const VacateSeatInput = builder.inputType('VacateSeatInput', {
  description: 'A seat to leave empty, from when.',
  fields: (t) => ({
    unit: t.string({ required: true, description: 'The unit slug.' }),
    seat: t.field({ type: SeatEnum, required: true, description: 'The seat.' }),
    on: t.field({ type: 'Date', description: 'First day without a holder (default: today).' }),
  }),
});

export const assignSchema = z.object({
  unit: z.string().min(1),
  seat: z.enum(seatEnum.enumValues),
  person: z.string().min(1),
  startedOn: z.string().nullish(),
  acting: z.boolean().nullish(),
});

interface SeatChange {
  assignment: SeatAssignmentRow | null;
  ended: SeatAssignmentRow | null;
}
const noSeatChange: SeatChange = { assignment: null, ended: null };

const seatPayload = (name: string, description: string) =>
  payloadType<SeatChange & { userErrors: UserErrorData[] }>(name, description, (t) => ({
    assignment: t.expose('assignment', {
      type: SeatAssignment,
      nullable: true,
      description: 'The new assignment.',
    }),
    ended: t.expose('ended', {
      type: SeatAssignment,
      nullable: true,
      description: "The previous holder's assignment, now ended (kept as history).",
    }),
  }));

/** The open-ended assignment of a seat (current, or planned to start), if any. */
async function openAssignment(tx: Db, unitId: number, seat: SeatAssignmentRow['seat']) {
  const [row] = await tx
    .select()
    .from(seatAssignmentTable)
    .where(
      and(
        eq(seatAssignmentTable.unitId, unitId),
        eq(seatAssignmentTable.seat, seat),
        isNull(seatAssignmentTable.endedOn),
      ),
    );
  return row ?? null;
}

/** Ends an open-ended row so the next one can start on `start`; a concurrent end is a conflict. */
async function endAssignment(tx: Db, row: SeatAssignmentRow, start: string, path: string) {
  const [ended] = await tx
    .update(seatAssignmentTable)
    .set({ endedOn: lastDayBefore(row.startedOn, start) })
    .where(and(eq(seatAssignmentTable.id, row.id), isNull(seatAssignmentTable.endedOn)))
    .returning();
  if (!ended) throw UserInputError.of(path, 'the seat changed at the same time; retry', 'CONFLICT');
  return ended;
}

/** Puts a person in a seat from `startedOn`, ending the current holder the day before. */
export async function assignSeat(
  w: Write,
  input: z.output<typeof assignSchema>,
): Promise<SeatChange> {
  const startedOn = input.startedOn ?? w.today;
  const unit = await requireUnit(w.tx, input.unit, 'input.unit');
  const person = await requirePerson(w.tx, input.person, 'input.person', startedOn);
  const current = await openAssignment(w.tx, unit.id, input.seat);
  if (current?.personId === person.id && current.acting === Boolean(input.acting)) {
    return { assignment: current, ended: null };
  }
  if (current && current.startedOn > startedOn) {
    throw UserInputError.of(
      'input.startedOn',
      `must not be before the current holder's start (${current.startedOn})`,
      'VALIDATION',
    );
  }
  const ended = current ? await endAssignment(w.tx, current, startedOn, 'input.seat') : null;
  // A holder cannot be a successor candidate for their own seat: the candidacy ends.
  await w.tx
    .update(candidateTable)
    .set(endFrom(candidateTable, startedOn))
    .where(
      and(
        eq(candidateTable.unitId, unit.id),
        eq(candidateTable.seat, input.seat),
        eq(candidateTable.personId, person.id),
        isNull(candidateTable.endedOn),
      ),
    );
  const [assignment] = await w.tx
    .insert(seatAssignmentTable)
    .values({
      unitId: unit.id,
      seat: input.seat,
      personId: person.id,
      startedOn,
      acting: Boolean(input.acting),
    })
    .returning();
  w.record({ unitId: unit.id, personId: person.id, before: ended, after: assignment });
  return { assignment: assignment ?? null, ended };
}

builder.mutationFields((t) => ({
  assignSeat: t.field({
    type: seatPayload('AssignSeatPayload', 'The new assignment, and the one it ended.'),
    description:
      'Puts a person in a seat from `startedOn`, ending the current holder the day before, ' +
      'atomically. Two admins racing for one seat: one wins, the other gets a CONFLICT. ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: AssignSeatInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(
        context,
        'assignSeat',
        noSeatChange,
        (w) => assignSeat(w, parseInput(assignSchema, input)),
        { lock: 'last' },
      ),
  }),
  vacateSeat: t.field({
    type: seatPayload('VacateSeatPayload', 'The assignment that was ended.'),
    description: 'Leaves a seat empty from `on` (its holder’s last day is the day before). ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: VacateSeatInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(
        context,
        'vacateSeat',
        noSeatChange,
        async (w) => {
          const on = input.on ?? w.today;
          const unit = await requireUnit(w.tx, input.unit, 'input.unit');
          const current = await openAssignment(w.tx, unit.id, input.seat);
          if (!current)
            throw UserInputError.of('input.seat', 'the seat has no holder', 'NOT_FOUND');
          const ended = await endAssignment(w.tx, current, on, 'input.seat');
          w.record({ unitId: unit.id, personId: current.personId, before: current, after: ended });
          return { assignment: null, ended };
        },
        { lock: 'last' },
      ),
  }),
}));
