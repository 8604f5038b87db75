import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateWithPg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migrateWithPglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type DatabaseTimeouts, keepAliveOnError } from './connections.js';

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
// Any constant works; it only has to be the same for every orgraph instance.
const MIGRATION_LOCK = 7_468_321;

/**
 * Several instances may start at once against one server, so migrations run on a dedicated
 * connection holding a session advisory lock: one instance migrates, the others wait and
 * then find nothing left to do.
 */
export function migratePostgres(url: string, timeouts: DatabaseTimeouts): Promise<void> {
  return onConnection(url, timeouts, async (client) => {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrateWithPg(drizzlePg(client), { migrationsFolder });
  });
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

export async function migratePglite(client: PGlite): Promise<void> {
  await migrateWithPglite(drizzlePglite(client), { migrationsFolder });
}
