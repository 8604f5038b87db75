import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { migratePglite, migratePostgres } from './migrate.js';
import * as tables from './tables.js';

export type Tables = typeof tables;
/** The database handle every data-access function takes first: the pool, or a transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Tables>;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Applies the committed drizzle migrations (idempotent). */
  migrate(): Promise<void>;
  /** Cheap liveness probe for `GET /ready`. */
  ping(): Promise<void>;
  /** The `pg` pool's connections (PostgreSQL only: PGlite is one connection in-process). */
  poolStats?(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

export interface OpenOptions {
  /** `postgres://…` to use a real server through `pg`; otherwise the embedded PGlite. */
  url?: string;
  /** PGlite's folder; none keeps it in memory (tests). */
  dataDir?: string;
  /** Sees every SQL statement drizzle sends, with its parameters (the statement tests use it). */
  onQuery?: (sql: string, params: unknown[]) => void;
}

function loggerFor(onQuery?: OpenOptions['onQuery']): Logger | undefined {
  return onQuery ? { logQuery: (query, params) => onQuery(query, params) } : undefined;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const logger = loggerFor(options.onQuery);
  const { url } = options;
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle client that loses its connection emits 'error' on the pool; unhandled, that
    // would crash the process. The next query simply gets a fresh connection.
    pool.on('error', (error) =>
      console.error('[orgraph] idle database client error:', error.message),
    );
    const db = drizzlePg(pool, { schema: tables, logger }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: () => migratePostgres(url),
      ping: async () => void (await pool.query('select 1')),
      poolStats: () => ({
        total: pool.totalCount,
        idle: pool.idleCount,
        waiting: pool.waitingCount,
      }),
      close: () => pool.end(),
    };
  }
  // btree_gist: the history tables' no-overlap constraints (drizzle/0002) need it.
  const client = new PGlite({ dataDir: options.dataDir, extensions: { btree_gist } });
  const db = drizzlePglite(client, { schema: tables, logger }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(client),
    ping: async () => void (await client.query('select 1')),
    close: () => client.close(),
  };
}
