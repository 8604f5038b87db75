import { accessSync, constants, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded data folder holds something PGlite cannot open as its database. Its own
 * module: the start's failure lines name it without loading PGlite.
 */
export class DataFolderUnreadable extends Error {}

/**
 * The first entry of `folder` this process may not read and write (relative to it), or null.
 * A folder whose files another user made (a start as root, then as a service user) fails to
 * open the same way a damaged one does; told apart, it is not restored from a copy for nothing.
 */
export function firstDenied(folder: string): string | null {
  let names: string[];
  try {
    names = readdirSync(folder, { recursive: true }) as string[];
  } catch {
    return '.';
  }
  for (const name of names) {
    try {
      accessSync(join(folder, name), constants.R_OK | constants.W_OK);
    } catch {
      return name;
    }
  }
  return null;
}
