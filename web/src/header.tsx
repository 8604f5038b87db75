import { useState } from 'preact/hooks';
import { FIRST_DAY, isApiDay, LAST_DAY } from './days.js';

interface HeaderProps {
  token: string | null;
  setToken: (token: string | null) => void;
  asOf: string;
  /** An `asOf` in the address that is no day (`2026-02-30`): read as today, and said so. */
  refusedAsOf: string;
  setAsOf: (day: string) => void;
  refresh: () => void;
}

export function Header(props: HeaderProps) {
  const { token, setToken, asOf, refusedAsOf, setAsOf, refresh } = props;
  return (
    <header class="page-header">
      <h1>
        orgraph <span class="muted">leadership coverage</span>
      </h1>
      <form class="toolbar" onSubmit={(e) => e.preventDefault()}>
        <label>
          As of{' '}
          <input
            type="date"
            min={FIRST_DAY}
            max={LAST_DAY}
            value={asOf}
            onChange={(e) => {
              // A day typed digit by digit passes through years 0002, 0020, 0202: only a day
              // the API answers is asked (else each one asked every panel, and was refused).
              const day = e.currentTarget.value;
              if (day === '' || isApiDay(day)) setAsOf(day);
            }}
          />
        </label>
        <button type="button" onClick={() => setAsOf('')} disabled={!asOf}>
          Today
        </button>
        <span class="muted" aria-live="polite">
          {answeredDay(asOf, refusedAsOf)}
        </span>
        <button type="button" onClick={refresh}>
          Refresh
        </button>
      </form>
      <TokenForm token={token} setToken={setToken} />
      <a href="/graphql">GraphiQL</a>
    </header>
  );
}

function answeredDay(asOf: string, refusedAsOf: string): string {
  if (asOf) return `Answers for ${asOf}`;
  if (!refusedAsOf) return 'Answers for today';
  const range = `${FIRST_DAY} to ${LAST_DAY}`;
  return `Answers for today: asOf=${refusedAsOf} in the address is not a day from ${range}`;
}

function TokenForm({ token, setToken }: Pick<HeaderProps, 'token' | 'setToken'>) {
  const [typed, setTyped] = useState('');
  if (token) {
    return (
      <div class="toolbar">
        <span>Using your API token (kept for this tab only).</span>
        <button type="button" onClick={() => setToken(null)}>
          Forget the token
        </button>
      </div>
    );
  }
  return (
    <form
      class="toolbar"
      onSubmit={(e) => {
        e.preventDefault();
        setToken(typed.trim() || null);
        setTyped('');
      }}
    >
      <label>
        API token{' '}
        <input
          type="password"
          autocomplete="off"
          spellcheck={false}
          value={typed}
          onInput={(e) => setTyped(e.currentTarget.value)}
        />
      </label>
      <button type="submit">Use the token</button>
    </form>
  );
}
