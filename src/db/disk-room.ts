import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * What the embedded database keeps free on its disk beyond what a write needs. PGlite meeting
 * a full disk as it begins a WAL segment (16 MB) spins in WebAssembly for good: the server
 * stops answering anything, even once space is freed. So writes stop well before.
 */
const RESERVE_BYTES = 64 * 2 ** 20;
/** A statement's rows take about this many times their text in heap, indexes and WAL. */
const GROWTH = 16;

const mb = (bytes: number) => Math.floor(bytes / 2 ** 20);

/** The disk of the embedded data folder has too little room to write safely. */
export class DiskFull extends Error {
  constructor(
    readonly dataDir: string,
    readonly freeBytes: number,
    /** What the write refused would have taken (0: any write, or the start). */
    readonly writeBytes: number,
  ) {
    const write = writeBytes >= 2 ** 20 ? `, this write needs about ${mb(writeBytes)} MB,` : ',';
    super(
      `the disk holding ${dataDir} has ${mb(freeBytes)} MB free${write} and the embedded ` +
        `database keeps ${mb(RESERVE_BYTES)} MB free to write safely: free space on it`,
    );
  }
}

/** Free bytes for us on the disk holding `path` (or its nearest folder that exists yet). */
function freeBytes(path: string): number {
  for (let at = path; ; at = dirname(at)) {
    try {
      const disk = statfsSync(at);
      return disk.bavail * disk.bsize;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(at) === at) throw error;
    }
  }
}

/** Throws DiskFull unless `dataDir`'s disk holds `needed` bytes more than the reserve. */
export function ensureRoom(dataDir: string, needed = 0): void {
  const free = freeBytes(dataDir);
  if (free < needed + RESERVE_BYTES) throw new DiskFull(dataDir, free, needed);
}

/** A statement that writes rows or files (`select setval`, `pg_notify` write next to none). */
const WRITES = /^\s*(insert|update|delete|merge|copy|create|alter|drop|truncate)\b/i;

/**
 * Sees every statement drizzle sends (as its logger, before the statement runs) and refuses
 * one that writes unless the disk holds what it may take: its text and parameters (a bulk
 * write's rows are one JSON parameter) times GROWTH, plus the reserve. Reads (and a read-only
 * transaction's `set transaction`) pass unchecked: they serve on while the disk is full.
 */
export function roomGuard(dataDir: string): (sql: string, params: unknown[]) => void {
  return (sql, params) => {
    if (!WRITES.test(sql)) return;
    const size = params.reduce<number>(
      (sum, param) => sum + (typeof param === 'string' ? param.length : 8),
      sql.length,
    );
    ensureRoom(dataDir, size * GROWTH);
  };
}
