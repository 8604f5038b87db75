import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import { createOwnerOnly } from './owner-only.js';

/**
 * Who holds an embedded data folder, as the holder wrote it into the folder. The file is
 * 0600: a server's `token` is an ADMIN secret, given to whoever may read the folder anyway.
 */
export interface FolderOwner {
  pid: number;
  host: string;
  /** "server", or the CLI command running (`org import`). */
  what: string;
  /** When its process started (Linux: clock ticks since boot): a reused pid is told apart. */
  started?: string;
  /** Once a server listens: where the CLI reaches it, and its per-process ADMIN secret. */
  url?: string;
  token?: string;
}

/** The folder is held by another live process (its owner file, when it could be read). */
export class FolderInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: FolderOwner | null,
  ) {
    const at = owner?.url ? `, serving ${owner.url}` : '';
    const who = owner
      ? `${owner.what} (pid ${owner.pid} on ${owner.host}${at})`
      : 'another process';
    super(`ORGRAPH_DATA_DIR ${dataDir} is in use by orgraph ${who}`);
  }
}

export interface FolderLock {
  /** Adds to the owner file what others may use: the server's URL and token. */
  publish(details: Pick<FolderOwner, 'url' | 'token'>): void;
  release(): Promise<void>;
}

// The holder touches the lock every UPDATE_MS; past STALE_MS untouched it is a dead
// holder's. A holder known dead (its pid is gone) is taken over after DEAD_STALE_MS.
const STALE_MS = 20_000;
const UPDATE_MS = 2_000;
const DEAD_STALE_MS = 2_000;
const RETRY_MS = 250;

const lockPath = (dataDir: string) => join(dataDir, 'orgraph.lock');
const ownerPath = (dataDir: string) => join(dataDir, 'orgraph-owner.json');

function readOwner(dataDir: string): FolderOwner | null {
  try {
    return JSON.parse(readFileSync(ownerPath(dataDir), 'utf8')) as FolderOwner;
  } catch {
    return null; // none yet, half-written, or not ours to read
  }
}

function writeOwner(dataDir: string, owner: FolderOwner): void {
  const temporary = `${ownerPath(dataDir)}.${process.pid}`;
  writeFileSync(temporary, JSON.stringify(owner), { mode: 0o600 });
  renameSync(temporary, ownerPath(dataDir)); // atomic: readers never see half a file
}

/**
 * Whether the holder's process still runs: null when it cannot be told (another host's),
 * 'same' when it is that very process (its start time matches: busy or paused, it is still
 * the holder, whatever its lock's age).
 */
function isAlive(owner: FolderOwner): boolean | 'same' | null {
  if (owner.host !== hostname()) return null;
  if (owner.pid === process.pid) return false; // a previous life of ours, in a container
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = statOf(owner.pid);
  if (stat && (stat.state === 'Z' || stat.state === 'X')) return false;
  if (stat && owner.started) return stat.started === owner.started ? 'same' : false;
  return true;
}

/** The live server holding a folder (it may still be creating its database), if any. */
export function serverHolding(dataDir: string): FolderOwner | null {
  const owner = readOwner(dataDir);
  return owner?.what === 'server' && isAlive(owner) ? owner : null;
}

/**
 * The server holding a folder once it listens (its owner file then gives its URL): a command
 * run in a server's first seconds (migrations, the demo loading) waits for it rather than
 * being told to stop it. Null if it stopped meanwhile, or did not listen within `waitMs`.
 */
export async function listeningHolder(
  dataDir: string,
  holder: FolderOwner,
  waitMs: number,
): Promise<FolderOwner | null> {
  const until = Date.now() + waitMs;
  for (let owner: FolderOwner | null = holder; Date.now() < until; owner = readOwner(dataDir)) {
    const same = owner?.pid === holder.pid && owner.started === holder.started;
    if (!owner || !same || !isAlive(owner)) return null;
    if (owner.url) return owner;
    await sleep(RETRY_MS);
  }
  return null;
}

/**
 * A process's state and start time, from /proc/PID/stat (Linux; null elsewhere or when
 * unreadable). A killed process whose parent has not collected it yet (a container's init
 * that reaps late) still answers signal 0, but its state says it is dead (Z or X); a process
 * given a dead holder's pid (after a reboot) started at another time.
 */
function statOf(pid: number): { state: string; started: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "PID (COMMAND) STATE …": the command may hold spaces and parentheses; the start time is
    // the 22nd field, the 20th after the command.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', started: fields[19] ?? '' };
  } catch {
    return null;
  }
}

/**
 * Makes this process the one writer of an embedded data folder, or throws `FolderInUse`
 * naming the live holder. A lock left by a killed process is taken over: at once when its
 * pid is gone, else once it has gone untouched for STALE_MS. `onLost` runs if another
 * process takes the lock anyway (someone deleted it): the caller must stop writing.
 */
export async function lockDataFolder(
  dataDir: string,
  what: string,
  onLost: (error: Error) => void,
): Promise<FolderLock> {
  createOwnerOnly(dataDir);
  const deadline = Date.now() + STALE_MS + UPDATE_MS;
  for (;;) {
    const owner = readOwner(dataDir);
    const alive = owner && isAlive(owner);
    // The holder itself, however long since it touched its lock (an import of 100,000 people
    // keeps its event loop 12 s; Ctrl-Z stops it): taking the folder over lost its writes.
    if (alive === 'same') throw new FolderInUse(dataDir, owner);
    // A live holder touches its lock every UPDATE_MS: a pid alive behind a stale lock is
    // another process given the dead holder's number (after a reboot), taken over below.
    if (alive && (await lockIsFresh(dataDir))) throw new FolderInUse(dataDir, owner);
    const stale = alive === false ? DEAD_STALE_MS : STALE_MS;
    try {
      const release = await lockfile.lock(dataDir, {
        lockfilePath: lockPath(dataDir),
        stale,
        update: UPDATE_MS,
        onCompromised: onLost,
      });
      return ownedFolder(dataDir, what, release);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() > deadline) throw new FolderInUse(dataDir, readOwner(dataDir));
      await sleep(RETRY_MS); // the holder is starting, or its lock is going stale
    }
  }
}

function lockIsFresh(dataDir: string): Promise<boolean> {
  return lockfile.check(dataDir, { lockfilePath: lockPath(dataDir), stale: STALE_MS });
}

function ownedFolder(dataDir: string, what: string, release: () => Promise<void>): FolderLock {
  const started = statOf(process.pid)?.started;
  const owner: FolderOwner = {
    pid: process.pid,
    host: hostname(),
    what,
    ...(started && { started }),
  };
  writeOwner(dataDir, owner);
  return {
    publish: (details) => writeOwner(dataDir, Object.assign(owner, details)),
    release: async () => {
      rmSync(ownerPath(dataDir), { force: true });
      await release();
    },
  };
}
