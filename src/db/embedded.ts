import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle } from 'drizzle-orm/pglite';
import { type Database, type Db, loggerFor, type OpenOptions, versionReader } from './database.js';
import { ensureRoom, roomGuard } from './disk-room.js';
import { DataFolderUnreadable, firstDenied } from './folder-unreadable.js';
import { seeFileModesAgain } from './pglite-file-modes.js';
import { migratePglite, newFolderTemplate } from './pglite-template.js';
import * as tables from './tables.js';
import { askVersionDirectly, ORG_VERSION_SQL } from './version.js';

/**
 * The embedded database's buffer cache. Reads come from the org in memory, so the database
 * serves writes and reloads: PostgreSQL's 128 MB was memory zeroed at every open (a CLI
 * command's 0.4 s) and held all day for nothing.
 */
const EMBEDDED_BUFFERS = '16MB';

/** The embedded PGlite: in `options.dataDir`, or in memory, or the one handed over. */
export async function openEmbedded(options: OpenOptions): Promise<Database> {
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
  if (!options.pglite && dataDir) {
    await openedFolder(client, dataDir);
    seeFileModesAgain(client);
  }
  const logger = loggerFor(options.onQuery, dataDir ? roomGuard(dataDir) : undefined);
  const db = drizzle(client, { schema: tables, logger }) as unknown as Db;
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
