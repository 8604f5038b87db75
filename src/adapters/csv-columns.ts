import { type Cells, cellsOf, plain, squash, twiceHeaded } from './csv-headers.js';
import type { SourceProblem } from './source-map.js';

/** The columns of an HR export, and the person field each fills. */
export const CSV_COLUMNS = {
  email: 'email',
  name: 'name',
  title: 'title',
  level: 'level',
  manager_email: 'manager',
  team: null,
  start_date: 'startedOn',
  departure_date: 'departedOn',
} as const;
export type CsvColumn = keyof typeof CSV_COLUMNS;
const REQUIRED: CsvColumn[] = ['email', 'name'];

/**
 * Headers HR systems use for our columns (BambooHR, HiBob, Workday, Google Workspace): never
 * read on their own (a guess could read the wrong column), only offered as the `--columns`
 * that would read them.
 */
const LOOKALIKES: Record<CsvColumn, string[]> = {
  email: [
    'work email',
    'email address',
    'e-mail',
    'mail',
    'work e-mail',
    'primary email',
    'primary work email',
    'work email address',
    'business email',
  ],
  name: [
    'full name',
    'display name',
    'employee name',
    'preferred name',
    'worker',
    'worker name',
    'legal name',
    'employee',
  ],
  title: ['job title', 'business title', 'employee title', 'position', 'job', 'role'],
  level: ['grade', 'job level', 'management level', 'band', 'career level', 'job grade'],
  manager_email: [
    'manager',
    'manager email',
    'reports to',
    'reports to email',
    'supervisor',
    'supervisor email',
  ],
  team: ['team name', 'squad', 'team slug'],
  start_date: [
    'start date',
    'hire date',
    'original hire date',
    'started on',
    'date of hire',
    'start',
    'joined',
  ],
  // Not `Termination Date` or `Last Day`: they are the last day worked, a day before ours.
  departure_date: ['departure date', 'departed on', 'first day gone'],
};
const FIRST_NAME = /^(legal|preferred)?(first|given)name$/;
const LAST_NAME = /^(legal|preferred)?(last|family|sur)name$/;

/** Which cells make one of our columns (joined with a space), and how the file heads them. */
export interface Column {
  indexes: number[];
  header: string;
}

/** A header of numbers (`Employee #`, `Employee ID`): never anyone's name. */
const NUMBERED = /#|\b(id|no|number)\b/i;

/**
 * The header (or `A+B`, joined) that looks like `column` among the unread ones, the likeliest
 * first (`Full Name` before `Employee`). A name is first and last name when the file has both,
 * and never a numbered column: `Employee #` is BambooHR's employee number.
 */
function lookalike(column: CsvColumn, headers: string[]): string | undefined {
  if (column === 'name') {
    const first = headers.find((header) => FIRST_NAME.test(plain(header)));
    const last = headers.find((header) => LAST_NAME.test(plain(header)));
    if (first && last) return `${first}+${last}`;
  }
  const candidates = column === 'name' ? headers.filter((h) => !NUMBERED.test(h)) : headers;
  for (const name of [column, ...LOOKALIKES[column]].map(squash)) {
    const found = candidates.find((header) => plain(header) === name);
    if (found) return found;
  }
  return undefined;
}

/**
 * The `--columns` pairs that would read headers left unread, the columns the file lacks
 * first, each header offered once.
 */
function offersFor(columns: CsvColumn[], unread: string[]): Map<CsvColumn, string> {
  const offers = new Map<CsvColumn, string>();
  for (const column of columns) {
    const offered = new Set([...offers.values()].flatMap((found) => found.split('+')));
    const found = lookalike(
      column,
      unread.filter((header) => !offered.has(header)),
    );
    if (found) offers.set(column, found);
  }
  return offers;
}

/**
 * `--columns "a=B,c=D" would read them` (or "it", of one header), after the pairs of the
 * `--columns` given that read a column: it is given once, so the value offered is whole.
 */
function offerText(offers: Map<CsvColumn, string>, kept: Map<string, string>): string {
  const pairs = [...kept, ...offers].map(([column, header]) => `${column}=${header}`);
  return `--columns "${pairs.join(',')}" would read ${offers.size === 1 ? 'it' : 'them'}`;
}

/**
 * Where each of our columns is, why each the file needs (or `--columns` names) is not, and
 * the first header that heads two columns read for one. The columns `--columns` names are
 * found first: a header it names is not also one of ours by its own name (`E-mail` named for
 * the manager beside `email`).
 */
