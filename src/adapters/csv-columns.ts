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
 * Headers HR systems use for our columns: never read on their own (a guess could read the
 * wrong column), only offered as the `--columns` that would read them.
 */
const LOOKALIKES: Record<CsvColumn, string[]> = {
  email: ['work email', 'email address', 'e-mail', 'mail', 'work e-mail', 'primary email'],
  name: ['full name', 'display name', 'employee name', 'preferred name', 'employee'],
  title: ['job title', 'position', 'job', 'role'],
  level: ['grade', 'job level', 'band', 'career level'],
  manager_email: [
    'manager',
    'manager email',
    'reports to',
    'reports to email',
    'supervisor',
    'supervisor email',
  ],
  team: ['team name', 'squad', 'team slug'],
  start_date: ['start date', 'hire date', 'started on', 'date of hire', 'start', 'joined'],
  departure_date: ['end date', 'termination date', 'departure date', 'last day', 'exit date'],
};
const FIRST_NAME = /^(first|given)name$/;
const LAST_NAME = /^(last|family|sur)name$/;

const squash = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

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
    const first = headers.find((header) => FIRST_NAME.test(squash(header)));
    const last = headers.find((header) => LAST_NAME.test(squash(header)));
    if (first && last) return `${first}+${last}`;
  }
  const candidates = column === 'name' ? headers.filter((h) => !NUMBERED.test(h)) : headers;
  for (const name of [column, ...LOOKALIKES[column]].map(squash)) {
    const found = candidates.find((header) => squash(header) === name);
    if (found) return found;
  }
  return undefined;
}

/** `First Name+Last Name` as the cells it joins; a header that itself has a `+` wins. */
function cellsOf(wanted: string, headers: string[]): number[] | null {
  const index = (name: string) => headers.findIndex((h) => squash(h) === squash(name));
  const whole = headers.findIndex((h) => h.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (whole >= 0) return [whole];
  const parts = wanted.split('+').map(index);
  return parts.every((i) => i >= 0) ? parts : null;
}

/**
 * Which cells hold each of our columns (the header or `--columns`), and, when the file lacks
 * one it needs, one problem listing the headers it has and the `--columns` that would read
 * them; a warning when headers that look like optional columns go unread.
 */
export function locateColumns(
  header: string[],
  mapped: Partial<Record<string, string>>,
  report: { problems: SourceProblem[]; warnings: SourceProblem[] },
): Map<CsvColumn, Column> | null {
  const origin = { order: 1, text: 'row 1' };
  const unknown = Object.keys(mapped).filter((key) => !(key in CSV_COLUMNS));
  if (unknown.length > 0) {
    const message = `--columns: unknown column "${unknown.join('", "')}" (${Object.keys(CSV_COLUMNS).join(', ')})`;
    report.problems.push({ origin: null, message });
  }
  const at = new Map<CsvColumn, Column>();
  const missing: string[] = [];
  for (const column of Object.keys(CSV_COLUMNS) as CsvColumn[]) {
    const wanted = mapped[column] ?? column;
    const indexes = cellsOf(wanted, header);
    // Named in messages as the file writes it (`Start Date`, not our `start_date`).
    if (indexes) at.set(column, { indexes, header: indexes.map((i) => header[i]).join('+') });
    else if (REQUIRED.includes(column) || mapped[column]) {
      missing.push(
        mapped[column] ? `no "${wanted}" column (for ${column})` : `no "${column}" column`,
      );
    }
  }
  const unread = header.filter((_, i) => ![...at.values()].some((c) => c.indexes.includes(i)));
  const offers = (Object.keys(CSV_COLUMNS) as CsvColumn[]).flatMap((column) => {
    const found = at.has(column) ? undefined : lookalike(column, unread);
    return found ? [`${column}=${found}`] : [];
  });
  const offer = offers.length > 0 ? `--columns "${offers.join(',')}" would read them` : '';
  if (missing.length > 0) {
    const found = `headers found: ${header.join(', ') || '(none)'}`;
    const message = [missing.join(', '), found, offer || 'see --columns'].join('; ');
    report.problems.push({ origin, message });
    return null;
  }
  if (offers.length > 0) {
    const headers = offers.map((o) => o.slice(o.indexOf('=') + 1)).join(', ');
    report.warnings.push({ origin, message: `not read: ${headers} (${offer})` });
  }
  return at;
}
