import { sql } from 'drizzle-orm';
import type { Db } from './database.js';
import { orgStateTable } from './tables.js';

/** The channel every instance LISTENs on to hear of writes made anywhere. */
export const ORG_CHANGED_CHANNEL = 'orgraph_org_changed';

/** A committed org version and when it was written (an ISO 8601 instant). */
export interface OrgChange {
  version: number;
  at: string;
}

const versionQuery = (db: Db) =>
  db.select({ version: orgStateTable.version, writer: orgStateTable.writer }).from(orgStateTable);

/** Each database's version query, built once: every request asks it. */
const prepared = new WeakMap<Db, ReturnType<ReturnType<typeof versionQuery>['prepare']>>();

/**
 * The current org version: one tiny query that tells whether a cached snapshot is current.
 * Every request asks it, so it is a prepared statement, built once per database handle (drizzle's
 * building of a query costs more than PostgreSQL's answer to this one).
 */
export async function readOrgVersion(db: Db): Promise<OrgVersion> {
  let query = prepared.get(db);
  if (!query) {
    query = versionQuery(db).prepare('orgraph_org_version');
    prepared.set(db, query);
  }
  const [row] = await query.execute();
  return row ?? { version: 0, writer: null };
}

/** The version query's text, as drizzle writes it: logs and statement counts see one query. */
export const ORG_VERSION_SQL = 'select "version", "writer" from "org_state"';

/** The org version now and who wrote it (`org_state.writer`: null before any write). */
export interface OrgVersion {
  version: number;
  writer: string | null;
}

/** The version check's one row (`ORG_VERSION_SQL`, in array mode); no row: no write yet. */
export const orgVersionOf = (row: unknown[] | undefined): OrgVersion => ({
  version: (row?.[0] as number | undefined) ?? 0,
  writer: (row?.[1] as string | null | undefined) ?? null,
});

/** Per database handle, how its version is asked without drizzle (see `askVersionDirectly`). */
const directReaders = new WeakMap<Db, () => Promise<OrgVersion>>();

/**
 * Registers `read` as how every request asks `db` for the org version: the pool's (or
 * PGlite's) own named statement answering an array skips drizzle's building, tracing and
 * mapping, which cost a small read 4–10% of its throughput with one client (interleaved
 * rounds). Transactions and the change feed still ask through drizzle (`readOrgVersion`).
 */
export function askVersionDirectly(db: Db, read: () => Promise<OrgVersion>): void {
  directReaders.set(db, read);
}

/** Per database handle, the version check waiting to be sent, which later askers join. */
const waiting = new WeakMap<Db, Promise<OrgVersion>>();

/**
 * The current org version, for a request that has arrived: requests asking at about the same
 * time share one query. It is sent once the event loop's turn is over — after each request
 * sharing it asked — so it sees every write committed before any of them asked, as a query
 * of each one's own would; a request asking once it was sent waits for the next. Under
 * concurrent requests that saves most round trips to the database.
 */
export function currentOrgVersion(db: Db): Promise<OrgVersion> {
  let check = waiting.get(db);
  if (!check) {
    check = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      waiting.delete(db);
      return (directReaders.get(db) ?? (() => readOrgVersion(db)))();
    });
    waiting.set(db, check);
  }
  return check;
}

/**
 * Tells every listener (each instance's LISTEN connection) of the new version. Sent inside
 * the write's transaction: the database delivers it when — and only if — the write commits.
 */
export async function announceOrgVersion(tx: Db, version: number): Promise<void> {
  const change: OrgChange = { version, at: new Date().toISOString() };
  await tx.execute(sql`select pg_notify(${ORG_CHANGED_CHANNEL}, ${JSON.stringify(change)})`);
}
