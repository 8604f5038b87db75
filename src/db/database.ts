import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ConnectionLost, DatabaseTimeouts } from './connections.js';
import type { ListenHandlers, Listening } from './listen.js';
import type * as tables from './tables.js';
import { ORG_VERSION_SQL, type OrgVersion, orgVersionOf } from './version.js';

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
  /** Hears NOTIFYs on `channel`: PostgreSQL's own LISTEN connection, or PGlite's listener. */
  listen(channel: string, handlers: ListenHandlers): Promise<Listening>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** `postgres://…` to use a real server through `pg`; otherwise the embedded PGlite. */
  url?: string;
  /** PGlite's folder; none keeps it in memory (tests). */
  dataDir?: string;
  /**
   * A PGlite already started (the tests hand out copies of one migrated template, since a new
   * PGlite's initdb and migrations take seconds); closed with the database.
   */
  pglite?: PGlite;
  /** Sees every SQL statement drizzle sends, with its parameters (the statement tests use it). */
  onQuery?: (sql: string, params: unknown[]) => void;
  /** PostgreSQL only: how long a request may wait for the database (default `defaultTimeouts`). */
  timeouts?: DatabaseTimeouts;
  /**
   * PostgreSQL only: the most connections the pool opens (default 10); requests beyond it
   * wait for one, so the server never takes the connections other clients need.
   */
  poolMax?: number;
  /** PostgreSQL only: hears of each connection lost (default: a line on stderr). */
  onConnectionLost?: ConnectionLost;
}

/** drizzle's logger: sees each statement before it is sent, the tests' `onQuery` and guards. */
export function loggerFor(...hearers: Array<OpenOptions['onQuery']>): Logger | undefined {
  const all = hearers.filter((hear) => hear !== undefined);
  if (all.length === 0) return undefined;
  return {
    logQuery: (query, params) => {
      for (const hear of all) hear(query, params);
    },
  };
}

/**
 * The version check through `query`, the pool's or PGlite's own (one row), seen by
 * `onQuery` as drizzle's queries are.
 */
export function versionReader(
  onQuery: OpenOptions['onQuery'],
  query: () => Promise<{ rows: unknown[][] }>,
): () => Promise<OrgVersion> {
  return async () => {
    onQuery?.(ORG_VERSION_SQL, []);
    const { rows } = await query();
    return orgVersionOf(rows[0]);
  };
}

/** The driver's error under drizzle's "Failed query: <SQL> params: <values>": what happened, no SQL. */
export function driverError(error: Error): Error {
  let current = error;
  for (let depth = 0; depth < 5 && current.cause instanceof Error; depth++) current = current.cause;
  return current;
}