function findColumns(header: string[], mapped: Partial<Record<string, string>>) {
  const columns = Object.keys(CSV_COLUMNS) as CsvColumn[];
  const taken = new Set<number>();
  const cells = new Map<CsvColumn, Cells>();
  for (const given of [true, false]) {
    for (const column of columns.filter((c) => (mapped[c] !== undefined) === given)) {
      const found = cellsOf(mapped[column] ?? column, header, { given, taken });
      if ('indexes' in found) for (const i of found.indexes) taken.add(i);
      cells.set(column, found);
    }
  }
  const at = new Map<CsvColumn, Column>();
  const missing = new Map<CsvColumn, string>();
  let twice: string | null = null;
  for (const column of columns) {
    const found = cells.get(column) as Cells;
    // Named in messages as the file writes it (`Start Date`, not our `start_date`).
    if ('indexes' in found) {
      at.set(column, { ...found, header: found.indexes.map((i) => header[i]).join('+') });
    } else if ('twice' in found) twice ??= twiceHeaded(header, found.twice);
    else if (mapped[column]) missing.set(column, `no "${found.lacking}" column (for ${column})`);
    else if (REQUIRED.includes(column)) missing.set(column, `no "${column}" column`);
  }
  return { at, missing, twice };
}

/** The pairs of the `--columns` given that read a column, as written. */
function givenAndRead(mapped: Partial<Record<string, string>>, at: Map<CsvColumn, Column>) {
  const kept = new Map<string, string>();
  for (const [column, header] of Object.entries(mapped)) {
    if (header !== undefined && at.has(column as CsvColumn)) kept.set(column, header);
  }
  return kept;
}

/**
 * The one problem of a file that lacks columns: which, the headers it has, the `--columns`
 * that would read them, and plainly so when no header looks like a missing column.
 */
function lackingMessage(
  missing: Map<CsvColumn, string>,
  header: string[],
  offers: Map<CsvColumn, string>,
  kept: Map<string, string>,
): string {
  const unmatched = [...missing.keys()].filter((column) => !offers.has(column));
  const says = unmatched.map((column) => `${column}=<header>`).join(',');
  return [
    [...missing.values()].join(', '),
    // An export's trailing empty columns head nothing: not listed as headers found.
    `headers found: ${header.filter((name) => name.trim() !== '').join(', ') || '(none)'}`,
    unmatched.length > 0 &&
      `no header looks like ${unmatched.join(' or ')} (--columns ${says} says which)`,
    offers.size > 0 && offerText(offers, kept),
  ]
    .filter(Boolean)
    .join('; ');
}

/**
 * Which cells hold each of our columns (the header or `--columns`), and, when the file lacks
 * one it needs, one problem listing the headers it has and the `--columns` that would read
 * them (the missing columns first); a warning when headers that look like optional columns
 * go unread.
 */
export function locateColumns(
  header: string[],
  row: number,
  mapped: Partial<Record<string, string>>,
  report: { problems: SourceProblem[]; warnings: SourceProblem[] },
): Map<CsvColumn, Column> | null {
  const origin = { order: row, text: `row ${row}` };
  const unknown = Object.keys(mapped).filter((key) => !(key in CSV_COLUMNS));
  if (unknown.length > 0) {
    const message = `--columns: unknown column "${unknown.join('", "')}" (${Object.keys(CSV_COLUMNS).join(', ')})`;
    report.problems.push({ origin: null, message });
  }
  const { at, missing, twice } = findColumns(header, mapped);
  const unread = header.filter((_, i) => ![...at.values()].some((c) => c.indexes.includes(i)));
  const others = (Object.keys(CSV_COLUMNS) as CsvColumn[]).filter(
    (column) => !at.has(column) && !missing.has(column),
  );
  const offers = offersFor([...missing.keys(), ...others], unread);
  const kept = givenAndRead(mapped, at);
  if (missing.size > 0) {
    report.problems.push({ origin, message: lackingMessage(missing, header, offers, kept) });
    return null;
  }
  if (twice) {
    report.problems.push({ origin, message: twice });
    return null;
  }
  if (offers.size > 0) {
    const headers = [...offers.values()].join(', ');
    report.warnings.push({ origin, message: `not read: ${headers} (${offerText(offers, kept)})` });
  }
  return at;
}
