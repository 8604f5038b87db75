import { asc, desc } from 'drizzle-orm';
import { anyId } from '../db/any-of.js';
import type { Db } from '../db/client.js';
import { type SeatAssignmentRow, seatAssignmentTable } from '../db/tables.js';

/** Every assignment (current and ended) of each unit, newest first. */
export function assignmentsOfUnits(
  db: Db,
  unitIds: readonly number[],
): Promise<SeatAssignmentRow[]> {
  return db
    .select()
    .from(seatAssignmentTable)
    .where(anyId(seatAssignmentTable.unitId, unitIds))
    .orderBy(desc(seatAssignmentTable.startedOn), asc(seatAssignmentTable.seat));
}

/** Every assignment (current and ended) of each person, newest first. */
export function assignmentsOfPeople(
  db: Db,
  personIds: readonly number[],
): Promise<SeatAssignmentRow[]> {
  return db
    .select()
    .from(seatAssignmentTable)
    .where(anyId(seatAssignmentTable.personId, personIds))
    .orderBy(desc(seatAssignmentTable.startedOn));
}

export function assignmentsByIds(db: Db, ids: readonly number[]): Promise<SeatAssignmentRow[]> {
  return db.select().from(seatAssignmentTable).where(anyId(seatAssignmentTable.id, ids));
}
