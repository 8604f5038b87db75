import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { yearBefore } from '../days.js';
import { LAYER, type Layer, SEVERITIES, type Severity } from '../labels.js';
import { useQuery } from '../query.js';
import { Panel, Sideways } from '../ui.js';

interface TrendPoint {
  on: string;
  byLayer: { layer: Layer; units: number; healthy: number }[];
  benchStrength: number | null;
  findings: { severity: Severity; count: number }[];
}

// Twelve months back from the day picked (today when none), one point a month.
const TREND_QUERY = `query DashboardTrend($from: Date!, $to: Date!, $scope: String) {
  coverageTrend(from: $from, to: $to, every: MONTH, scope: $scope) {
    on benchStrength
    byLayer { layer units healthy }
    findings { severity count }
  }
}`;

const share = (part: number, whole: number) => (whole === 0 ? null : (100 * part) / whole);
const LAYERS: Layer[] = ['PILLAR', 'AREA', 'TEAM'];
// Each line: a colour of theme.css (read when drawing, so dark mode gets its own), its dash,
// and its legend marker's border, as near the dash as a border gets. Told apart by dash as
// well as colour (a colour-blind reader saw three olive lines), in colours no status uses
// (the Teams line was Missing Eng Lead's orange).
const LINES = [
  { colour: '--trend-1', dash: [], marker: 'solid' },
  { colour: '--trend-2', dash: [10, 5], marker: 'dashed' },
  { colour: '--trend-3', dash: [2, 4], marker: 'dotted' },
  { colour: '--trend-4', dash: [12, 4, 2, 4], marker: 'double' },
];

/** Per point: the healthy share of each layer and the bench strength, in percent. */
function series(points: TrendPoint[]): uPlot.AlignedData {
  const x = points.map((p) => Date.parse(`${p.on}T00:00:00Z`) / 1000);
  const layers = LAYERS.map((layer) =>
    points.map((p) => {
      const row = p.byLayer.find((r) => r.layer === layer);
      return row ? share(row.healthy, row.units) : null;
    }),
  );
  const bench = points.map((p) => (p.benchStrength === null ? null : 100 * p.benchStrength));
  return [x, ...layers, bench];
}

function Chart({ points }: { points: TrendPoint[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const style = getComputedStyle(element);
    const names = [...LAYERS.map((l) => `${LAYER[l]}s healthy`), 'Bench strength'];
    const axis = {
      stroke: style.getPropertyValue('--text').trim(),
      grid: { stroke: style.getPropertyValue('--line').trim() },
    };
    const plot = new uPlot(
      {
        width: element.clientWidth,
        height: 220,
        scales: { y: { range: [0, 100] } },
        // The points are days (at UTC midnight): read in the browser's zone, west of UTC a
        // point fell on the day before, and each month's label on the month before.
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
        axes: [axis, { ...axis, values: (_u, ticks) => ticks.map((t) => `${t}%`) }],
        legend: {
          live: false,
          markers: { width: 3, dash: (_u: uPlot, i: number) => LINES[i - 1]?.marker ?? 'solid' },
        },
        series: [
          { label: 'Month' },
          ...names.map((label, i) => ({
            label,
            stroke: style.getPropertyValue(LINES[i]?.colour ?? '--text').trim(),
            width: 2,
            dash: LINES[i]?.dash,
          })),
        ],
      },
      series(points),
      element,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: element.clientWidth, height: 220 }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [points]);
  return <div ref={box} class="chart" aria-hidden="true" />;
}

/** The chart, and the same numbers as a table for those who do not see it. */
export function Trend({ asOf }: { asOf: string }) {
  const { data, error, loading } = useQuery<{ coverageTrend: TrendPoint[] }>(TREND_QUERY, {
    from: yearBefore(asOf),
    to: asOf,
  });
  const points = data?.coverageTrend ?? [];
  return (
    <Panel id="trend" title="Coverage over the last year" loading={loading} error={error}>
      {points.length > 0 ? <Chart points={points} /> : null}
      <details>
        <summary>The numbers</summary>
        <Sideways label="Coverage trend numbers">
          <table>
            <thead>
              <tr>
                <th scope="col">Day</th>
                {LAYERS.map((l) => (
                  <th scope="col" class="number" key={l}>
                    {LAYER[l]}s healthy
                  </th>
                ))}
                <th scope="col" class="number">
                  Bench
                </th>
                {SEVERITIES.map((s) => (
                  <th scope="col" class="number" key={s}>
                    {s}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <TrendRow point={p} key={p.on} />
              ))}
            </tbody>
          </table>
        </Sideways>
      </details>
    </Panel>
  );
}

function TrendRow({ point }: { point: TrendPoint }) {
  const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value)}%`);
  const layer = (l: Layer) => point.byLayer.find((r) => r.layer === l);
  return (
    <tr>
      <th scope="row">{point.on}</th>
      {LAYERS.map((l) => {
        const row = layer(l);
        return (
          <td class="number" key={l}>
            {row ? `${row.healthy} of ${row.units}` : '—'}
          </td>
        );
      })}
      <td class="number">
        {percent(point.benchStrength === null ? null : 100 * point.benchStrength)}
      </td>
      {SEVERITIES.map((s) => (
        <td class="number" key={s}>
          {point.findings.find((f) => f.severity === s)?.count ?? 0}
        </td>
      ))}
    </tr>
  );
}
