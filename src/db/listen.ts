import pg from 'pg';
import type { DatabaseTimeouts } from './connections.js';

/** What a LISTEN connection tells its owner. */
export interface ListenHandlers {
  /** A notification on the channel, with its payload. */
  onNotify(payload: string): void;
  /** The connection was lost; notifications sent until `onReconnect` are missed. */
  onLost(error: Error): void;
  /** Listening again after a loss: the owner catches up on what it missed. */
  onReconnect(): void;
}

export interface Listening {
  /** Stops listening and closes the connection (no reconnect after it). */
  close(): Promise<void>;
}

/** Reconnection waits this long, doubling per failed attempt up to the maximum. */
const FIRST_RETRY_MS = 200;
const MAX_RETRY_MS = 10_000;

/**
 * LISTENs on `channel` over one dedicated connection (a pool client would go back to the
 * pool and stop hearing). The database may drop it (a restart, a failover, an admin's
 * pg_terminate_backend): it then reconnects with backoff, forever, until closed — the
 * process never dies of it. The first connection must succeed, so a caller learns at once
 * that the database is unreachable.
 */
export async function listenPostgres(
  url: string,
  channel: string,
  handlers: ListenHandlers,
  timeouts: DatabaseTimeouts,
): Promise<Listening> {
  let current: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let attempts = 0;

  const lost = (client: pg.Client, error: Error) => {
    if (client !== current || closed) return;
    current = null;
    client.end().catch(() => {});
    handlers.onLost(error);
    reconnectLater();
  };
  const connect = async () => {
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: timeouts.connectMs,
      keepAlive: true,
    });
    client.on('error', (error) => lost(client, error));
    client.on('end', () => lost(client, new Error('connection ended')));
    client.on('notification', (message) => {
      if (message.channel === channel) handlers.onNotify(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      client.end().catch(() => {});
      throw error;
    }
    if (closed) return void (await client.end());
    current = client;
    attempts = 0;
  };
  const reconnectLater = () => {
    const wait = Math.min(FIRST_RETRY_MS * 2 ** attempts++, MAX_RETRY_MS);
    retry = setTimeout(() => {
      connect().then(
        () => !closed && handlers.onReconnect(),
        () => !closed && reconnectLater(),
      );
    }, wait);
  };

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      const client = current;
      current = null;
      await client?.end();
    },
  };
}
