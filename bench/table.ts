/** The bench's one table: every figure of every size side by side, with its goal. */
import type { VersusFigures } from './versus.js';

export interface Figures {
  size: string;
  units: number;
  people: number;
  importSeconds: number;
  /** Medians in milliseconds. */
  tree: number;
  handWritten: number;
  afterWrite: { after: number; without: number };
  /** `GET /metrics` right after a write (the org gauges worked out in the background). */
  scrapeAfterWrite: number;
  departure: number;
  /** A three-change scenario's evaluation (depart, seat a successor, move someone). */
  scenario: number;
  team: number;
  /** The same drill-down run in the bench's own process: the schema alone, no HTTP. */
  teamInProcess: number;
  /** `{ __typename }`: what any request costs on this machine, HTTP and GraphQL alone. */
  emptyRequest: number;
  noTechLead: number;
  /** `seatVacancyStats` over the last 12 months, whole org. */
  churn: number;
  rssMb: number;
  /** Against the PostGraphile peer, when it is installed. */
  versus: VersusFigures | undefined;
}

interface Row {
  label: string;
  value: (f: Figures) => number | undefined;
  digits: number;
  /** The goal, checked at the ~100k-person org (L) and, for the tree, at every size. */
  goal?: { most: number; text: string; everySize?: boolean };
}

const ROWS: Row[] = [
  { label: 'units', value: (f) => f.units, digits: 0 },
  { label: 'people', value: (f) => f.people, digits: 0 },
  {
    label: 'import (s)',
    value: (f) => f.importSeconds,
    digits: 1,
    goal: { most: 20, text: '≤ 20 s' },
  },
  { label: 'tree, GraphQL (ms)', value: (f) => f.tree, digits: 1 },
  { label: 'tree, hand-written SQL (ms)', value: (f) => f.handWritten, digits: 1 },
  {
    label: 'tree GraphQL / SQL',
    value: (f) => f.tree / f.handWritten,
    digits: 2,
    goal: { most: 1, text: '≤ 1.0', everySize: true },
  },
  { label: 'first tree after a write (ms)', value: (f) => f.afterWrite.after, digits: 1 },
  {
    // Each after-write tree against the tree asked just before that write.
    label: 'after a write / warm tree (interleaved)',
    value: (f) => f.afterWrite.after / f.afterWrite.without,
    digits: 2,
    goal: { most: 1.5, text: '≤ 1.5', everySize: true },
  },
  {
    label: 'scrape right after a write (ms)',
    value: (f) => f.scrapeAfterWrite,
    digits: 1,
    goal: { most: 50, text: '≤ 50 ms' },
  },
  { label: 'departureImpact (ms)', value: (f) => f.departure, digits: 1 },
  {
    label: 'departureImpact / tree',
    value: (f) => f.departure / f.tree,
    digits: 3,
    goal: { most: 0.1, text: '≤ 0.1' },
  },
  { label: 'scenario evaluation, 3 changes (ms)', value: (f) => f.scenario, digits: 1 },
  {
    label: 'scenario / departureImpact',
    value: (f) => f.scenario / f.departure,
    digits: 2,
    goal: { most: 2, text: 'about 1 (≤ 2)', everySize: true },
  },
  { label: 'one-team drill-down p50, through HTTP (ms)', value: (f) => f.team, digits: 2 },
  {
    label: 'one-team drill-down p50, in-process (ms)',
    value: (f) => f.teamInProcess,
    digits: 2,
    goal: { most: 2, text: '≤ 2 ms' },
  },
  { label: 'empty request { __typename } p50 (ms)', value: (f) => f.emptyRequest, digits: 2 },
  { label: 'teamsWithoutTechLead (ms)', value: (f) => f.noTechLead, digits: 1 },
  {
    label: 'teamsWithoutTechLead / tree',
    value: (f) => f.noTechLead / f.tree,
    digits: 3,
    goal: { most: 0.2, text: '≤ 0.2' },
  },
  { label: 'seatVacancyStats, 12 months (ms)', value: (f) => f.churn, digits: 1 },
  {
    label: 'seatVacancyStats / tree',
    value: (f) => f.churn / f.tree,
    digits: 2,
    goal: { most: 1, text: '≤ 1.0' },
  },
  {
    label: 'process RSS (MB)',
    value: (f) => f.rssMb,
    digits: 0,
    goal: { most: 1024, text: '≤ 1 GB' },
  },
];

function verdict(row: Row, figures: Figures[]): string {
  const { goal } = row;
  if (!goal) return '';
  const checked = goal.everySize ? figures : figures.filter((f) => f.size === 'L');
  if (checked.length === 0) return `${goal.text} (L not run)`;
  const met = checked.every((f) => (row.value(f) ?? Number.NaN) <= goal.most);
  return `${goal.text} ${met ? 'met' : 'MISSED'}`;
}

/** A Markdown table; the first and last columns are text, the others right-aligned figures. */
function printMarkdown(header: string[], lines: string[][]): void {
  const widths = header.map((_, i) =>
    Math.max(...[header, ...lines].map((l) => l[i]?.length ?? 0)),
  );
  const text = (i: number) => i === 0 || i === widths.length - 1;
  const format = (cells: string[]) =>
    `| ${cells.map((c, i) => (text(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((w, i) => `-${'-'.repeat(w)}${text(i) ? '-' : ':'}`).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

export function printTable(figures: Figures[]): void {
  const header = ['', ...figures.map((f) => f.size), 'goal'];
  const lines = ROWS.map((row) => [
    row.label,
    ...figures.map((f) => row.value(f)?.toFixed(row.digits) ?? '–'),
    verdict(row, figures),
  ]);
  printMarkdown(header, lines);
  if (figures.some((f) => f.versus)) printVersus(figures);
}

const range = (xs: number[], digits: number) =>
  `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

/**
 * Against the peer: each query's requests a second over the rounds (their range), and the
 * range of each round's ratio, orgraph's over the peer's (above 1: orgraph answers more).
 */
function printVersus(figures: Figures[]): void {
  const lines: string[][] = [];
  for (const { size, versus } of figures) {
    if (!versus) continue;
    for (const row of versus.rows) {
      const ratios = row.orgraph.map((ours, i) => ours / (row.peer[i] ?? Number.NaN));
      const verdict =
        Math.min(...ratios) >= 1 ? 'ahead' : Math.max(...ratios) < 1 ? 'BEHIND' : 'mixed';
      lines.push([
        row.query,
        size,
        String(row.clients),
        range(row.orgraph, 1),
        range(row.peer, 1),
        range(ratios, 2),
        verdict,
      ]);
    }
    const rss = `RSS while timed (MB): orgraph ${range(versus.orgraphRssMb, 0)}, PostGraphile ${range(versus.peerRssMb, 0)}`;
    lines.push([rss, size, '', '', '', '', '']);
  }
  console.log('');
  printMarkdown(
    [
      'query (orgraph vs PostGraphile, interleaved rounds)',
      'size',
      'c',
      'orgraph req/s',
      'PostGraphile req/s',
      'ratio',
      '',
    ],
    lines,
  );
}
