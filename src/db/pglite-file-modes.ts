import type { PGlite } from '@electric-sql/pglite';
import { driverError } from './database.js';

/** PostgreSQL refused a file: "could not open file "base/5/16387": Permission denied" (or create…). */
export const FILE_DENIED =
  /could not (?:open|create|extend|write to|read) file .*Permission denied/;

/** What of Emscripten's file system (PGlite's file layer) this needs. */
interface FileNode {
  mode: number;
  name_next?: FileNode | null;
}
interface FileSystem {
  nameTable: (FileNode | null)[];
  getPath(node: FileNode): string;
  lstat(path: string): { mode: number };
  cwd(): string;
}

/**
 * PGlite's file layer (Emscripten's FS) keeps each file's mode as it first looked it up and
 * checks every open against that copy, never the disk again: a file first opened while the
 * folder was read-only (a chmod, a restore, a backup tool) stayed refused once its permissions
 * were back, and every org write failed until a restart (found by an audit). So once a
 * statement is refused a file, each later one first reads the modes of the files PGlite knows
 * again (a few hundred lstat calls, a millisecond or two), until they show the data folder
 * writable again: a read that succeeds meanwhile proves nothing of the writes (a review).
 */
export function seeFileModesAgain(client: PGlite): void {
  const fs = (client as unknown as { mod?: { FS?: FileSystem } }).mod?.FS;
  if (!fs) return;
  let denied = false;
  const watch =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (denied) denied = readModes(fs);
      try {
        return await call(...args);
      } catch (error) {
        if (isDenied(error)) denied = true;
        throw error;
      }
    };
  client.query = watch(client.query.bind(client)) as PGlite['query'];
  client.exec = watch(client.exec.bind(client)) as PGlite['exec'];
  client.transaction = watch(client.transaction.bind(client)) as PGlite['transaction'];
}

/** The refusal, or drizzle's "Failed query" around it (a statement of a transaction). */
const isDenied = (error: unknown) =>
  error instanceof Error && FILE_DENIED.test(driverError(error).message);

/** PostgreSQL keeps every file of its folder writable by its owner (0600, 0700). */
const OWNER_WRITES = 0o200;

/**
 * Reads the mode of every file PGlite knows again; whether one in the data folder (PGlite's
 * working directory) is still not writable.
 */
function readModes(fs: FileSystem): boolean {
  const folder = `${fs.cwd()}/`;
  let readOnly = false;
  for (const first of fs.nameTable) {
    for (let node = first; node; node = node.name_next ?? null) {
      try {
        const path = fs.getPath(node);
        node.mode = fs.lstat(path).mode;
        if (path.startsWith(folder) && (node.mode & OWNER_WRITES) === 0) readOnly = true;
      } catch {
        // Gone from the disk: PGlite says so when it next opens it.
      }
    }
  }
  return readOnly;
}
