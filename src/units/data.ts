import { and, asc, count, eq, isNull, type SQL } from 'drizzle-orm';
import { anyId, anyText } from '../db/any-of.js';
import type { Db } from '../db/client.js';
import { type Layer, type UnitRow, unitTable } from '../db/tables.js';

export function unitsByIds(db: Db, ids: readonly number[]): Promise<UnitRow[]> {
  return db.select().from(unitTable).where(anyId(unitTable.id, ids));
}

export function unitsBySlugs(db: Db, slugs: readonly string[]): Promise<UnitRow[]> {
  return db.select().from(unitTable).where(anyText(unitTable.slug, slugs));
}

export interface UnitFilter {
  layer?: Layer | null;
  /** Children of this unit only; `null` means pillars (no parent). */
  parentId?: number | null;
}

function whereFilter(filter: UnitFilter): SQL | undefined {
  const conditions = [isNull(unitTable.archivedOn)];
  if (filter.layer) conditions.push(eq(unitTable.layer, filter.layer));
  if (filter.parentId !== undefined) {
    conditions.push(
      filter.parentId === null
        ? isNull(unitTable.parentId)
        : eq(unitTable.parentId, filter.parentId),
    );
  }
  return and(...conditions);
}

export async function countUnits(db: Db, filter: UnitFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(unitTable).where(whereFilter(filter));
  return Number(row?.n ?? 0);
}

export function listUnits(
  db: Db,
  filter: UnitFilter,
  offset: number,
  limit: number,
): Promise<UnitRow[]> {
  return db
    .select()
    .from(unitTable)
    .where(whereFilter(filter))
    .orderBy(asc(unitTable.slug))
    .offset(offset)
    .limit(limit);
}
