import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { DatabaseTimeouts } from './connections.js';
import { type ConnectionLost, defaultTimeouts, keepAliveOnError } from './connections.js';
import { ensureRoom, roomGuard } from './disk-room.js';
import { DataFolderUnreadable, firstDenied } from './folder-unreadable.js';
import { type ListenHandlers, type Listening, listenPostgres } from './listen.js';
import { migratePglite, migratePostgres } from './migrate.js';
import { newFolderTemplate } from './pglite-template.js';
import * as tables from './tables.js';
import { askVersionDirectly, ORG_VERSION_SQL, type OrgVersion, orgVersionOf } from './version.js';

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
  /** PostgreSQL only: how long a request may wait for the database (defaults below). */
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
function loggerFor(...hearers: Array<OpenOptions['onQuery']>): Logger | undefined {
  const all = hearers.filter((hear) => hear !== undefined);
  if (all.length === 0) return undefined;
  return {
    logQuery: (query, params) => {
      for (const hear of all) hear(query, params);
    },
  };
}

/** `GET /ready`'s probe: a clean message, since Yoga puts it in the 503's body. */
async function ping(pool: pg.Pool): Promise<void> {
  try {
    await pool.query('select 1');
  } catch {
    throw new Error('database unavailable');
  }
}

/**
 * The embedded database's buffer cache. Reads come from the org in memory, so the database
 * serves writes and reloads: PostgreSQL's 128 MB was memory zeroed at every open (a CLI
 * command's 0.4 s) and held all day for nothing.
 */
const EMBEDDED_BUFFERS = '16MB';

/** The version check as a named statement: prepared once per connection of the pool. */
const VERSION_QUERY = { name: 'orgraph_org_version_check', text: ORG_VERSION_SQL };

/**
 * The version check through `query`, the pool's or PGlite's own (one row), seen by
 * `onQuery` as drizzle's queries are.
 */
function versionReader(
  onQuery: OpenOptions['onQuery'],
  query: () => Promise<{ rows: unknown[][] }>,
): () => Promise<OrgVersion> {
  return async () => {
    onQuery?.(ORG_VERSION_SQL, []);
    const { rows } = await query();
    return orgVersionOf(rows[0]);
  };
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const { url, timeouts = defaultTimeouts, poolMax = 10 } = options;
  if (url) {
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
    const db = drizzlePg(pool, { schema: tables, logger }) as unknown as Db;
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
  const { dataDir } = options;
  // A folder on a disk too full to write is refused before PGlite opens it (and may hang).
  if (dataDir && !options.pglite) ensureRoom(dataDir);
  // btree_gist: the history tables' no-overlap constraints (drizzle/0002) need it.
  const client =
    options.pglite ??
    new PGlite({
      dataDir,
      extensions: { btree_gist },
      loadDataDir: newFolderTemplate(dataDir),
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${EMBEDDED_BUFFERS}`],
    });
  if (!options.pglite && dataDir) await openedFolder(client, dataDir);
  const logger = loggerFor(options.onQuery, dataDir ? roomGuard(dataDir) : undefined);
  const db = drizzlePglite(client, { schema: tables, logger }) as unknown as Db;
  askVersionDirectly(
    db,
    versionReader(options.onQuery, () =>
      client.query<unknown[]>(ORG_VERSION_SQL, [], { rowMode: 'array' }),
    ),
  );
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(client),
    ping: async () => void (await client.query('select 1')),
    // One in-process connection: it is never lost, so there is nothing to reconnect.
    listen: async (channel, { onNotify }) => {
      const unlisten = await client.listen(channel, onNotify);
      return { close: () => (client.closed ? Promise.resolve() : unlisten()) };
    },
    close: () => client.close(),
  };
}

/**
 * Waits for PGlite to open its folder. A folder it cannot read as a database (a file of it
 * lost or damaged, another program's files) fails inside PGlite's WebAssembly with
 * "Aborted()", which names neither the folder nor a way out: said here with both. A refusal
 * of the file system (EACCES…) keeps its code, which the start's failure line explains.
 */
async function openedFolder(client: PGlite, dataDir: string): Promise<void> {
  try {
    await client.waitReady;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code) throw error;
    // Opening writes (the WAL's replay, a checkpoint): a full disk is said, not "damaged".
    ensureRoom(dataDir);
    const denied = firstDenied(dataDir);
    if (denied !== null) {
      throw new DataFolderUnreadable(
        `the database in ${dataDir} could not be opened: this user may not read and write ${denied} in it (another user's file); run orgraph as the user the folder belongs to, or give this one the whole folder (chown -R)`,
      );
    }
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DataFolderUnreadable(
      `the database in ${dataDir} could not be opened (${why}): it may be damaged; restore the folder from a copy, or set ORGRAPH_DATA_DIR to a new folder`,
    );
  }
}
