import { DiskFull } from '../db/disk-room.js';
import { FILE_DENIED } from '../db/pglite-file-modes.js';

// PostgreSQL SQLSTATEs that mean "the server is not there for you right now", not "your
// query is wrong": connection exceptions (class 08), shutdown and start-up (57P0x), too many
// connections, and a statement cancelled by our own statement_timeout.
const UNAVAILABLE_STATES = /^(08...|57P0[1-4]|53300|57014)$/;
// What the operating system or `pg` say when a connection cannot be made or was lost.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// (PostgreSQL answers a database closed to connections with a generic 55000, so its text; and
// a data file the operating system refuses it — a folder made read-only — with 42501: FILE_DENIED.)
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|Query read timeout|timeout exceeded when trying to connect|timeout expired|not queryable|Cannot use a pool after calling end|not currently accepting connections/i;

/** Every error in a chain of wrappers: GraphQL's originalError, drizzle's and Node's cause. */
export function* causes(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  for (let e = error; e && typeof e === 'object' && !seen.has(e); ) {
    seen.add(e);
    yield e;
    const { originalError, cause } = e as { originalError?: unknown; cause?: unknown };
    e = originalError ?? cause;
  }
}

/** True when the error (or what it wraps) means the database could not be reached or used. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of causes(error)) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_CODES.has(code)))
      return true;
    if (
      typeof message === 'string' &&
      (UNAVAILABLE_MESSAGES.test(message) || FILE_DENIED.test(message))
    )
      return true;
  }
  return false;
}

/**
 * True when a write was refused for want of disk: the embedded database's own guard
 * (db/disk-room.ts), or PostgreSQL's disk_full (53100) from a server whose disk filled.
 */
export function isDiskFull(error: unknown): boolean {
  for (const e of causes(error)) {
    if (e instanceof DiskFull || (e as { code?: unknown }).code === '53100') return true;
  }
  return false;
}
