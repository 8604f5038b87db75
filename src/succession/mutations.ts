import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { lastDayBefore } from '../core/org/days.js';
import type { Day } from '../core/org/state.js';
import type { Db } from '../db/client.js';
import {
  type CandidateRow,
  candidateTable,
  type PersonRow,
  readinessEnum,
  type Seat,
  seatAssignmentTable,
  seatEnum,
  type UnitRow,
} from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import { payloadType } from '../graphql/user-errors.js';
import { SeatEnum } from '../seats/types.js';
import type { UserErrorData } from '../writes/errors.js';
import { UserInputError } from '../writes/errors.js';
import { longTextSchema, refSchema } from '../writes/fields.js';
import { requireKnownPerson, requirePerson, requireUnit } from '../writes/lookup.js';
import { parseInput, runMutation, type Write } from '../writes/run.js';
import { ReadinessEnum, SuccessionCandidate } from './types.js';

// ---------------------------------------------------------------------------------------
// Inputs

const AddCandidateInput = builder.inputType('AddCandidateInput', {
  description: 'A person to name as a possible successor for one seat of one unit.',
  fields: (t) => ({
    unit: t.string({ required: true, description: 'The unit (slug).' }),
    seat: t.field({ type: SeatEnum, required: true, description: 'The seat.' }),
    person: t.string({ required: true, description: "The candidate's email." }),
    readiness: t.field({ type: ReadinessEnum, required: true, description: 'How ready.' }),
    notes: t.string({ description: 'Private notes (at most 2000 characters).' }),
    on: t.field({ type: 'Date', description: 'First day named (default: today).' }),
  }),
});

const UpdateCandidateInput = builder.inputType('UpdateCandidateInput', {
  description:
    "A current candidacy's new readiness or notes; a field left out keeps its value. A " +
    'readiness change is history: the old readiness ends yesterday, the new one starts today.',
  fields: (t) => ({
    unit: t.string({ required: true, description: 'The unit (slug).' }),
    seat: t.field({ type: SeatEnum, required: true, description: 'The seat.' }),
    person: t.string({ required: true, description: "The candidate's email." }),
    readiness: t.field({ type: ReadinessEnum, description: 'The new readiness.' }),
    notes: t.string({ description: 'New private notes; null clears them.' }),
  }),
});

const RemoveCandidateInput = builder.inputType('RemoveCandidateInput', {
  description: 'A candidacy to end, from when.',
  fields: (t) => ({
    unit: t.string({ required: true, description: 'The unit (slug).' }),
    seat: t.field({ type: SeatEnum, required: true, description: 'The seat.' }),
    person: t.string({ required: true, description: "The candidate's email." }),
    on: t.field({ type: 'Date', description: 'First day no longer named (default: today).' }),
  }),
});

// ---------------------------------------------------------------------------------------
// Validation

const seat = z.enum(seatEnum.enumValues);
const readiness = z.enum(readinessEnum.enumValues);
const key = { unit: refSchema, seat, person: refSchema };

const addSchema = z.object({
  ...key,
  readiness,
  notes: longTextSchema.nullish(),
  on: z.string().nullish(),
});
const updateSchema = z.object({
  ...key,
  readiness: readiness.optional(),
  notes: longTextSchema.nullish(),
});
const removeSchema = z.object({ ...key, on: z.string().nullish() });

// ---------------------------------------------------------------------------------------
// Payloads

interface CandidateChange {
  candidate: CandidateRow | null;
  ended: CandidateRow | null;
}
const noChange: CandidateChange = { candidate: null, ended: null };

/** A payload with the changed candidacies: `candidate` (the current one), `ended` or both. */
function candidatePayload(
  name: string,
  description: string,
  fields: { candidate?: string; ended?: string },
) {
  return payloadType<CandidateChange & { userErrors: UserErrorData[] }>(name, description, (t) => ({
    ...(fields.candidate && {
      candidate: t.expose('candidate', {
        type: SuccessionCandidate,
        nullable: true,
        description: fields.candidate,
      }),
    }),
    ...(fields.ended && {
      ended: t.expose('ended', {
        type: SuccessionCandidate,
        nullable: true,
        description: fields.ended,
      }),
    }),
  }));
}

// ---------------------------------------------------------------------------------------
// Writes

/** The open-ended candidacy (current, or planned to start) of a person for a seat, if any. */
async function openCandidacy(tx: Db, unitId: number, seat: Seat, personId: number) {
  const [row] = await tx
    .select()
    .from(candidateTable)
    .where(
      and(
        eq(candidateTable.unitId, unitId),
        eq(candidateTable.seat, seat),
        eq(candidateTable.personId, personId),
        isNull(candidateTable.endedOn),
      ),
    );
  return row ?? null;
}

/** The candidacy a person must have to be updated or removed, or a NOT_FOUND. */
async function requireCandidacy(tx: Db, unit: UnitRow, seat: Seat, person: PersonRow) {
  const row = await openCandidacy(tx, unit.id, seat, person.id);
  if (!row) {
    throw UserInputError.of(
      'input.person',
      `${person.email} is not a candidate for ${unit.slug} ${seat}`,
      'NOT_FOUND',
    );
  }
  return row;
}

/** Ends an open-ended candidacy as of `on`; a concurrent end is a conflict. */
async function endCandidacy(tx: Db, row: CandidateRow, on: Day) {
  const [ended] = await tx
    .update(candidateTable)
    .set({ endedOn: lastDayBefore(row.startedOn, on) })
    .where(and(eq(candidateTable.id, row.id), isNull(candidateTable.endedOn)))
    .returning();
  if (!ended) {
    throw UserInputError.of(
      'input.person',
      'the candidacy changed at the same time; retry',
      'CONFLICT',
    );
  }
  return ended;
}

