import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { inForceOn } from '../db/history.js';
import {
  type PersonRow,
  personTable,
  type Seat,
  type SeatAssignmentRow,
  seatAssignmentTable,
} from '../db/tables.js';
import type { Day } from '../org/state.js';

export interface HolderRow {
  unitId: number;
  seat: Seat;
  person: PersonRow;
}

/** The holders of both seats of each unit on `day`: one statement for any number of units. */
export async function holdersOf(
  db: Db,
  unitIds: readonly number[],
  day: Day,
): Promise<HolderRow[]> {
  return db
    .select({
      unitId: seatAssignmentTable.unitId,
      seat: seatAssignmentTable.seat,
      person: personTable,
    })
    .from(seatAssignmentTable)
    .innerJoin(personTable, eq(personTable.id, seatAssignmentTable.personId))
    .where(
      and(inArray(seatAssignmentTable.unitId, [...unitIds]), inForceOn(seatAssignmentTable, day)),
    );
}

/** Every assignment (current and ended) of each unit, newest first. */
export function assignmentsOfUnits(
  db: Db,
  unitIds: readonly number[],
): Promise<SeatAssignmentRow[]> {
  return db
    .select()
    .from(seatAssignmentTable)
    .where(inArray(seatAssignmentTable.unitId, [...unitIds]))
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
    .where(inArray(seatAssignmentTable.personId, [...personIds]))
    .orderBy(desc(seatAssignmentTable.startedOn));
}

export function assignmentsByIds(db: Db, ids: readonly number[]): Promise<SeatAssignmentRow[]> {
  return db
    .select()
    .from(seatAssignmentTable)
    .where(inArray(seatAssignmentTable.id, [...ids]));
}
