import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { type DatabaseTimeouts, keepAliveOnError } from './connections.js';
import { migrationsFolder } from './migrations.js';

// Any constant works; it only has to be the same for every orgraph instance.
const MIGRATION_LOCK = 7_468_321;

/**
 * Several instances may start at once against one server, so migrations run on a dedicated
 * connection holding a session advisory lock: one instance migrates, the others wait and
 * then find nothing left to do.
 */
export function migratePostgres(url: string, timeouts: DatabaseTimeouts): Promise<void> {
  return onConnection(url, timeouts, async (client) => {
    if (await isMigrated(client)) return;
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    // drizzle makes its journal's schema and table before its own transaction: begun here, that
    // transaction's `begin` is a no-op (a warning) and its rollback also takes them back, so a
    // migration refused (another application's tables) leaves nothing in the database.
    await client.query('begin');
    await migrate(drizzle(client), { migrationsFolder });
  });
}

/** The undefined table and schema states: drizzle's journal not made yet. */
const NO_JOURNAL = new Set(['42P01', '3F000']);

/**
 * Whether every migration orgraph carries is applied, read without writing: drizzle's own
 * migrate writes (CREATE SCHEMA IF NOT EXISTS…) even with nothing to do, which a read-only
 * role or a replica refuses, so a command that only reads (check, export) failed there.
 */
async function isMigrated(client: pg.Client): Promise<boolean> {
  // Drizzle applies each migration newer than the latest it recorded: none is, or all are.
  const last = Math.max(0, ...readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis));
  try {
    const { rows } = await client.query<{ at: string | null }>(
      'select max(created_at)::text as at from drizzle.__drizzle_migrations',
    );
    return Number(rows[0]?.at ?? 0) >= last;
  } catch (error) {
    if (NO_JOURNAL.has((error as { code?: string }).code ?? '')) return false;
    throw error;
  }
}

/** Runs `use` on a connection of its own, closed after. */
async function onConnection<T>(
  url: string,
  timeouts: DatabaseTimeouts,
  use: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeouts.connectMs,
  });
  keepAliveOnError(client);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/**
 * Whether a PostgreSQL database holds orgraph's tables (migrated once, by a server's start,
 * `npm run db:migrate` or an import): a command reading an org does not make them in a
 * database that is not one (DATABASE_URL naming another application's database).
 */
export function holdsOrgTables(url: string, timeouts: DatabaseTimeouts): Promise<boolean> {
  return onConnection(url, timeouts, async (client) => {
    const { rows } = await client.query("select to_regclass('org_state') is not null as held");
    return rows[0]?.held === true;
  });
}
