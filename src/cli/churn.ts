import { stringify } from 'csv-stringify/sync';
import { allPages, type Page } from './check.js';
import { type Command, dayFrom, parseOptions, TODAY_OPTION, withOperator } from './command.js';
import { badUsage } from './failures.js';

/** The churn questions the CLI asks (the API's tests ask the same). */
export const CHANGES_QUERY = `query ($scope: String, $from: Date!, $to: Date!, $first: Int = 100, $after: String) {
  leadershipChanges(scope: $scope, from: $from, to: $to, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { on unit { slug } seat kind before { email } beforeActing after { email } afterActing }
  }
}`;
export const STATS_QUERY = `query ($scope: String, $from: Date!, $to: Date!) {
  seatVacancyStats(scope: $scope, from: $from, to: $to) {
    layer seat began ended medianDaysVacant longestDaysVacant stillOpen oldestOpenDays
    medianDaysToFill turnover
  }
}`;

/** A change as the CLI's query answers it. */
export interface ChangeNode {
  on: string;
  unit: { slug: string };
  seat: string;
  kind: string;
  before: { email: string } | null;
  beforeActing: boolean;
  after: { email: string } | null;
  afterActing: boolean;
}

type Row = Record<string, string | number | boolean | null>;

/** A change row's columns: the CSV's header even for a period of no change. */
const CHANGE_COLUMNS = [
  'on',
  'unit',
  'seat',
  'kind',
  'before',
  'beforeActing',
  'after',
  'afterActing',
];

/** A change as a flat row: what a spreadsheet or a script reads. */
const changeRow = (c: ChangeNode): Row => ({
  on: c.on,
  unit: c.unit.slug,
  seat: c.seat,
  kind: c.kind,
  before: c.before?.email ?? null,
  beforeActing: c.beforeActing,
  after: c.after?.email ?? null,
  afterActing: c.afterActing,
});

/** Rows as aligned columns under their header, empty cells as `-`. */
function textTable(rows: Row[]): string {
  const [first] = rows;
  if (!first) return '(none)\n';
  const header = Object.keys(first);
  const cells = [header, ...rows.map((r) => header.map((key) => String(r[key] ?? '-')))];
  const widths = header.map((_, i) => Math.max(...cells.map((line) => line[i]?.length ?? 0)));
  const line = (row: string[]) =>
    row
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return `${cells.map(line).join('\n')}\n`;
}

function optionsFrom(args: string[]) {
  const { values, positionals } = parseOptions({
    args,
    options: {
      ...TODAY_OPTION,
      from: { type: 'string' },
      to: { type: 'string' },
      scope: { type: 'string' },
      stats: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
    },
    allowPositionals: false,
  });
  if (positionals.length > 0) throw badUsage('churn takes no positional arguments');
  if (!values.from || !values.to) throw badUsage('churn needs --from DATE and --to DATE');
  if (values.format !== 'text' && values.format !== 'csv') {
    throw badUsage(`--format: "${values.format}" is not one of text, csv`);
  }
  const [from, to] = [dayFrom('--from', values.from), dayFrom('--to', values.to)];
  if (from && to && from > to) throw badUsage(`--from: ${from} is after --to ${to}`);
  return { ...values, from, to };
}

export const churnCommand: Command = {
  async run(args, io) {
    const { from, to, scope, stats, format, today } = optionsFrom(args);
    const variables = { scope, from, to };
    const rows = await withOperator(io, today, async (org) => {
      if (stats) {
        return (await org.ask<{ seatVacancyStats: Row[] }>(STATS_QUERY, variables))
          .seatVacancyStats;
      }
      const changes = await allPages(async (after) => {
        const answer = await org.ask<{ leadershipChanges: Page<ChangeNode> }>(CHANGES_QUERY, {
          ...variables,
          after,
        });
        return answer.leadershipChanges;
      });
      return changes.map(changeRow);
    });
    io.out(
      format === 'csv'
        ? stringify(rows, {
            header: true,
            // The stats always have rows; changes may have none, and a script reads the header.
            ...(stats ? {} : { columns: CHANGE_COLUMNS }),
            cast: { boolean: String },
          })
        : textTable(rows),
    );
    return 0;
  },
};
