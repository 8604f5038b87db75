import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { orgStateTable } from './tables.js';

/** The channel every instance LISTENs on to hear of writes made anywhere. */
export const ORG_CHANGED_CHANNEL = 'orgraph_org_changed';

/** A committed org version and when it was written (an ISO 8601 instant). */
export interface OrgChange {
  version: number;
  at: string;
}

/** The current org version: one tiny query that tells whether a cached snapshot is current. */
export async function readOrgVersion(db: Db): Promise<number> {
  const [row] = await db.select({ version: orgStateTable.version }).from(orgStateTable);
  return row?.version ?? 0;
}

/**
 * Tells every listener (each instance's LISTEN connection) of the new version. Sent inside
 * the write's transaction: the database delivers it when — and only if — the write commits.
 */
export async function announceOrgVersion(tx: Db, version: number): Promise<void> {
  const change: OrgChange = { version, at: new Date().toISOString() };
  await tx.execute(sql`select pg_notify(${ORG_CHANGED_CHANNEL}, ${JSON.stringify(change)})`);
}
