import { createClient } from 'graphql-sse';
import type { OrgChange } from '../../src/changes/feed.js';
import { openDatabase } from '../../src/db/client.js';
import { type App, createApp } from '../../src/server/app.js';
import { createLogger } from '../../src/server/logging.js';
import { ADMIN_TOKEN, type TestApp, TODAY } from './app.js';

const silent = createLogger('silent');

const ORG_CHANGED = 'subscription { orgChanged { version at } }';

/** An open `orgChanged` subscription, read event by event. */
export interface ChangeStream {
  /** The next event; fails if none comes within `ms`. */
  next(ms?: number): Promise<OrgChange>;
  /** Fails if an event comes within `ms`. */
  quiet(ms: number): Promise<void>;
  /** Whether the server ended the stream. */
  readonly completed: boolean;
  close(): void;
}

/**
 * Subscribes to `orgChanged` with the graphql-sse client (as the dashboard does): through
 * the app's HTTP handling, or over HTTP to a listening server's base URL. Resolves once the
 * server answered: a write made after that is heard. Rejects with the client's error when
 * the server refuses the subscription. (Only over HTTP does `close()` reach the server:
 * `app.fetch` has no connection to hang up.)
 */
export async function subscribeToChanges(
  server: Pick<App, 'fetch'> | string,
  token: string | null = ADMIN_TOKEN,
): Promise<ChangeStream> {
  const client = createClient({
    url: `${typeof server === 'string' ? server : 'http://orgraph.test'}/graphql`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    fetchFn:
      typeof server === 'string'
        ? fetch
        : (url: string, init: RequestInit) => server.fetch(url, init),
    retryAttempts: 0,
  });
  const received: OrgChange[] = [];
  let arrived = () => {};
  let completed = false;
  let unsubscribe = () => {};
  await new Promise<void>((connected, refused) => {
    unsubscribe = client.subscribe<{ orgChanged: OrgChange }>(
      { query: ORG_CHANGED },
      {
        next: ({ data, errors }) => {
          if (errors) return refused(new Error(JSON.stringify(errors)));
          received.push((data as { orgChanged: OrgChange }).orgChanged);
          arrived();
        },
        error: refused,
        complete: () => {
          completed = true;
          arrived();
        },
      },
      { connected: () => connected() },
    );
  });
  const waitForEvent = (ms: number) =>
    new Promise<boolean>((resolve) => {
      if (received.length > 0) return resolve(true);
      const timer = setTimeout(() => resolve(false), ms);
      arrived = () => {
        clearTimeout(timer);
        resolve(received.length > 0);
      };
    });
  return {
    async next(ms = 5_000) {
      if (!(await waitForEvent(ms))) throw new Error(`no orgChanged event within ${ms} ms`);
      return received.shift() as OrgChange;
    },
    async quiet(ms) {
      if (await waitForEvent(ms)) throw new Error(`unexpected ${JSON.stringify(received[0])}`);
    },
    get completed() {
      return completed;
    },
    close: () => {
      unsubscribe();
      client.dispose();
    },
  };
}

/**
 * A second instance of the server on the test app's PostgreSQL database: its own pool,
 * snapshots and LISTEN connection, as another process behind a load balancer would have.
 */
export async function startPeerApp(t: TestApp) {
  if (!t.database.url) throw new Error('a second instance needs PostgreSQL (DATABASE_URL)');
  const database = await openDatabase({ url: t.database.url });
  const app = createApp({ database, config: t.config, today: () => TODAY, logger: silent });
  return {
    app,
    close: async () => {
      await app.dispose();
      await database.close();
    },
  };
}
