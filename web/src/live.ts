import { createClient } from 'graphql-sse';
import { useEffect } from 'preact/hooks';
import { bearerOf } from './api.js';

const ORG_CHANGED = 'subscription DashboardLive { orgChanged { version } }';
/** After the stream ends (the server restarted, or one instance of several stopped). */
const RESUBSCRIBE_MS = 2_000;

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
        { next: refresh, error: onRefused, complete: resubscribe },
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
      stop();
      client.dispose();
    };
  }, [enabled, token, refresh]);
}
