import type { Seat, SeatAssignmentRow, UnitRow } from '../../db/tables.js';
import { groupBy } from '../collections.js';
import { addDays, isRecordedDay, laterDay } from '../org/days.js';
import { latestInForce } from '../org/in-force.js';
import { parentsOn } from '../org/lines.js';
import { seatKey, toHolding } from '../org/seats-on.js';
import { type Day, type Holding, type OrgHistory, SEATS } from '../org/state.js';

/** A stretch of days over which a seat keeps one holder (or none), from `from` on. */
export interface Span {
  from: Day;
  holder: Holding | null;
}

/**
 * One seat of one unit over the org's history: its spans, oldest first, each differing from
 * the one before in who holds the seat or whether they act; the first starts on the day the
 * unit was created, or on the history's first day if that is later. `endsOn` is the first day the unit no longer exists (its archiving),
 * null while it does.
 */
export interface SeatTimeline {
  unit: UnitRow;
  seat: Seat;
  spans: Span[];
  endsOn: Day | null;
}

/** The period asked: `from` to `to`, both inclusive, over a unit's subtree or the whole org. */
export interface ChurnPeriod {
  /** The scope unit's id; null: the whole org. */
  scopeUnitId: number | null;
  from: Day;
  to: Day;
}

/**
 * The first day of the org's history: the earliest start of any dated row, or creation of a
 * unit on a recorded day. On any earlier day nothing is known and no seat is counted: a unit
 * there "before anything recorded" (as migrated and imported units are) has its never-held
 * seats vacant from this day. An org with no such day starts on `from`.
 */
function historyStart(history: OrgHistory, from: Day): Day {
  let first: Day | null = null;
  const see = (day: Day) => {
    if (first === null || day < first) first = day;
  };
  for (const rows of [
    history.seatAssignments,
    history.memberships,
    history.ownerships,
    history.candidates,
  ]) {
    for (const row of rows) see(row.startedOn);
  }
  for (const role of history.openRoles) see(role.openedOn);
  // A unit created on a day (createUnit) begins its empty seats' vacancies that day, though
  // nothing else was recorded yet; one "before anything recorded" tells no day.
  for (const unit of history.units) if (isRecordedDay(unit.createdOn)) see(unit.createdOn);
  return first ?? from;
}

/**
 * The units of a scope, archived ones included (they count on the days they existed): the
 * scope unit and every unit whose parent chain leads to it on `day` (the period's last day;
 * a unit archived by then under its last parent).
 */
export function unitsInScope(history: OrgHistory, scopeUnitId: number | null, day: Day): UnitRow[] {
  const { units } = history;
  if (scopeUnitId === null) return [...units];
  const parents = parentsOn(history.unitParents, day);
  const children = groupBy(units, (u) => parents.get(u.id) ?? null);
  const found: UnitRow[] = [];
  const pending = units.filter((u) => u.id === scopeUnitId);
  for (let unit = pending.pop(); unit; unit = pending.pop()) {
    found.push(unit);
    pending.push(...(children.get(unit.id) ?? []));
  }
  return found;
}

/** The timelines of both seats of every unit of the period's scope. */
export function seatTimelines(history: OrgHistory, period: ChurnPeriod): SeatTimeline[] {
  const start = historyStart(history, period.from);
  const bySeat = groupBy(history.seatAssignments, (a) => seatKey(a.unitId, a.seat));
  return unitsInScope(history, period.scopeUnitId, period.to).flatMap((unit) =>
    SEATS.map((seat) => ({
      unit,
      seat,
      spans: spansOf(
        bySeat.get(seatKey(unit.id, seat)) ?? [],
        laterDay(start, unit.createdOn),
        unit.archivedOn,
      ),
      endsOn: unit.archivedOn,
    })),
  );
}

const sameHolder = (a: Holding | null, b: Holding | null) =>
  a === b || (a !== null && b !== null && a.personId === b.personId && a.acting === b.acting);

/**
 * The holder changes only where a row starts or the day after one ends, so the seat is
 * worked out on those days alone (each as `orgStateOn` would: the latest row in force),
 * whatever the period's length.
 */
function spansOf(rows: readonly SeatAssignmentRow[], start: Day, endsOn: Day | null): Span[] {
  const days = new Set<Day>([start]);
  for (const row of rows) {
    days.add(row.startedOn);
    if (row.endedOn !== null) days.add(addDays(row.endedOn, 1));
  }
  const spans: Span[] = [];
  for (const day of [...days].sort()) {
    if (day < start || (endsOn !== null && day >= endsOn)) continue;
    const holder = toHolding(latestInForce(rows, day));
    if (!sameHolder(spans.at(-1)?.holder ?? null, holder) || spans.length === 0) {
      spans.push({ from: day, holder });
    }
  }
  return spans;
}
