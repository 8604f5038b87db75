import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from './config-error.js';

/** Folders: the owner lists, enters and writes; nobody else anything. */
const FOLDER_MODE = 0o700;
/** Files: the owner reads and writes; nobody else anything. */
const FILE_MODE = 0o600;

/**
 * Makes the embedded database's folder owner-only, the one place its org data lives on disk:
 * created 0700, and an existing one fixed — itself and everything in it, folders 0700 and
 * files 0600 — rather than refused, since the loose modes were an earlier orgraph's (or
 * PGlite's) doing, not the operator's. PGlite sets modes of its own on the files it creates
 * (0666), so this runs again once it has opened the folder; what it creates later stays
 * behind the folder's 0700. Answers how many entries it fixed while the folder itself was open
 * to others, for the log (behind a 0700 folder PGlite's own loose files exposed nothing, so
 * they are fixed without a word at every open); a folder owned by someone else fails here
 * (EPERM), naming the folder.
 */
export function makeOwnerOnly(dataDir: string): number {
  createOwnerOnly(dataDir);
  const exposed = (statSync(dataDir).mode & 0o077) !== 0;
  let fixed = 0;
  const walk = (path: string, isFolder: boolean) => {
    const wanted = isFolder ? FOLDER_MODE : FILE_MODE;
    if ((statSync(path).mode & 0o777) !== wanted) {
      chmodSync(path, wanted);
      fixed += 1;
    }
    if (!isFolder) return;
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.isDirectory() || entry.isFile()) walk(join(path, entry.name), entry.isDirectory());
    }
  };
  walk(dataDir, true);
  return exposed ? fixed : 0;
}

/**
 * The folder, created owner-only if it is not there, in a process whose files are owner-only
 * from then on (umask 077): the lock taken before anything else is made so too.
 */
export function createOwnerOnly(dataDir: string): void {
  requireDataFolder(dataDir);
  process.umask(0o077);
  makeFolders(dataDir);
}

/**
 * `mkdir -p`, one folder at a time from the nearest that exists: Node's own recursive mkdir
 * loops for ever, deaf to SIGTERM, where a parent answers ENOENT though it exists (a path
 * under /proc); made one by one, the first refusal is thrown, path and code named.
 */
function makeFolders(dataDir: string): void {
  const missing: string[] = [];
  for (let path = resolve(dataDir); !existsSync(path); path = dirname(path)) {
    missing.unshift(path);
    if (dirname(path) === path) break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder, { mode: FOLDER_MODE });
    } catch (error) {
      // Made meanwhile by another process (two starting together): as good.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(folder).isDirectory())
        throw error;
    }
  }
}

/**
 * What may be in a data folder: what orgraph keeps beside the database (data-lock.ts,
 * demo/load.ts) and a new volume's `lost+found`.
 */
const OURS = /^(orgraph[.-]|demo-token-pending$|lost\+found$)/;
/** A database cluster, or one whose first copy was cut short (`PG_VERSION` comes late). */
const CLUSTER = new Set(['PG_VERSION', 'base', 'global', 'pg_wal', 'postgresql.conf']);

/**
 * The folder is new, empty, an embedded database (or one a first start left half copied) or
 * holds only what orgraph keeps there; any other folder is refused before a file of it is
 * touched. Made owner-only, a folder of the operator's own files (`ORGRAPH_DATA_DIR=.` by
 * mistake) lost its modes, scripts their executable bit, and got a database cluster among them.
 */
export function requireDataFolder(dataDir: string): void {
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) return;
  const entries = readdirSync(dataDir);
  if (entries.some((name) => CLUSTER.has(name))) return;
  const others = entries.filter((name) => !OURS.test(name));
  if (others.length === 0) return;
  const shown = others.slice(0, 3).join(', ') + (others.length > 3 ? ', …' : '');
  throw new ConfigError(
    `Bad setting ORGRAPH_DATA_DIR=${dataDir}: it holds other files (${shown}) and no orgraph database. Choose a new or empty folder.`,
  );
}
