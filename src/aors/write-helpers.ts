import { and, eq, isNull } from 'drizzle-orm';
import { lastDayBefore } from '../core/org/days.js';
import type { Day } from '../core/org/state.js';
import type { Db } from '../db/client.js';
import { type AorOwnershipRow, type AorRow, aorOwnershipTable, aorTable } from '../db/tables.js';
import { UserInputError } from '../writes/errors.js';

/** The AoR with this slug, not retired, or a userError at `path`. */
export async function requireAor(tx: Db, slug: string, path: string): Promise<AorRow> {
  const [aor] = await tx.select().from(aorTable).where(eq(aorTable.slug, slug));
  if (!aor) throw UserInputError.of(path, `unknown AoR "${slug}"`, 'NOT_FOUND');
  if (aor.retiredOn) {
    throw UserInputError.of(path, `AoR "${slug}" was retired on ${aor.retiredOn}`, 'CONFLICT');
  }
  return aor;
}

/** The open-ended ownerships of an AoR (current, or planned to start). */
export function openOwnerships(tx: Db, aorId: number): Promise<AorOwnershipRow[]> {
  return tx
    .select()
    .from(aorOwnershipTable)
    .where(and(eq(aorOwnershipTable.aorId, aorId), isNull(aorOwnershipTable.endedOn)));
}

/**
 * Ends an open-ended ownership as of `on` (its last day is the day before, or it never took
 * effect when it had not started by then); a concurrent end is a conflict.
 */
export async function endOwnership(
  tx: Db,
  row: AorOwnershipRow,
  on: Day,
  path: string,
): Promise<AorOwnershipRow> {
  const [ended] = await tx
    .update(aorOwnershipTable)
    .set({ endedOn: lastDayBefore(row.startedOn, on) })
    .where(and(eq(aorOwnershipTable.id, row.id), isNull(aorOwnershipTable.endedOn)))
    .returning();
  if (!ended) {
    throw UserInputError.of(path, 'the AoR’s owners changed at the same time; retry', 'CONFLICT');
  }
  return ended;
}

/** Starts an ownership on `on`. */
export async function insertOwnership(
  tx: Db,
  aorId: number,
  personId: number,
  role: AorOwnershipRow['role'],
  on: Day,
): Promise<AorOwnershipRow> {
  const [row] = await tx
    .insert(aorOwnershipTable)
    .values({ aorId, personId, role, startedOn: on })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}
