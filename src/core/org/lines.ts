import type { AorUnitRow, ReportingLineRow, UnitParentRow } from '../../db/tables.js';
import { addDays } from './days.js';
import { inForceOn, latestInForce } from './in-force.js';
import type { Day } from './state.js';

/**
 * The value each key has on `day` in a dated history of one value per key (who a person
 * reports to, which unit a unit sits under): the latest row in force, as for every history.
 * Keys with no row in force are absent.
 */
function valuesOn<R extends { id: number; startedOn: Day; endedOn: Day | null }>(
  rows: readonly R[],
  keyOf: (row: R) => number,
  valueIn: (row: R) => number,
  day: Day,
): Map<number, number> {
  // One pass, no list per key: 100,000 people's lines are read on every state built.
  const latest = new Map<number, R>();
  for (const row of rows) {
    if (!inForceOn(row, day)) continue;
    const key = keyOf(row);
    const seen = latest.get(key);
    if (!seen || latestInForce([seen, row], day) === row) latest.set(key, row);
  }
  const values = new Map<number, number>();
  for (const [key, row] of latest) values.set(key, valueIn(row));
  return values;
}

/** Each person's manager on `day` (people without one are absent). */
export function managersOn(rows: readonly ReportingLineRow[], day: Day): Map<number, number> {
  return valuesOn(
    rows,
    (r) => r.personId,
    (r) => r.managerId,
    day,
  );
}

/** Each unit's parent on `day` (Pillars, and units not yet placed, are absent). */
export function parentsOn(rows: readonly UnitParentRow[], day: Day): Map<number, number> {
  return valuesOn(
    rows,
    (r) => r.unitId,
    (r) => r.parentId,
    day,
  );
}

/** Each AoR's unit on `day` (AoRs not created by then are absent). */
export function aorUnitsOn(rows: readonly AorUnitRow[], day: Day): Map<number, number> {
  return valuesOn(
    rows,
    (r) => r.aorId,
    (r) => r.unitId,
    day,
  );
}

/**
 * The unit an AoR names on `day`, from its unit rows: its unit that day, or once retired the
 * one it had last; before its creation (an audit entry read for an earlier day), the unit it
 * is recorded in last.
 */
export function aorUnitFrom(
  rows: readonly AorUnitRow[],
  aor: { unitId: number; retiredOn: Day | null },
  day: Day,
): number {
  const last = aor.retiredOn !== null && aor.retiredOn <= day ? addDays(aor.retiredOn, -1) : day;
  return latestInForce(rows, last)?.unitId ?? aor.unitId;
}

/** Whether a unit exists on `day`: from the day it was created until the day it is archived. */
export function unitExistsOn(unit: { createdOn: Day; archivedOn: Day | null }, day: Day): boolean {
  return existsOn(unit.createdOn, unit.archivedOn, day);
}

/** An AoR exists from the day it was created until the day before it was retired. */
export function aorExistsOn(aor: { createdOn: Day; retiredOn: Day | null }, day: Day): boolean {
  return existsOn(aor.createdOn, aor.retiredOn, day);
}

/** From its first day until the day before its end (null: none yet). */
const existsOn = (first: Day, end: Day | null, day: Day) =>
  first <= day && (end === null || end > day);
