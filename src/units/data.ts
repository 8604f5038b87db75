import { anyId, anyText } from '../db/any-of.js';
import type { Db } from '../db/client.js';
import { type UnitRow, unitTable } from '../db/tables.js';

/** Unit rows by id, read inside a write's transaction (token scopes). */
export function unitsByIds(db: Db, ids: readonly number[]): Promise<UnitRow[]> {
  return db.select().from(unitTable).where(anyId(unitTable.id, ids));
}

export function unitsBySlugs(db: Db, slugs: readonly string[]): Promise<UnitRow[]> {
  return db.select().from(unitTable).where(anyText(unitTable.slug, slugs));
}
