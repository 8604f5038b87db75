import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type CoverageStatus, SEAT, type Seat } from '../labels.js';
import { useQuery } from '../query.js';
import { Panel, StatusBadge, UnitLink } from '../ui.js';
import { FindingList, type FindingRow } from './findings.js';

interface Unit {
  slug: string;
  name: string;
}
interface Aor {
  slug: string;
  name: string;
  unit: Unit;
}

interface Vacated {
  unit: Unit;
  seat: Seat;
  readyCandidates: { name: string }[];
  readyNowCount: number;
}

interface ImpactAnswer {
  departureImpact: {
    person: { name: string };
    vacatedSeats: Vacated[];
    coverageChanges: { unit: Unit; from: CoverageStatus; to: CoverageStatus }[];
    unownedAors: Aor[];
    aorsWithoutBackup: Aor[];
    orphanedReports: { name: string; email: string }[];
    newFindings: FindingRow[];
    resolvedFindings: FindingRow[];
  };
}

const IMPACT_QUERY = `query DashboardWhatIf($email: String!, $asOf: Date) {
  departureImpact(email: $email, asOf: $asOf) {
    person { name }
    vacatedSeats { unit { slug name } seat readyCandidates { name } readyNowCount }
    coverageChanges { unit { slug name } from to }
    unownedAors { slug name unit { slug name } }
    aorsWithoutBackup { slug name unit { slug name } }
    orphanedReports { name email }
    newFindings { ...ImpactFinding }
    resolvedFindings { ...ImpactFinding }
  }
}
fragment ImpactFinding on Finding { kind severity message unit { slug name } }`;

const SEARCH_QUERY = `query DashboardWhoLeaves($search: String!, $asOf: Date) {
  people(search: $search, first: 8, asOf: $asOf) { nodes { name email } }
}`;

// The text a search asks is the one the typing stops at, not each letter on the way.
const SEARCH_PAUSE_MS = 250;

/** `value` once it has stayed the same for `ms`. */
function usePaused(value: string, ms: number): string {
  const [paused, setPaused] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setPaused(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return paused;
}

interface Person {
  name: string;
  email: string;
}

/**
 * Whom the email field suggests: the seat holders, or, once two letters are typed, anyone of
 * the org whose name, a word of it, or email starts with them.
 */
function useSuggestions(typed: string, holders: Person[]): Person[] {
  const search = usePaused(typed.trim(), SEARCH_PAUSE_MS);
  const { data } = useQuery<{ people: { nodes: Person[] } }>(
    SEARCH_QUERY,
    search.length >= 2 ? { search } : null,
  );
  return search.length >= 2 && data ? data.people.nodes : holders;
}

/** "What if X left?": the departure impact of one person, asked without changing anything. */
export function WhatIf({ people }: { people: Person[] }) {
  const [typed, setTyped] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const suggested = useSuggestions(typed, people);
  const { data, error, loading } = useQuery<ImpactAnswer>(
    IMPACT_QUERY,
    asked ? { email: asked } : null,
  );
  return (
    <Panel id="what-if" title="What if they left?" loading={loading} error={error} wide>
      <form
        class="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          setAsked(typed.trim() || null);
        }}
      >
        <label>
          Person's email{' '}
          <input
            type="email"
            list="leaver-suggestions"
            required
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
        </label>
        <datalist id="leaver-suggestions">
          {suggested.map((p) => (
            <option value={p.email} key={p.email}>
              {p.name}
            </option>
          ))}
        </datalist>
        <button type="submit">Show the impact</button>
        <span class="muted">Nothing is changed: orgraph only answers.</span>
      </form>
      {data ? <Impact impact={data.departureImpact} /> : null}
    </Panel>
  );
}

/** "ready now: Ana Ruiz; ready soon: Ivy Chen", or "nobody ready now or soon". */
function readiness(v: Vacated): string {
  const names = (people: { name: string }[]) => people.map((c) => c.name).join(', ');
  const now = v.readyCandidates.slice(0, v.readyNowCount);
  const soon = v.readyCandidates.slice(v.readyNowCount);
  const parts = [
    now.length > 0 ? `ready now: ${names(now)}` : '',
    soon.length > 0 ? `ready soon: ${names(soon)}` : '',
  ].filter(Boolean);
  return parts.join('; ') || 'nobody ready now or soon';
}

function Impact({ impact }: { impact: ImpactAnswer['departureImpact'] }) {
  return (
    <div class="impact" aria-live="polite">
      <h3>If {impact.person.name} left</h3>
      <Part title="Seats they would vacate" items={impact.vacatedSeats}>
        {(v) => (
          <>
            <UnitLink unit={v.unit} /> · {SEAT[v.seat]} · {readiness(v)}
          </>
        )}
      </Part>
      <Part title="Coverage that would change" items={impact.coverageChanges}>
        {(c) => (
          <>
            <UnitLink unit={c.unit} />: <StatusBadge status={c.from} /> →{' '}
            <StatusBadge status={c.to} />
          </>
        )}
      </Part>
      <Part title="AoRs left without an owner" items={impact.unownedAors}>
        {(a) => <AorLine aor={a} />}
      </Part>
      <Part title="AoRs losing their only backup" items={impact.aorsWithoutBackup}>
        {(a) => <AorLine aor={a} />}
      </Part>
      <Part title="Direct reports left without a manager" items={impact.orphanedReports}>
        {(p) => p.name}
      </Part>
      <h4>Findings that would appear ({impact.newFindings.length})</h4>
      <FindingList findings={impact.newFindings} />
      <h4>Findings that would go away ({impact.resolvedFindings.length})</h4>
      <FindingList findings={impact.resolvedFindings} />
    </div>
  );
}

const AorLine = ({ aor }: { aor: Aor }) => (
  <>
    {aor.name} (<UnitLink unit={aor.unit} />)
  </>
);

interface PartProps<T> {
  title: string;
  items: T[];
  children: (item: T) => ComponentChildren;
}

function Part<T>({ title, items, children }: PartProps<T>) {
  return (
    <>
      <h4>
        {title} ({items.length})
      </h4>
      {items.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul class="plain">
          {items.map((item, i) => (
            <li key={i}>{children(item)}</li>
          ))}
        </ul>
      )}
    </>
  );
}
