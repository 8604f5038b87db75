import { createClient } from 'graphql-sse';
import { useEffect } from 'preact/hooks';
import { bearerOf } from './api.js';

const ORG_CHANGED = 'subscription DashboardLive { orgChanged { version } }';
/** After the stream ends (the server restarted, or one instance of several stopped). */
const RESUBSCRIBE_MS = 2_000;
/**
 * Writes told within this of each other (a script's burst) refresh the page once, after the
 * last: each asked all of its questions again, ten writes ten rounds. At most `SETTLE_MAX_MS`
 * after the first, so a steady stream of writes still shows.
 */
const SETTLE_MS = 300;
const SETTLE_MAX_MS = 1_500;

/** `refresh` once writes stop coming for `SETTLE_MS` (or `SETTLE_MAX_MS` after the first). */
function settled(refresh: () => void) {
  let wait: ReturnType<typeof setTimeout> | undefined;
  let first = 0;
  const fire = () => {
    clearTimeout(wait);
    wait = undefined;
    refresh();
  };
  const soon = () => {
    if (wait === undefined) first = Date.now();
    clearTimeout(wait);
    wait = setTimeout(fire, Math.min(SETTLE_MS, first + SETTLE_MAX_MS - Date.now()));
  };
  return { soon, cancel: () => clearTimeout(wait) };
}

/**
 * Asks every question again after each write to the org, made anywhere (this server, another
 * instance, the CLI): `subscription { orgChanged }` over GraphQL over SSE, with the token in
 * a header (the graphql-sse client streams through fetch; EventSource sends no headers).
 * When the stream ends it subscribes again, and refreshes once back, since writes made
 * meanwhile were told to no one. `enabled`: only once the token is known to work.
 */
export function useLiveRefresh(enabled: boolean, token: string | null, refresh: () => void) {
  useEffect(() => {
    if (!enabled) return;
    const client = createClient({
      url: '/graphql',
      headers: token ? { authorization: `Bearer ${bearerOf(token)}` } : {},
      // Ours, below: the client's own retries (30 s of them) kept a refusal from being told.
      retryAttempts: 0,
    });
    let stop = () => {};
    let later: ReturnType<typeof setTimeout> | undefined;
    const writes = settled(refresh);
    let refused = false;
    const subscribe = (again: boolean) => {
      const resubscribe = () => {
        later = setTimeout(() => subscribe(true), RESUBSCRIBE_MS);
      };
      // Refused (a token revoked or expired, the server gone): every question is asked again,
      // once, so the page says why instead of showing the org as it was as if it were live.
      const onRefused = () => {
        if (!refused) refresh();
        refused = true;
        resubscribe();
      };
      stop = client.subscribe(
        { query: ORG_CHANGED },
        { next: writes.soon, error: onRefused, complete: resubscribe },
        {
          connected: (reconnected) => {
            refused = false;
            if (again || reconnected) refresh();
          },
        },
      );
    };
    subscribe(false);
    return () => {
      clearTimeout(later);
      writes.cancel();
      stop();
      client.dispose();
    };
  }, [enabled, token, refresh]);
}
