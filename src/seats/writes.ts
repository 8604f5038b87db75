import type { Day } from '../core/org/state.js';
import type { PersonRow, Seat, SeatAssignmentRow, UnitRow } from '../db/tables.js';
import { endRows, firstErased, lastDayOf, openRow } from '../writes/dated.js';
import { type Draft, seatKey } from '../writes/draft.js';
import { UserInputError } from '../writes/errors.js';
import {
  heldFrom,
  heldOn,
  isCurrentIn,
  refuseBeforePlannedEnd,
  requirePerson,
  requireUnitOn,
} from '../writes/lookup.js';

export interface AssignSeatInput {
  unit: string;
  seat: Seat;
  person: string;
  /** First day in the seat (default: the write's day). */
  startedOn?: Day | null;
  /** An interim holder; left out, a new holder is not acting and the holder's stays. */
  acting?: boolean | null;
}

export interface VacateSeatInput {
  unit: string;
  seat: Seat;
  /** First day without a holder (default: the write's day). */
  on?: Day | null;
}

export interface SeatChange {
  assignment: SeatAssignmentRow | null;
  ended: SeatAssignmentRow | null;
}

const SEAT_NAME: Record<Seat, string> = { ENG_LEAD: 'Eng Lead', TECH_LEAD: 'Tech Lead' };

/** The assignments of one seat, every one ever made. */
export const seatRows = (w: Draft, unitId: number, seat: Seat) =>
  w.seatAssignments.where('seat', seatKey(unitId, seat));

/**
 * The seat's open assignment (current, or planned to start), if any: open-ended, or running
 * until its holder's recorded departure.
 */
export const openAssignment = (w: Draft, unitId: number, seat: Seat) =>
  seatRows(w, unitId, seat).find(isCurrentIn(w)) ?? null;

/**
 * Puts a person in a seat from `startedOn`, not before the unit's creation. Whoever holds it
 * then ends the day before (kept as history); another holder planned to start later is
 * refused (vacate the seat first). The same holder again changes nothing, unless `acting`
 * changes; from an earlier day than their holding begun today, it moves back.
 * Their candidacy for the seat ends (nobody is their own successor), and a departure already
 * recorded for them ends the assignment the day before they leave.
 */
export function assignSeat(w: Draft, input: AssignSeatInput): SeatChange {
  const startedOn = input.startedOn ?? w.today;
  const unit = requireUnitOn(w, input.unit, 'unit', startedOn, 'startedOn');
  const person = requirePerson(w, input.person, 'person', startedOn);
  const current = openAssignment(w, unit.id, input.seat);
  const acting = input.acting ?? (current?.personId === person.id ? current.acting : false);
  // Already so only from `startedOn`: a holding planned for later is not (openRow refuses a
  // holder before it, naming it).
  if (
    current?.personId === person.id &&
    current.acting === acting &&
    current.startedOn <= startedOn
  ) {
    w.keep('seatAssignments');
    return { assignment: current, ended: null };
  }
  // The same holder from the same day, only `acting` differs: a correction, made in place.
  if (current?.personId === person.id && current.startedOn === startedOn) {
    return { assignment: w.seatAssignments.update(current, { acting }), ended: null };
  }
  const rows = seatRows(w, unit.id, input.seat);
  refuseBeforePlannedEnd(w, rows, startedOn, 'startedOn', (r) => r.personId === person.id);
  const candidacy = candidacyFor(w, unit, input.seat, person);
  const { row, ended } = openRow(
    w.seatAssignments,
    rows,
    {
      unitId: unit.id,
      seat: input.seat,
      personId: person.id,
      acting,
      startedOn,
      endedOn: lastDayOf(person.departedOn, startedOn),
    },
    {
      path: 'startedOn',
      today: w.recordedUntil,
      laterRow: (later) => {
        const held = `the ${SEAT_NAME[input.seat]} seat from ${later.startedOn}`;
        if (later.personId !== person.id) {
          return `${emailOf(w, later.personId)} holds ${held}; a holder from ${startedOn} must not start before that (vacate the seat first)`;
        }
        return later.endedOn === null
          ? `${person.email} holds ${held}, a day recorded and kept: their holding cannot be dated back to ${startedOn}`
          : `${person.email} holds ${held} until ${later.endedOn}; a holding from ${startedOn} must not undo that end`;
      },
      // Their candidacy ends as they take the seat: not erased, if it began on a past day.
      alsoEnding: {
        rows: candidacy,
        what: `${person.email}'s candidacy for the ${SEAT_NAME[input.seat]} seat`,
      },
      movesBack: (later) => later.personId === person.id,
    },
  );
  // A holder is not their own successor: their candidacy for the seat ends when they take it.
  endRows(w.candidates, candidacy, startedOn);
  return { assignment: row, ended: ended.at(-1) ?? null };
}

/** A person's candidacy rows for one seat. */
const candidacyFor = (w: Draft, unit: UnitRow, seat: Seat, person: PersonRow) =>
  w.candidates.where('seat', seatKey(unit.id, seat)).filter((c) => c.personId === person.id);

const emailOf = (w: Draft, personId: number) => w.people.get(personId)?.email ?? '?';

/**
 * Empty on `on`, the seat is held from a later day already recorded: what ending it from `on`
 * would erase (a past day's holding), said as the seat empty that day (a scenario asked of a
 * past day read "must be after …: what it would end had begun then").
 */
function refuseBeforeRecordedHolder(w: Draft, rows: readonly SeatAssignmentRow[], on: Day) {
  const later = firstErased(rows, on, w.recordedUntil);
  if (!later) return;
  const message = `the seat has no holder on ${on}; ${emailOf(w, later.personId)} holds it from ${later.startedOn}, a day recorded and kept: vacate it from then or later`;
  throw UserInputError.of('on', message, 'VALIDATION');
}

/** Leaves a seat empty from `on`: its holder's last day is the day before. */
export function vacateSeat(w: Draft, input: VacateSeatInput): SeatChange {
  const on = input.on ?? w.today;
  const unit = requireUnitOn(w, input.unit, 'unit', on, 'on');
  const rows = seatRows(w, unit.id, input.seat);
  // A holding whose end is planned later is brought forward: ending from `on` ends every
  // holding in force then or after.
  if (!heldFrom(on, rows)) throw UserInputError.of('seat', 'the seat has no holder', 'NOT_FOUND');
  const holder = rows.find(heldOn(on));
  if (!holder) refuseBeforeRecordedHolder(w, rows, on);
  const ended = endRows(w.seatAssignments, rows, on, { today: w.recordedUntil, path: 'on' });
  return {
    assignment: null,
    ended: ended.find((row) => row.id === holder?.id) ?? ended[0] ?? null,
  };
}
