import { addDays } from '../core/org/days.js';
import type { Day } from '../core/org/state.js';
import type { CandidateRow, PersonRow, Readiness, Seat, UnitRow } from '../db/tables.js';
import { openAssignment, seatRows } from '../seats/writes.js';
import { endRows, inForceFrom, lastDayOf, openRow } from '../writes/dated.js';
import { type Draft, seatKey } from '../writes/draft.js';
import { UserInputError } from '../writes/errors.js';
import {
  heldOn,
  isCurrentIn,
  requireKnownPerson,
  requirePerson,
  requireUnit,
  requireUnitFrom,
  requireUnitOn,
} from '../writes/lookup.js';

export interface CandidacyKey {
  unit: string;
  seat: Seat;
  person: string;
}

export interface AddCandidateInput extends CandidacyKey {
  readiness: Readiness;
  notes?: string | null;
  on?: Day | null;
}

export interface UpdateCandidateInput extends CandidacyKey {
  readiness?: Readiness;
  /** Left out: kept; null: cleared. */
  notes?: string | null;
}

export interface CandidateChange {
  candidate: CandidateRow | null;
  ended: CandidateRow | null;
}

/** Every candidacy, ever, of one person for one seat. */
const candidacies = (w: Draft, unit: UnitRow, seat: Seat, person: PersonRow) =>
  w.candidates.where('seat', seatKey(unit.id, seat)).filter((c) => c.personId === person.id);

const openOf = (w: Draft, rows: CandidateRow[]) => rows.find(isCurrentIn(w)) ?? null;

/** The candidacy in force on `on` (its end planned later or not), else the latest planned. */
function requireCandidacy(w: Draft, input: CandidacyKey, on: Day) {
  const unit = requireUnit(w, input.unit, 'unit');
  const person = requireKnownPerson(w, input.person, 'person');
  const rows = candidacies(w, unit, input.seat, person);
  const current = rows.find(heldOn(on)) ?? openOf(w, rows);
  if (!current) {
    const message = `${person.email} is not a candidate for ${unit.slug} ${input.seat}`;
    throw UserInputError.of('person', message, 'NOT_FOUND');
  }
  return { unit, person, rows, current };
}

function startCandidacy(
  w: Draft,
  rows: CandidateRow[],
  values: Omit<CandidateRow, 'id' | 'endedOn'>,
  departedOn: Day | null,
  plannedEnd: Day | null = null,
) {
  return openRow(
    w.candidates,
    rows,
    { ...values, endedOn: plannedEnd ?? lastDayOf(departedOn, values.startedOn) },
    {
      path: 'on',
      today: w.recordedUntil,
      laterRow: (later) =>
        `the candidacy starts again on ${later.startedOn}; a change from ${values.startedOn} must not come before that`,
    },
  );
}

/**
 * Names a person as a possible successor for one seat of one unit from `on`. The seat's
 * holder cannot be a candidate for it; a current candidate again is a CONFLICT.
 */
export function addCandidate(w: Draft, input: AddCandidateInput): CandidateChange {
  const on = input.on ?? w.today;
  const unit = requireUnitOn(w, input.unit, 'unit', on, 'on');
  const person = requirePerson(w, input.person, 'person', on);
  // The candidacy runs from `on` with no end: the person may hold the seat on none of its
  // days, a holding planned ahead (ended or not) included; one over before `on`, or
  // withdrawn before it began, is not.
  const holding = seatRows(w, unit.id, input.seat).find(
    (row) => row.personId === person.id && inForceFrom(row, on),
  );
  if (holding) {
    const from = holding.startedOn > on ? ` from ${holding.startedOn}` : '';
    const message = `"${person.email}" holds the ${input.seat} seat of "${unit.slug}"${from} and cannot be its successor`;
    throw UserInputError.of('person', message, 'VALIDATION');
  }
  return newCandidacy(w, unit, person, { ...input, on });
}

