import { and, count, desc, eq, gte, lt, max, type SQL } from 'drizzle-orm';
import { anyId } from '../db/any-of.js';
import type { Db } from '../db/database.js';
import { changeTable } from '../db/tables.js';

export type ChangeRow = typeof changeTable.$inferSelect;

export interface ChangeFilter {
  unitId?: number;
  personId?: number;
  /** From this instant, inclusive. */
  since?: Date;
  /** Before this instant. */
  until?: Date;
}

function whereFilter(filter: ChangeFilter): SQL | undefined {
  return and(
    filter.unitId === undefined ? undefined : eq(changeTable.unitId, filter.unitId),
    filter.personId === undefined ? undefined : eq(changeTable.personId, filter.personId),
    filter.since === undefined ? undefined : gte(changeTable.at, filter.since),
    filter.until === undefined ? undefined : lt(changeTable.at, filter.until),
  );
}

export async function countChanges(db: Db, filter: ChangeFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(changeTable).where(whereFilter(filter));
  return Number(row?.n ?? 0);
}

/** Newest first. */
export function listChanges(db: Db, filter: ChangeFilter, offset: number, limit: number) {
  return db
    .select()
    .from(changeTable)
    .where(whereFilter(filter))
    .orderBy(desc(changeTable.at), desc(changeTable.id))
    .offset(offset)
    .limit(limit);
}

export function changesByIds(db: Db, ids: readonly number[]): Promise<ChangeRow[]> {
  return db.select().from(changeTable).where(anyId(changeTable.id, ids));
}

/** When the latest change was recorded (null: none yet). */
export async function lastChangeAt(db: Db): Promise<Date | null> {
  const [row] = await db.select({ at: max(changeTable.at) }).from(changeTable);
  return row?.at ?? null;
}
