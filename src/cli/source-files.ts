import {
  closeSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  type Stats,
  statSync,
} from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import type { CatalogFile, CatalogFolder } from '../adapters/backstage.js';
import { decodeText } from '../adapters/encoding.js';
import type { SourceProblem } from '../adapters/source-map.js';
import {
  checkFileSize,
  FILE_LIMITS,
  FileLimitError,
  readPastLimit,
} from '../orgdoc/file-limits.js';
import { badInput } from './failures.js';

/** Why a file cannot be read, worded to follow its name: `./missing.yaml: no such file`. */
function unreadable(error: unknown): string {
  const { code } = error as NodeJS.ErrnoException;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'a folder, not a file';
  return `cannot read it (${code})`;
}

const CHUNK = 1024 * 1024;

/** `-` is standard input, as `export -` writes to standard output: `curl … | org import -`. */
const STDIN = '-';

/** How a command names the file it was given. */
export const fileName = (given: string): string => (given === STDIN ? 'stdin' : given);

/**
 * Standard input read whole, off the event loop (Ctrl-C is heard while a terminal or a slow
 * writer keeps it open) and within the size limit. Not by its path: a socket's `/dev/stdin`
 * (as a parent process hands over its pipes) cannot be opened.
 */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > FILE_LIMITS.bytes) throw readPastLimit();
      chunks.push(chunk);
    }
  } catch (error) {
    throw badInput(`stdin: ${error instanceof FileLimitError ? error.message : unreadable(error)}`);
  }
  return Buffer.concat(chunks, total);
}

/** A path's stats, or null where it cannot be read (said once the file is read). */
function statOf(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * A file's bytes, refused past the size limit: by its size first, then as it is read, since a
 * device or a pipe (`/dev/zero`, `<(curl …)`) has no size to tell — `/dev/zero` was read until
 * the machine ran out of memory.
 */
function readCapped(path: string, opened?: number): Buffer {
  checkFileSize(statSync(path).size);
  const fd = opened ?? openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const read = readSync(fd, chunk, 0, CHUNK, null);
      if (read === 0) return Buffer.concat(chunks, total);
      total += read;
      if (total > FILE_LIMITS.bytes) throw readPastLimit();
      chunks.push(chunk.subarray(0, read));
    }
  } finally {
    if (opened === undefined) closeSync(fd); // a pipe's handle is closed by its opener
  }
}

const GUESSED = (encoding: string) =>
  `not UTF-8, read as ${encoding} (as Excel saves "CSV (Comma delimited)"); ` +
  'save it as UTF-8 ("CSV UTF-8") to be sure of every letter';

/**
 * The files an import reads, as text (encoding.ts), with a warning for each whose encoding
 * had to be guessed: the import goes on, but the names are worth a look.
 */
export class SourceFiles {
  readonly warnings: SourceProblem[] = [];
  /** Named pipes opened once a writer came (`writerOf`), by path. */
  private readonly pipes = new Map<string, FileHandle>();
  /** Standard input's bytes, read once a writer closed it (`writerOf`). */
  private stdin?: Buffer;

  /**
   * Waits for a named pipe's writer off the event loop: opened in this thread, a pipe no
   * one writes to blocked for good, and Ctrl-C, heard on the event loop, with it.
   */
  async writerOf(path: string): Promise<void> {
    if (path === STDIN) this.stdin = await readStdin();
    else if (statOf(path)?.isFIFO()) this.pipes.set(path, await open(path, 'r'));
  }

  /** A file's text; one that cannot be read or is over the size limit is bad input (exit 2). */
  text(path: string, name = fileName(basename(path))): string {
    if (path === STDIN && this.stdin) return this.decoded(this.stdin, name);
    let bytes: Buffer;
    const pipe = this.pipes.get(path);
    try {
      bytes = readCapped(path, pipe?.fd);
    } catch (error) {
      if (error instanceof FileLimitError) throw badInput(`${path}: ${error.message}`);
      throw badInput(`${path}: ${unreadable(error)}`);
    } finally {
      this.pipes.delete(path);
      pipe?.close().catch(() => {}); // read whole, or refused: nothing more to say of it
    }
    return this.decoded(bytes, name);
  }

  /** A file a Location names; throws an Error the catalog tells after the target's name. */
  target(path: string, name: string): string {
    try {
      return this.decoded(readCapped(path), name);
    } catch (error) {
      throw new Error(error instanceof FileLimitError ? error.message : unreadable(error));
    }
  }

  private decoded(bytes: Uint8Array, name: string): string {
    const { text, guessed } = decodeText(bytes);
    if (guessed) this.warnings.push({ origin: null, message: `${name}: ${GUESSED(guessed)}` });
    return text;
  }
}

/** The path with its links followed, or as it is when it leads to nothing. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * A catalog file (a Location's file, or any other), or every `.yaml`/`.yml` file of a folder
 * and its subfolders; files are named relative to that folder (or to the file's own), which
 * is where a Location's targets are read and its globs expanded from.
 */
export function catalogFiles(
  path: string,
  from: SourceFiles,
): { files: CatalogFile[]; folder: CatalogFolder } {
  const isFolder = statOf(path)?.isDirectory() === true;
  const base = isFolder ? path : dirname(path);
  const folder: CatalogFolder = {
    read: (name) => from.target(resolve(base, name), name),
    glob: (pattern) => globSync(pattern, { cwd: base, expandDirectories: false }),
    // `teams/a.yaml`, `../catalog/teams/a.yaml`, `/srv/catalog/teams/a.yaml` and a link to it
    // are one file (a name that is no file is read, and said to be missing, once).
    keyOf: (name) => realPath(resolve(base, name)),
  };
  if (!isFolder)
    return { files: [{ name: fileName(basename(path)), text: from.text(path) }], folder };
  const names = (readdirSync(path, { recursive: true }) as string[])
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort();
  if (names.length === 0) throw badInput(`${path}: no .yaml or .yml file in it`);
  const files = names.map((name) => {
    const relativeName = relative(path, join(path, name));
    return { name: relativeName, text: from.text(join(path, name), relativeName) };
  });
  return { files, folder };
}
