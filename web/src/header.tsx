import { useRef, useState } from 'preact/hooks';
import { FIRST_DAY, isApiDay, LAST_DAY } from './days.js';
import { useQuery } from './query.js';
import { ScopePicker, type ScopePickerProps } from './scope-picker.js';

interface HeaderProps extends ScopePickerProps {
  token: string | null;
  setToken: (token: string | null) => void;
  asOf: string;
  /** An `asOf` in the address that is no day (`2026-02-30`): read as today, and said so. */
  refusedAsOf: string;
  setAsOf: (day: string) => void;
  refresh: () => void;
}

// A day typed passes through others (12/3 on the way to 12/31, years 0002 to 2025): the one
// the typing stops at is asked, not each of them, every panel flickering through them.
const PICK_PAUSE_MS = 400;

/**
 * The picker's day, asked once the typing pauses; one the API does not answer (1899-01-01,
 * 02/30), said once the picker is left, the page answering on for the day before (it showed
 * one day and answered for another, or silently for today). Nothing is rendered while a day
 * is typed: the field, bound to the day answered, would be set back under the typing.
 */
function useDayPicker(setAsOf: (day: string) => void) {
  const [unanswered, setUnanswered] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const answered = (input: HTMLInputElement) =>
    (input.value === '' && !input.validity.badInput) || isApiDay(input.value);
  const pick = (input: HTMLInputElement) => {
    clearTimeout(timer.current);
    const day = input.value;
    if (!answered(input)) return;
    timer.current = setTimeout(() => {
      setUnanswered(null);
      setAsOf(day);
    }, PICK_PAUSE_MS);
  };
  const leave = (input: HTMLInputElement) => {
    if (answered(input)) return;
    clearTimeout(timer.current);
    setUnanswered(input.value || 'that');
  };
  // Today chosen: what was said of the day typed before is no longer so.
  const today = () => {
    clearTimeout(timer.current);
    setUnanswered(null);
    setAsOf('');
  };
  return { unanswered, pick, leave, today };
}

export function Header(props: HeaderProps) {
  const { token, setToken, asOf, refusedAsOf, setAsOf, scope, setScope, refresh } = props;
  const { unanswered, pick, leave, today } = useDayPicker(setAsOf);
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
            onChange={(e) => pick(e.currentTarget)}
            onBlur={(e) => leave(e.currentTarget)}
          />
        </label>
        <button type="button" onClick={today} disabled={!asOf && unanswered === null}>
          Today
        </button>
        <ScopePicker scope={scope} setScope={setScope} />
        <span class="muted" aria-live="polite">
          {answeredDay(asOf, refusedAsOf)}
        </span>
        <button type="button" onClick={refresh}>
          Refresh
        </button>
      </form>
      <TokenForm token={token} setToken={setToken} />
      <SignedIn token={token} />
      <a href="/graphql">GraphiQL</a>
      {/* On a line of its own, last: said as the picker is left (a click on Today or Refresh
          is under way), it moved those buttons from under the pointer, and the click was lost. */}
      {unanswered !== null && (
        <p class="day-warning" role="status">
          {`${unanswered} is not a day answered (${FIRST_DAY} to ${LAST_DAY}): still ${answeredDay(asOf, refusedAsOf).toLowerCase()}`}
        </p>
      )}
    </header>
  );
}

function answeredDay(asOf: string, refusedAsOf: string): string {
  if (asOf) return `Answers for ${asOf}`;
  if (!refusedAsOf) return 'Answers for today';
  const range = `${FIRST_DAY} to ${LAST_DAY}`;
  return `Answers for today: asOf=${refusedAsOf} in the address is not an existing day from ${range}`;
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

interface ViewerAnswer {
  viewer: { name: string | null; role: string | null; via: string; scope: { name: string } | null };
}

/**
 * Who the server takes the token's holder for (any credential may ask `viewer`). Without a
 * token nothing is asked: the sign-in check is then the page's only question.
 */
function SignedIn({ token }: Pick<HeaderProps, 'token'>) {
  const { data } = useQuery<ViewerAnswer>(
    'query DashboardViewer { viewer { name role via scope { name } } }',
    token ? {} : null,
  );
  const viewer = data?.viewer;
  if (!viewer?.role) return null;
  const scope = viewer.scope ? `, ${viewer.scope.name} only` : '';
  return (
    <span class="muted" data-testid="signed-in">
      Signed in as {viewer.name ?? viewer.via}: {viewer.role}
      {scope}
    </span>
  );
}
