import { LAYER, type Layer } from '../labels.js';
import { Panel } from '../ui.js';
import { useShown } from '../usable.js';

interface LayerRow {
  layer: Layer;
  units: number;
  healthy: number;
  staffed: number;
  techLeadManager: number;
  missingEngLead: number;
  vacant: number;
  tlmBeyondThreshold: number;
  hiring: number;
}

export interface RollupAnswer {
  /** `asOf`: the day answered, the server's today when none was asked. */
  coverage: { asOf: string; benchStrength: number | null; byLayer: LayerRow[] };
}

export const ROLLUP_QUERY = `query DashboardRollup($asOf: Date, $scope: String) {
  coverage(asOf: $asOf, scope: $scope) {
    asOf
    benchStrength
    byLayer {
      layer units healthy staffed techLeadManager missingEngLead vacant tlmBeyondThreshold hiring
    }
  }
}`;

const MEASURES: [keyof Omit<LayerRow, 'layer'>, string][] = [
  ['units', 'Units'],
  ['healthy', 'Healthy'],
  ['staffed', 'Staffed'],
  ['techLeadManager', 'Tech Lead Manager'],
  ['missingEngLead', 'Missing Eng Lead'],
  ['vacant', 'Vacant'],
  ['tlmBeyondThreshold', 'TLM beyond threshold'],
  ['hiring', 'Hiring'],
];

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The rollup per layer for the whole org (its data is asked by the page, see app.tsx). */
export function Rollup({ rollup, loading }: { rollup: RollupAnswer | null; loading: boolean }) {
  const coverage = rollup?.coverage;
  useShown('rollup', coverage !== undefined);
  // One column per layer that has units: narrow enough for half a laptop screen.
  const layers = coverage?.byLayer ?? [];
  return (
    <Panel id="rollup" title="Coverage by layer" loading={loading}>
      <table>
        <thead>
          <tr>
            <td />
            {layers.map((row) => (
              <th scope="col" key={row.layer} class="number">
                {LAYER[row.layer]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {MEASURES.map(([key, label]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              {layers.map((row) => (
                <td key={row.layer} class="number">
                  {row[key]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {coverage ? (
        <p class="bench-strength">
          Bench strength:{' '}
          {coverage.benchStrength === null ? (
            <strong>no seat is held</strong>
          ) : (
            <>
              <strong>{percent(coverage.benchStrength)}</strong> of held seats have a successor
              ready now.
            </>
          )}
        </p>
      ) : null}
    </Panel>
  );
}
