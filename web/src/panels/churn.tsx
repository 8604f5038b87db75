import { useState } from 'preact/hooks';
// The server's own definition of a row, so the panel and the API cannot drift apart.
import type { SeatVacancyStats as Stats } from '../../../src/core/churn/vacancy-stats.js';
import { FIRST_DAY, isApiDay, LAST_DAY, yearBefore } from '../days.js';
import { LAYER, plural, SEAT, type Seat } from '../labels.js';
import { useQuery } from '../query.js';
import { Panel, personName, Sideways, UnitLink } from '../ui.js';
import { useUsable } from '../usable.js';

type Kind = 'FILLED' | 'VACATED' | 'REPLACED' | 'CONFIRMED';

interface Holder {
  name: string;
}

interface Change {
  on: string;
  kind: Kind;
  seat: Seat;
  unit: { slug: string; name: string };
  before: Holder | null;
  beforeActing: boolean;
  after: Holder | null;
  afterActing: boolean;
}

interface ChurnAnswer {
  seatVacancyStats: Stats[];
  leadershipChanges: { totalCount: number; nodes: Change[] };
}

// The newest changes matter most to a reader, and the API lists oldest first: the panel asks
// the last page (100), shows it newest first, and says when there are more.
const CHURN_QUERY = `query DashboardChurn($from: Date!, $to: Date!, $scope: String) {
  seatVacancyStats(from: $from, to: $to, scope: $scope) {
    layer seat began ended medianDaysVacant longestDaysVacant stillOpen oldestOpenDays
    medianDaysToFill turnover
  }
  leadershipChanges(from: $from, to: $to, scope: $scope, last: 100) {
    totalCount
    nodes {
      on kind seat unit { slug name }
      before { name } beforeActing after { name } afterActing
    }
  }
}`;

const KIND: Record<Kind, string> = {
  FILLED: 'Filled',
  VACATED: 'Vacated',
  REPLACED: 'Replaced',
  CONFIRMED: 'Confirmed',
};

const days = (n: number | null) => (n === null ? '—' : String(Math.round(n * 10) / 10));
const share = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);

const COLUMNS: [string, (s: Stats) => string][] = [
  ['Began', (s) => String(s.began)],
  ['Ended', (s) => String(s.ended)],
  ['Median days vacant', (s) => days(s.medianDaysVacant)],
  ['Longest', (s) => days(s.longestDaysVacant)],
  ['Still open', (s) => String(s.stillOpen)],
  ['Oldest open (days)', (s) => days(s.oldestOpenDays)],
  ['Median days to fill', (s) => days(s.medianDaysToFill)],
  ['Turnover', (s) => share(s.turnover)],
];

/** One end of the period: the days the API answers. */
function DayField({
  label,
  day,
  pick,
}: {
  label: string;
  day: string;
  pick: (day: string) => void;
}) {
  return (
    <label>
      {label}{' '}
      <input
        type="date"
        min={FIRST_DAY}
        max={LAST_DAY}
        value={day}
        onChange={(e) => pick(e.currentTarget.value)}
      />
    </label>
  );
}

/** Leadership churn over a period: how long seats stood empty, and who changed seats. */
export function Churn({ asOf }: { asOf: string }) {
  const [to, setTo] = useState(asOf);
  const [from, setFrom] = useState(yearBefore(asOf));
  // Asked once the page is usable: the tree, rollup and findings come first.
  const usable = useUsable();
  // A period the API would refuse (1899, From after To) is said here, not asked: the API's
  // own words named a GraphQL variable the reader never wrote.
  const period = isApiDay(from) && isApiDay(to) && from <= to;
  const { data, error, loading } = useQuery<ChurnAnswer>(
    CHURN_QUERY,
    usable && period ? { from, to } : null,
  );
  const changes = data?.leadershipChanges;
  return (
    <Panel id="churn" title="Churn" loading={loading} error={error}>
      <div class="toolbar">
        <DayField label="From" day={from} pick={setFrom} />
        <DayField label="To" day={to} pick={setTo} />
      </div>
      {period ? null : (
        <p class="error" role="alert">
          A period is two days from {FIRST_DAY} to {LAST_DAY}, From not after To.
        </p>
      )}
      <Sideways label="Vacancies by seat">
        <table class="compact">
          <thead>
            <tr>
              <th scope="col">Seat</th>
              {COLUMNS.map(([label]) => (
                <th scope="col" class="number" key={label}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(data?.seatVacancyStats ?? []).map((s) => (
              <tr key={`${s.layer}-${s.seat}`}>
                <th scope="row">
                  {LAYER[s.layer]} {SEAT[s.seat]}
                </th>
                {COLUMNS.map(([label, value]) => (
                  <td class="number" key={label}>
                    {value(s)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Sideways>
      <p aria-live="polite" class="count">
        {changes ? countLine(changes.totalCount, changes.nodes.length) : ''}
      </p>
      <ul class="plain changes">
        {[...(changes?.nodes ?? [])].reverse().map((c) => (
          <li key={`${c.on}-${c.unit.slug}-${c.seat}`} data-kind={c.kind}>
            {c.on} · <strong>{KIND[c.kind]}</strong> · <UnitLink unit={c.unit} /> {SEAT[c.seat]}:{' '}
            {holder(c.before, c.beforeActing)} → {holder(c.after, c.afterActing)}
          </li>
        ))}
      </ul>
    </Panel>
  );
}

const holder = (person: Holder | null, acting: boolean) =>
  person ? `${personName(person)}${acting ? ' (acting)' : ''}` : 'nobody';

const countLine = (total: number, shown: number) =>
  shown < total
    ? `${plural(total, 'change')} of a seat's holder; the latest ${shown} shown, newest first.`
    : `${plural(total, 'change')} of a seat's holder, newest first.`;
