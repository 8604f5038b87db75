import type { Db } from './client.js';
import { orgStateTable } from './tables.js';

/** The current org version: one tiny query that tells whether a cached snapshot is current. */
export async function readOrgVersion(db: Db): Promise<number> {
  const [row] = await db.select({ version: orgStateTable.version }).from(orgStateTable);
  return row?.version ?? 0;
}
