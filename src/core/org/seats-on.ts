import type { OpenRoleRow, Seat, SeatAssignmentRow } from '../../db/tables.js';
import { groupBy } from '../collections.js';
import { addDays } from './days.js';
import { latestInForce, roleOpenOn } from './in-force.js';
import type { Day, Holding, OrgHistory, SeatState, UnitState } from './state.js';

/** The key of one unit's seat in maps of seat rows. */
export function seatKey(unitId: number, seat: string): string {
  return `${unitId}:${seat}`;
}

/** Both seats of every unit on `asOf`. */
export function seatsOn(
  history: OrgHistory,
  units: UnitState[],
  asOf: Day,
): Map<number, Record<Seat, SeatState>> {
  const assignments = groupBy(history.seatAssignments, (a) => seatKey(a.unitId, a.seat));
  const roles = groupBy(history.openRoles, (r) => seatKey(r.unitId, r.seat));
  const seats = new Map<number, Record<Seat, SeatState>>();
  for (const unit of units) {
    const rows: SeatRows = {
      assignments: (seat) => assignments.get(seatKey(unit.id, seat)) ?? [],
      roles: (seat) => roles.get(seatKey(unit.id, seat)) ?? [],
    };
    seats.set(unit.id, unitSeatsOn(rows, asOf));
  }
  return seats;
}

/** The history rows of one unit's seats. */
export interface SeatRows {
  assignments(seat: Seat): readonly SeatAssignmentRow[];
  roles(seat: Seat): readonly OpenRoleRow[];
}

/** Both seats of one unit on `asOf`, from that unit's rows alone. */
export function unitSeatsOn(rows: SeatRows, asOf: Day): Record<Seat, SeatState> {
  const engLead = latestInForce(rows.assignments('ENG_LEAD'), asOf);
  const stateOf = (seat: Seat): SeatState => {
    const assignments = rows.assignments(seat);
    const current = latestInForce(assignments, asOf);
    return {
      holder: toHolding(current),
      holderSince: current && runStart(assignments, current),
      actingSince: current?.acting ? runStart(assignments, current, true) : null,
      lastSeparateEndedOn: lastEnd(assignments, asOf, engLead?.personId),
      lastEndedOn: lastEnd(assignments, asOf),
      openRole: rows.roles(seat).some((r) => roleOpenOn(r, asOf)),
    };
  };
  return { ENG_LEAD: stateOf('ENG_LEAD'), TECH_LEAD: stateOf('TECH_LEAD') };
}

/** The holding of an assignment row (null: the seat is empty). */
export function toHolding(row: SeatAssignmentRow | null): Holding | null {
  return row && { personId: row.personId, startedOn: row.startedOn, acting: row.acting };
}

/**
 * The first day of `row`'s holder's unbroken run among a seat's `rows` (see `holderSince`):
 * an acting holder confirmed, or a permanent one made acting, holds on from the same day.
 * With `asActing`, of their run in `row`'s standing only (acting, or not), as an export
 * states it.
 */
export function runStart(
  rows: readonly SeatAssignmentRow[],
  row: SeatAssignmentRow,
  asActing = false,
): Day {
  let start = row.startedOn;
  for (let carried = true; carried; ) {
    carried = false;
    for (const earlier of rows) {
      const { personId, startedOn, endedOn } = earlier;
      if (personId !== row.personId || startedOn >= start || endedOn === null) continue;
      if (asActing && earlier.acting !== row.acting) continue;
      // Rows replaced before they began were never held.
      if (endedOn >= startedOn && addDays(endedOn, 1) >= start) {
        start = startedOn;
        carried = true;
      }
    }
  }
  return start;
}

/**
 * The last day of the latest assignment that ended before `asOf`, skipping `exceptId`'s
 * stints when given: the current Eng Lead's, for when a Team's TLM began (while the Eng Lead
 * held the Tech Lead seat too, the team was a TLM throughout, so only a separate Tech Lead's
 * end marks it). Rows replaced before they began (ended the day before their start) were
 * never held and do not count.
 */
function lastEnd(rows: readonly SeatAssignmentRow[], asOf: Day, exceptId?: number) {
  let last: Day | null = null;
  for (const row of rows) {
    if (row.endedOn === null || row.endedOn >= asOf || row.personId === exceptId) continue;
    if (row.endedOn < row.startedOn) continue;
    if (last === null || row.endedOn > last) last = row.endedOn;
  }
  return last;
}
