import type { PGlite } from '@electric-sql/pglite';
import { driverError } from './database.js';

/** PostgreSQL refused a file: "could not open file "base/5/16387": Permission denied". */
const DENIED = /could not open file .*Permission denied/;

/** What of Emscripten's file system (PGlite's file layer) this needs. */
interface FileNode {
  mode: number;
  name_next?: FileNode | null;
}
interface FileSystem {
  nameTable: (FileNode | null)[];
  getPath(node: FileNode): string;
  lstat(path: string): { mode: number };
}

/**
 * PGlite's file layer (Emscripten's FS) keeps each file's mode as it first looked it up and
 * checks every open against that copy, never the disk again: a file first opened while the
 * folder was read-only (a chmod, a restore, a backup tool) stayed refused once its permissions
 * were back, and every org write failed until a restart (found by an audit). So once a
 * statement is refused a file, each later one first reads the modes of the files PGlite knows
 * again (a few hundred lstat calls, a millisecond or two), until one succeeds.
 */
export function seeFileModesAgain(client: PGlite): void {
  const fs = (client as unknown as { mod?: { FS?: FileSystem } }).mod?.FS;
  let denied = false;
  const refreshed = () => {
    if (denied && fs) readModes(fs);
  };
  const watch =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      refreshed();
      try {
        const result = await call(...args);
        denied = false;
        return result;
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
  error instanceof Error && DENIED.test(driverError(error).message);

function readModes(fs: FileSystem): void {
  for (const first of fs.nameTable) {
    for (let node = first; node; node = node.name_next ?? null) {
      try {
        node.mode = fs.lstat(fs.getPath(node)).mode;
      } catch {
        // Gone from the disk: PGlite says so when it next opens it.
      }
    }
  }
}
