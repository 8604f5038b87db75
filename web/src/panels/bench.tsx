import type { ApiError } from '../api.js';
import { LAYER, type Layer, SEAT, type Seat } from '../labels.js';
import { Panel, Sideways, UnitLink } from '../ui.js';

interface Named {
  name: string;
  email: string;
}

export interface BenchRow {
  unit: { slug: string; name: string; layer: Layer };
  seat: Seat;
  holder: Named | null;
  acting: boolean;
  tenureDays: number | null;
  vacantSince: string | null;
  openRole: boolean;
  candidates: { readyNow: Named[]; readySoon: Named[] };
  readyLaterCount: number;
}

export interface BenchAnswer {
  successionBench: BenchRow[];
}

export const BENCH_QUERY = `query DashboardBench($asOf: Date, $scope: String) {
  successionBench(scope: $scope, asOf: $asOf) {
    unit { slug name layer } seat holder { name email } acting tenureDays vacantSince openRole
    candidates { readyNow { name email } readySoon { name email } }
    readyLaterCount
  }
}`;

/** "2 y 3 mo" past a year, "5 mo" past a month, else days: how long someone has held a seat. */
function tenure(days: number): string {
  const months = Math.floor(days / 30.44);
  if (months < 1) return `${days} d`;
  return months < 12 ? `${months} mo` : `${Math.floor(months / 12)} y ${months % 12} mo`;
}

const names = (people: Named[]) => people.map((p) => p.name).join(', ') || '—';

function holderCell(row: BenchRow) {
  if (row.holder) return `${row.holder.name}${row.acting ? ' (acting)' : ''}`;
  const since = row.vacantSince ? ` since ${row.vacantSince}` : '';
  return `Vacant${since}${row.openRole ? ', hiring' : ''}`;
}

interface BenchProps {
  bench: BenchRow[];
  loading: boolean;
  error: ApiError | null;
}

/** Every seat with its holder and who could step in (confidential: PLANNER). */
export function SuccessionBench({ bench, loading, error }: BenchProps) {
  return (
    <Panel id="bench" title="Succession bench" loading={loading} error={error} wide>
      <Sideways label="Succession bench table">
        <table>
          <thead>
            <tr>
              <th scope="col">Unit</th>
              <th scope="col">Seat</th>
              <th scope="col">Holder</th>
              <th scope="col">In seat</th>
              <th scope="col">Ready now</th>
              <th scope="col">Ready soon</th>
              <th scope="col" class="number">
                Later
              </th>
            </tr>
          </thead>
          <tbody>
            {bench.map((row) => (
              <tr key={`${row.unit.slug}-${row.seat}`} class={row.holder ? '' : 'vacant-row'}>
                <th scope="row">
                  <UnitLink unit={row.unit} /> <span class="layer">{LAYER[row.unit.layer]}</span>
                </th>
                <td>{SEAT[row.seat]}</td>
                <td>{holderCell(row)}</td>
                <td>{row.tenureDays === null ? '—' : tenure(row.tenureDays)}</td>
                <td>{names(row.candidates.readyNow)}</td>
                <td>{names(row.candidates.readySoon)}</td>
                <td class="number">{row.readyLaterCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Sideways>
    </Panel>
  );
}
