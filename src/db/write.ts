import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { orgStateTable } from './tables.js';

export interface WriteOptions {
  /**
   * Take the org write lock before anything else (default), so the write sees and checks
   * an org nobody else is changing: imports, manager changes, departures. A write guarded
   * by a unique index instead (assigning a seat) takes it last, so two racing writes both
   * reach the index and the loser gets a clean conflict instead of silently replacing the
   * winner.
   */
  lock?: 'first' | 'last';
}

/**
 * Runs one org write as a single transaction that also bumps the org version: the bump
 * takes the org_state row lock, so org writes are serialized (two imports never interleave
 * half-documents), and every instance's cached snapshot goes stale at commit.
 */
export function writeTransaction<T>(
  db: Db,
  write: (tx: Db) => Promise<T>,
  { lock = 'first' }: WriteOptions = {},
): Promise<T> {
  const bump = (tx: Db) =>
    tx.update(orgStateTable).set({ version: sql`${orgStateTable.version} + 1` });
  return db.transaction(async (tx) => {
    if (lock === 'first') await bump(tx);
    const result = await write(tx);
    if (lock === 'last') await bump(tx);
    return result;
  });
}

/** The current org version: one tiny query that tells whether a cached snapshot is current. */
export async function readOrgVersion(db: Db): Promise<number> {
  const [row] = await db.select({ version: orgStateTable.version }).from(orgStateTable);
  return row?.version ?? 0;
}