async function addCandidate(w: Write, input: z.output<typeof addSchema>): Promise<CandidateChange> {
  const on = input.on ?? w.today;
  const unit = await requireUnit(w.tx, input.unit, 'input.unit');
  const person = await requirePerson(w.tx, input.person, 'input.person', on);
  // The seat's open-ended holder (current, or planned to start) is not their own successor.
  const [holder] = await w.tx
    .select()
    .from(seatAssignmentTable)
    .where(
      and(
        eq(seatAssignmentTable.unitId, unit.id),
        eq(seatAssignmentTable.seat, input.seat),
        isNull(seatAssignmentTable.endedOn),
      ),
    );
  if (holder?.personId === person.id) {
    throw UserInputError.of(
      'input.person',
      `${person.email} holds this seat and cannot be a candidate for it`,
      'VALIDATION',
    );
  }
  if (await openCandidacy(w.tx, unit.id, input.seat, person.id)) {
    throw UserInputError.of(
      'input.person',
      `${person.email} is already a candidate for ${unit.slug} ${input.seat}`,
      'CONFLICT',
    );
  }
  const [candidate] = await w.tx
    .insert(candidateTable)
    .values({
      unitId: unit.id,
      seat: input.seat,
      personId: person.id,
      readiness: input.readiness,
      notes: input.notes ?? null,
      startedOn: on,
    })
    .returning();
  w.record({ unitId: unit.id, personId: person.id, before: null, after: candidate });
  return { candidate: candidate ?? null, ended: null };
}

async function updateCandidate(
  w: Write,
  input: z.output<typeof updateSchema>,
): Promise<CandidateChange> {
  const unit = await requireUnit(w.tx, input.unit, 'input.unit');
  const person = await requireKnownPerson(w.tx, input.person, 'input.person');
  const current = await requireCandidacy(w.tx, unit, input.seat, person);
  const next = {
    readiness: input.readiness ?? current.readiness,
    notes: input.notes === undefined ? current.notes : input.notes,
  };
  if (next.readiness === current.readiness && next.notes === current.notes) {
    return { candidate: current, ended: null };
  }
  // Readiness is history (the bench as of a past day shows the readiness of that day); notes
  // are not. A candidacy that has not run a day yet is corrected in place.
  if (next.readiness === current.readiness || current.startedOn >= w.today) {
    const [updated] = await w.tx
      .update(candidateTable)
      .set(next)
      .where(eq(candidateTable.id, current.id))
      .returning();
    w.record({ unitId: unit.id, personId: person.id, before: current, after: updated });
    return { candidate: updated ?? null, ended: null };
  }
  const ended = await endCandidacy(w.tx, current, w.today);
  const [candidate] = await w.tx
    .insert(candidateTable)
    .values({
      unitId: unit.id,
      seat: input.seat,
      personId: person.id,
      ...next,
      startedOn: w.today,
    })
    .returning();
  w.record({ unitId: unit.id, personId: person.id, before: current, after: ended });
  w.record({ unitId: unit.id, personId: person.id, before: null, after: candidate });
  return { candidate: candidate ?? null, ended };
}

async function removeCandidate(
  w: Write,
  input: z.output<typeof removeSchema>,
): Promise<CandidateChange> {
  const on = input.on ?? w.today;
  const unit = await requireUnit(w.tx, input.unit, 'input.unit');
  const person = await requireKnownPerson(w.tx, input.person, 'input.person');
  const current = await requireCandidacy(w.tx, unit, input.seat, person);
  const ended = await endCandidacy(w.tx, current, on);
  w.record({ unitId: unit.id, personId: person.id, before: current, after: ended });
  return { candidate: null, ended };
}

// ---------------------------------------------------------------------------------------
// Mutations (ADMIN, like every mutation: SPEC §4)

builder.mutationFields((t) => ({
  addCandidate: t.field({
    type: candidatePayload('AddCandidatePayload', 'The new candidacy.', {
      candidate: 'The new candidacy.',
    }),
    description:
      'Names a person as a possible successor for one seat of one unit from `on`. The seat’s ' +
      'holder cannot be a candidate for it (VALIDATION); a current candidate again: CONFLICT. ' +
      'ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: AddCandidateInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(
        context,
        'addCandidate',
        noChange,
        (w) => addCandidate(w, parseInput(addSchema, input)),
        { lock: 'last' },
      ),
  }),
  updateCandidate: t.field({
    type: candidatePayload(
      'UpdateCandidatePayload',
      'The candidacy as it stands now, and the one a readiness change ended.',
      {
        candidate: 'The current candidacy.',
        ended:
          'The candidacy with the old readiness, ended yesterday (kept as history), when a ' +
          'readiness change started a new one; else null.',
      },
    ),
    description:
      "Changes a current candidacy's readiness or notes. A readiness change ends the old " +
      'candidacy yesterday and starts one with the new readiness today (in place when the ' +
      'candidacy started today); a notes change is made in place. ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: UpdateCandidateInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'updateCandidate', noChange, (w) =>
        updateCandidate(w, parseInput(updateSchema, input)),
      ),
  }),
  removeCandidate: t.field({
    type: candidatePayload('RemoveCandidatePayload', 'The candidacy that was ended.', {
      ended: 'The candidacy, ended the day before `on` (kept as history).',
    }),
    description:
      'Ends a candidacy from `on` (its last day is the day before); nothing is deleted. ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: RemoveCandidateInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'removeCandidate', noChange, (w) =>
        removeCandidate(w, parseInput(removeSchema, input)),
      ),
  }),
}));
