import { anyId, anyText } from '../db/any-of.js';
import type { Db } from '../db/database.js';
import { type UnitRow, unitTable } from '../db/tables.js';

/** Unit rows by id, read inside a write's transaction (token scopes). */
export function unitsByIds(db: Db, ids: readonly number[]): Promise<UnitRow[]> {
  return db.select().from(unitTable).where(anyId(unitTable.id, ids));
}

export function unitsBySlugs(db: Db, slugs: readonly string[]): Promise<UnitRow[]> {
  return db.select().from(unitTable).where(anyText(unitTable.slug, slugs));
}

/** Whether the org has a unit at all: a start on an empty database says what to do next. */
export async function anyUnit(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: unitTable.id }).from(unitTable).limit(1);
  return row !== undefined;
}
