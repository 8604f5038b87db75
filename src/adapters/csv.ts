import { CsvError, parse } from 'csv-parse/sync';
import type { OrgDocument } from '../orgdoc/document.js';
import { checkFileSize, FileLimitError } from '../orgdoc/file-limits.js';
import {
  type Adapted,
  type Origin,
  SourceMap,
  type SourceProblem,
  type UnitInput,
} from './source-map.js';

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

/** A team as the org has it: a CSV row names it by slug, and the import restates it as is. */
export interface ExistingTeam {
  slug: string;
  name: string;
  parent: string | null;
}

export interface CsvOptions {
  /** Our column → the file's header, for exports that name them otherwise (`name=Full Name`). */
  columns?: Partial<Record<string, string>>;
  /** The org's current teams by slug: the `team` column must name one. */
  teams: ReadonlyMap<string, ExistingTeam>;
}

type Cells = string[];
type Person = Record<string, string | null>;

/** Which cell holds each of our columns; problems for unknown or missing columns. */
function locateColumns(header: Cells, options: CsvOptions, problems: SourceProblem[]) {
  const at = new Map<CsvColumn, { index: number; header: string }>();
  for (const key of Object.keys(options.columns ?? {})) {
    if (!(key in CSV_COLUMNS)) {
      const expected = Object.keys(CSV_COLUMNS).join(', ');
      problems.push({ origin: null, message: `--columns: unknown column "${key}" (${expected})` });
    }
  }
  const headers = header.map((cell) => cell.trim().toLowerCase());
  for (const column of Object.keys(CSV_COLUMNS) as CsvColumn[]) {
    const name = options.columns?.[column] ?? column;
    const index = headers.indexOf(name.trim().toLowerCase());
    if (index >= 0) at.set(column, { index, header: header[index] as string });
    else if (REQUIRED.includes(column)) {
      problems.push({ origin: { order: 1, text: 'row 1' }, message: `no "${name}" column` });
    }
  }
  return at;
}

/**
 * A person from a row. A blank cell clears the field (the HR system is the record), except
 * the departure date, which an import only ever records; a column the file lacks is left
 * out, so the org keeps what it has.
 */
function personOf(cells: Cells, columns: ReturnType<typeof locateColumns>): Person {
  const person: Person = {};
  for (const [column, { index }] of columns) {
    const field = CSV_COLUMNS[column];
    const cell = cells[index] ?? '';
    if (field === null || (cell === '' && field === 'departedOn')) continue;
    // A blank title or level is already read as "none"; a manager or date must say it.
    person[field] = cell === '' && (field === 'manager' || field === 'startedOn') ? null : cell;
  }
  return person;
}

function readRecords(text: string, problems: SourceProblem[]): Cells[] {
  try {
    checkFileSize(Buffer.byteLength(text));
    return parse(text, { bom: true, trim: true, relax_column_count: true });
  } catch (error) {
    if (!(error instanceof CsvError || error instanceof FileLimitError)) throw error;
    problems.push({ origin: null, message: error.message });
    return [];
  }
}

/**
 * An HR export (one person a row) as an org document: the people with their manager,
 * title, level and dates, and each team restated as the org has it with the members the file
 * gives it. Rows are numbered as a spreadsheet shows them: the header is row 1.
 */
export function csvToDocument(text: string, options: CsvOptions): Adapted {
  const problems: SourceProblem[] = [];
  const [header = [], ...rows] = readRecords(text, problems);
  const columns = locateColumns(header, options, problems);
  const fieldNames = Object.fromEntries(
    [...columns].flatMap(([column, { header }]) => {
      const field = CSV_COLUMNS[column];
      return field ? [[field, header]] : [];
    }),
  );
  const team = columns.get('team');
  const sources = new SourceMap({ people: fieldNames, units: { members: team?.header ?? '' } });
  const people: Person[] = [];
  const teams = new Map<string, UnitInput & { members: string[] }>();
  const teamIndex = new Map<string, number>();
  rows.forEach((cells, i) => {
    const origin: Origin = { order: i + 2, text: `row ${i + 2}` };
    if (cells.every((cell) => cell === '')) return;
    if (cells.length !== header.length) {
      const message = `${cells.length} fields where the header has ${header.length}`;
      problems.push({ origin, message });
      return;
    }
    sources.set(`people[${people.length}]`, origin);
    const person = personOf(cells, columns);
    people.push(person);
    const slug = team ? (cells[team.index] ?? '') : '';
    if (slug === '') return;
    const at = { ...origin, text: `${origin.text}, ${team?.header}` };
    const existing = options.teams.get(slug);
    if (!existing) {
      problems.push({ origin: at, message: `unknown team "${slug}"` });
      return;
    }
    let entry = teams.get(slug);
    if (!entry) {
      entry = { ...existing, layer: 'TEAM', members: [] };
      teamIndex.set(slug, teams.size);
      teams.set(slug, entry);
      sources.set(`units[${teamIndex.get(slug)}]`, at);
    }
    sources.set(`units[${teamIndex.get(slug)}].members[${entry.members.length}]`, at);
    entry.members.push(person.email ?? '');
  });
  const document = {
    people: people as OrgDocument['people'],
    units: [...teams.values()],
  };
  return { document, sources, problems, notes: [] };
}