/** A candidacy from `input.on`, until `plannedEnd` or the person's departure. */
function newCandidacy(
  w: Draft,
  unit: UnitRow,
  person: PersonRow,
  input: AddCandidateInput & { on: Day },
  plannedEnd: Day | null = null,
): CandidateChange {
  const rows = candidacies(w, unit, input.seat, person);
  if (openOf(w, rows) || rows.some(heldOn(input.on))) {
    const message = `${person.email} is already a candidate for ${unit.slug} ${input.seat}`;
    throw UserInputError.of('person', message, 'CONFLICT');
  }
  const values = {
    unitId: unit.id,
    seat: input.seat,
    personId: person.id,
    readiness: input.readiness,
    notes: input.notes ?? null,
    startedOn: input.on,
  };
  const { row } = startCandidacy(w, rows, values, person.departedOn, plannedEnd);
  return { candidate: row, ended: null };
}

/**
 * Changes a current candidacy's readiness or notes. Readiness is history (the bench of a
 * past day shows that day's readiness): a change ends the candidacy yesterday and starts
 * one today, in place when it started today or later. Notes change in place.
 */
export function updateCandidate(w: Draft, input: UpdateCandidateInput): CandidateChange {
  const { person, rows, current } = requireCandidacy(w, input, w.today);
  // A removal recorded for a later day stays: the new readiness runs until then.
  const plannedEnd = isCurrentIn(w)(current) ? null : current.endedOn;
  const readiness = input.readiness ?? current.readiness;
  const notes = input.notes === undefined ? current.notes : input.notes;
  if (readiness === current.readiness || current.startedOn >= w.today) {
    const candidate = w.candidates.update(current, { readiness, notes });
    if (candidate === current) w.keep('candidates');
    return { candidate, ended: null };
  }
  const { row, ended } = startCandidacy(
    w,
    rows,
    {
      unitId: current.unitId,
      seat: current.seat,
      personId: current.personId,
      readiness,
      notes,
      startedOn: w.today,
    },
    person.departedOn,
    plannedEnd,
  );
  return { candidate: row, ended: ended[0] ?? null };
}

/** Ends a candidacy from `on` (its last day is the day before); nothing is deleted. */
export function removeCandidate(
  w: Draft,
  input: CandidacyKey & { on?: Day | null },
): CandidateChange {
  const on = input.on ?? w.today;
  const { unit, rows, current } = requireCandidacy(w, input, on);
  requireUnitFrom(unit, on, 'on');
  const ended = endRows(w.candidates, rows, on, { today: w.recordedUntil, path: 'on' });
  return { candidate: null, ended: ended.find((row) => row.id === current.id) ?? null };
}

/** Adds a candidacy or updates the current one (an import's succession entry). */
export function saveCandidate(w: Draft, input: AddCandidateInput): CandidateChange {
  const unit = requireUnit(w, input.unit, 'unit');
  const person = requireKnownPerson(w, input.person, 'person');
  const rows = candidacies(w, unit, input.seat, person);
  // A candidacy whose removal is planned is still one today; but one who holds the seat today
  // is no successor of it: `addCandidate` refuses that.
  const next = openAssignment(w, unit.id, input.seat);
  const takesSeat = next?.personId === person.id;
  const later = takesSeat && next.startedOn > w.today;
  const current = openOf(w, rows) ?? (takesSeat && !later ? null : rows.find(heldOn(w.today)));
  if (current) return updateCandidate(w, input);
  // The seat's holder from a later day (an export names an empty seat's next holder so) is a
  // successor until then, as a candidacy recorded before `assignSeat` is kept until its start.
  if (later) {
    const from = { ...input, on: w.today };
    const live = requireUnitOn(w, input.unit, 'unit', w.today, 'on');
    const candidate = requirePerson(w, input.person, 'person', w.today);
    return newCandidacy(w, live, candidate, from, addDays(next.startedOn, -1));
  }
  return addCandidate(w, input);
}
