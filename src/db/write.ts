import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { orgStateTable } from './tables.js';

/**
 * Runs one org write as a single transaction. It first bumps the org version: that takes
 * the org_state row lock, so writes to the org are serialized (two imports never
 * interleave half-documents), and every instance's cached snapshot goes stale at commit.
 */
export function writeTransaction<T>(db: Db, write: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.update(orgStateTable).set({ version: sql`${orgStateTable.version} + 1` });
    return write(tx);
  });
}

/** The current org version: one tiny query that tells whether a cached snapshot is current. */
export async function readOrgVersion(db: Db): Promise<number> {
  const [row] = await db.select({ version: orgStateTable.version }).from(orgStateTable);
  return row?.version ?? 0;
}
