import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Day } from '../core/org/state.js';
import { anyId } from '../db/any-of.js';
import type { Db } from '../db/client.js';
import { inForceOn } from '../db/history.js';
import { type AorRow, aorOwnershipTable, aorTable, personTable } from '../db/tables.js';

export function aorsByIds(db: Db, ids: readonly number[]): Promise<AorRow[]> {
  return db.select().from(aorTable).where(anyId(aorTable.id, ids));
}

/** Active (not retired) AoRs of each unit, in slug order. */
export function aorsOfUnits(db: Db, unitIds: readonly number[]): Promise<AorRow[]> {
  return db
    .select()
    .from(aorTable)
    .where(and(anyId(aorTable.unitId, unitIds), isNull(aorTable.retiredOn)))
    .orderBy(asc(aorTable.slug));
}

/** Ownerships in force on `day` of each AoR, with the owner. */
export function ownershipsOfAors(db: Db, aorIds: readonly number[], day: Day) {
  return db
    .select({ ownership: aorOwnershipTable, person: personTable })
    .from(aorOwnershipTable)
    .innerJoin(personTable, eq(personTable.id, aorOwnershipTable.personId))
    .where(and(anyId(aorOwnershipTable.aorId, aorIds), inForceOn(aorOwnershipTable, day)))
    .orderBy(asc(aorOwnershipTable.startedOn));
}

/** Ownerships in force on `day` held by each person, with their AoR. */
export function ownershipsOfPeople(db: Db, personIds: readonly number[], day: Day) {
  return db
    .select({ ownership: aorOwnershipTable, aor: aorTable })
    .from(aorOwnershipTable)
    .innerJoin(aorTable, eq(aorTable.id, aorOwnershipTable.aorId))
    .where(and(anyId(aorOwnershipTable.personId, personIds), inForceOn(aorOwnershipTable, day)))
    .orderBy(asc(aorTable.slug));
}
