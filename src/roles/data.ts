import { desc } from 'drizzle-orm';
import { anyId } from '../db/any-of.js';
import type { Db } from '../db/client.js';
import { type OpenRoleRow, openRoleTable } from '../db/tables.js';

export function openRolesByIds(db: Db, ids: readonly number[]): Promise<OpenRoleRow[]> {
  return db.select().from(openRoleTable).where(anyId(openRoleTable.id, ids));
}

/** Every role of each unit, open or closed, newest first. */
export function rolesOfUnits(db: Db, unitIds: readonly number[]): Promise<OpenRoleRow[]> {
  return db
    .select()
    .from(openRoleTable)
    .where(anyId(openRoleTable.unitId, unitIds))
    .orderBy(desc(openRoleTable.openedOn), desc(openRoleTable.id));
}
