import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { defaultTimeouts, keepAliveOnError } from './connections.js';
import { type Database, type Db, loggerFor, type OpenOptions, versionReader } from './database.js';
import { listenPostgres } from './listen.js';
import { migratePostgres } from './migrate-postgres.js';
import * as tables from './tables.js';
import { askVersionDirectly, ORG_VERSION_SQL } from './version.js';

/** `GET /ready`'s probe: a clean message, since Yoga puts it in the 503's body. */
async function ping(pool: pg.Pool): Promise<void> {
  try {
    await pool.query('select 1');
  } catch {
    throw new Error('database unavailable');
  }
}

/** The version check as a named statement: prepared once per connection of the pool. */
const VERSION_QUERY = { name: 'orgraph_org_version_check', text: ORG_VERSION_SQL };

/** A real PostgreSQL server at `url`, through a `pg` pool. */
export function openPostgres(url: string, options: OpenOptions): Database {
  const { timeouts = defaultTimeouts, poolMax = 10 } = options;
  const logger = loggerFor(options.onQuery);
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    // A server that stops answering without closing (a network partition) never sends the
    // statement timeout's cancel: the client gives up a little after it, or a request,
    // /ready and the shutdown that waits for them would hang for good.
    query_timeout: timeouts.statementMs + timeouts.connectMs,
    keepAlive: true,
  });
  pool.on('connect', (client) => keepAliveOnError(client, options.onConnectionLost));
  // The pool re-emits an idle client's error here too: already logged by the client's own.
  pool.on('error', () => {});
  const db = drizzle(pool, { schema: tables, logger }) as unknown as Db;
  askVersionDirectly(
    db,
    versionReader(options.onQuery, () => pool.query({ ...VERSION_QUERY, rowMode: 'array' })),
  );
  return {
    db,
    kind: 'postgres',
    migrate: () => migratePostgres(url, timeouts),
    ping: () => ping(pool),
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
    listen: (channel, handlers) => listenPostgres(url, channel, handlers, timeouts),
    close: () => pool.end(),
  };
}
