import { type ConnectionLost, toStderr } from '../db/connections.js';
import type { Database } from '../db/database.js';
import type { Config } from './config.js';
import { lockDataFolder } from './data-lock.js';
import { makeOwnerOnly } from './owner-only.js';

let opened = false;
/**
 * Whether this process has had the database answer (opened and migrated): a failure after
 * that is a connection lost while in use, not a database never reached.
 */
export const databaseAnswered = () => opened;

/**
 * Opens the database the way the server does — PostgreSQL when `DATABASE_URL` is set, else
 * the embedded PGlite in the configured data folder — and applies the migrations. The
 * embedded folder has one writer: the caller holds its lock first (`openAsWriter`), and it is
 * made owner-only before it is opened (owner-only.ts). `warn` hears what that fixed, and a
 * lost connection.
 */
export async function openConfiguredDatabase(
  config: Config,
  warn?: ConnectionLost,
  connectionLost: ConnectionLost | undefined = warn,
): Promise<Database> {
  if (!config.databaseUrl) {
    const fixed = makeOwnerOnly(config.dataDir);
    if (fixed > 0) {
      (warn ?? toStderr)(
        `ORGRAPH_DATA_DIR ${config.dataDir}: made ${fixed} file(s) and folder(s) owner-only ` +
          '(folders 0700, files 0600); they were readable or writable by others',
      );
    }
  }
  // Loaded here: the CLI locks the folder first, and through a running server never opens it.
  const { openDatabase } = await import('../db/client.js');
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    timeouts: config.databaseTimeouts,
    poolMax: config.poolMax,
    onConnectionLost: connectionLost,
  });
  try {
    await database.migrate();
    opened = true;
    // PGlite gives the files it creates (a new folder's whole cluster) modes of its own.
    if (!config.databaseUrl) makeOwnerOnly(config.dataDir);
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  return database;
}

/**
 * For the CLI: opens the configured database; the embedded one only as its one writer,
 * holding the folder's lock until `close()` (or throwing FolderInUse, naming the holder).
 */
export async function openAsWriter(config: Config, what: string): Promise<Database> {
  // A connection lost mid-command fails the command, whose one line says so: not two.
  if (config.databaseUrl) return openConfiguredDatabase(config, undefined, () => {});
  const lock = await lockDataFolder(config.dataDir, what, () => {
    console.error(`the lock on ${config.dataDir} was taken by another process: stopping`);
    process.exit(3);
  });
  const database = await openConfiguredDatabase(config).catch(async (error) => {
    await lock.release();
    throw error;
  });
  return { ...database, close: () => database.close().finally(() => lock.release()) };
}
