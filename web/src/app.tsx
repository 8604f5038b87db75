import { useCallback, useContext, useMemo, useRef, useState } from 'preact/hooks';
import { Header } from './header.js';
import { useLiveRefresh } from './live.js';
import { Churn } from './panels/churn.js';
import { Findings } from './panels/findings.js';
import { TeamsWithoutTechLead } from './panels/no-tech-lead.js';
import { Planning } from './panels/planning.js';
import { PolicyInForce } from './panels/policy.js';
import { ROLLUP_QUERY, Rollup, type RollupAnswer } from './panels/rollup.js';
import { OrgTree } from './panels/tree.js';
import { Trend } from './panels/trend-loader.js';
import { type Answer, AskingContext, useQuery } from './query.js';
import {
  addressAsOf,
  addressScope,
  refusedAddressAsOf,
  setAddressAsOf,
  setAddressScope,
  storedToken,
  storeToken,
} from './session.js';
import { RevealContext } from './ui.js';

export function App() {
  const [token, setToken] = useState(storedToken);
  const [asOf, setAsOf] = useState(addressAsOf);
  const [refusedAsOf, setRefusedAsOf] = useState(refusedAddressAsOf);
  const [scope, setScope] = useState(addressScope);
  const [version, setVersion] = useState(0);
  const [revealed, setRevealed] = useState<{ slug: string; n: number } | null>(null);
  const asking = useMemo(
    () => ({ token, asOf: asOf || null, scope: scope || null, version }),
    [token, asOf, scope, version],
  );
  // Asks every open question again: the Refresh button, and whatever tells of a change.
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const reveal = useCallback(
    (slug: string) => setRevealed((last) => ({ slug, n: (last?.n ?? 0) + 1 })),
    [],
  );
  const changeToken = (next: string | null) => {
    storeToken(next);
    setToken(next);
  };
  const changeScope = (slug: string) => {
    setAddressScope(slug);
    setScope(slug);
  };
  const changeAsOf = (day: string) => {
    setAddressAsOf(day);
    setAsOf(day);
    setRefusedAsOf('');
  };
  return (
    <AskingContext.Provider value={asking}>
      <RevealContext.Provider value={reveal}>
        <Header
          token={token}
          setToken={changeToken}
          asOf={asOf}
          refusedAsOf={refusedAsOf}
          setAsOf={changeAsOf}
          scope={scope}
          setScope={changeScope}
          refresh={refresh}
        />
        <Dashboard revealed={revealed} refresh={refresh} />
      </RevealContext.Provider>
    </AskingContext.Provider>
  );
}

interface DashboardProps {
  revealed: { slug: string; n: number } | null;
  refresh: () => void;
}

function Dashboard({ revealed, refresh }: DashboardProps) {
  // The rollup is also the sign-in check: without a valid token nothing else is asked.
  const rollup = useQuery<RollupAnswer>(ROLLUP_QUERY);
  const { asOf, token } = useContext(AskingContext);
  useLiveRefresh(useTokenWorks(rollup, token), token, refresh);
  // A server gone after it answered (a restart, an outage): the page stays as it last was,
  // filters and all, saying so, where it was replaced by one line and set back on return.
  const stale = rollup.error && rollup.data !== null ? rollup.error : null;
  if (rollup.error && !stale) {
    const signIn = rollup.error.code === 'UNAUTHENTICATED';
    return (
      <main class="notice">
        <p role="alert">{rollup.error.message}</p>
        {signIn ? (
          <p>
            {token ? 'Forget the token above, then paste another' : 'Paste an API token above'}:{' '}
            <code>npm start</code> prints an ADMIN one on its first start. Lost it, or need another?
            Beside the server,{' '}
            <code>npm run org -- token create --role VIEWER --name dashboard</code> mints one (an
            ADMIN can also use the <code>createApiToken</code> mutation).
          </p>
        ) : null}
      </main>
    );
  }
  // Until the rollup answers, the credential is unproven: the other panels wait, so a first
  // visit without a token asks nothing that would be refused.
  if (rollup.data === null) {
    return (
      <main class="notice" aria-busy="true">
        <p>Loading…</p>
      </main>
    );
  }
  // The day the rollup answered for: the server's today, not the browser's (a clock off, or a
  // load about midnight UTC, ended the trend and the churn on another day than the rest); a
  // page left open past midnight moves on at its next refresh.
  const day = asOf ?? rollup.data.coverage.asOf;
  return (
    <main class="grid">
      {stale ? (
        <p class="notice stale" role="alert">
          {stale.message} What it last answered is shown; it is asked again on its return.
        </p>
      ) : null}
      {/* The tree is a tab stop a unit: a keyboard reaches the panels past it in one. */}
      <a class="skip-link" href="#panels">
        Skip the org tree
      </a>
      <OrgTree revealed={revealed} />
      <div class="column" id="panels" tabIndex={-1}>
        <Rollup rollup={rollup.data} loading={rollup.loading} />
        <Trend asOf={day} />
        <TeamsWithoutTechLead />
        <Findings />
        <PolicyInForce />
        {/* Keyed by the day: a new day (picked, or midnight) starts the period over. */}
        <Churn key={day} asOf={day} />
      </div>
      <Planning />
    </main>
  );
}

/**
 * Whether the token has been seen to work, and not refused since: the live feed runs while it
 * does. A server that cannot be reached (restarting) does not stop it, so that the feed
 * subscribes again until the server is back, then asks every question again.
 */
function useTokenWorks(rollup: Answer<unknown>, token: string | null): boolean {
  const worked = useRef<{ token: string | null } | null>(null);
  if (rollup.data !== null) worked.current = { token };
  if (rollup.error?.code === 'UNAUTHENTICATED') worked.current = null;
  return worked.current !== null && worked.current.token === token;
}
