import type pg from 'pg';

/** Bounds on waiting, so a request during an outage fails fast instead of hanging. */
export interface DatabaseTimeouts {
  /** Waiting for a connection (a new one, or a free one from the pool). */
  connectMs: number;
  /** One statement on the server (PostgreSQL cancels it past this). */
  statementMs: number;
}

export const defaultTimeouts: DatabaseTimeouts = { connectMs: 5_000, statementMs: 30_000 };

/**
 * A client whose connection dies (the server restarts, an admin terminates it) emits
 * 'error'; unhandled, that kills the process. The pool only listens on idle clients, so
 * every client gets a listener of its own: the query in flight fails (and is answered as
 * DATABASE_UNAVAILABLE), the pool drops the broken client, the next request reconnects.
 */
export function keepAliveOnError(
  client: pg.Client | pg.PoolClient,
  lost: ConnectionLost = toStderr,
): void {
  client.on('error', (error) => lost(`database connection lost: ${error.message}`));
}

/** Where a lost connection is told: the server's JSON log, or stderr for the CLI. */
export type ConnectionLost = (message: string) => void;

export const toStderr: ConnectionLost = (message) => console.error(`[orgraph] ${message}`);
