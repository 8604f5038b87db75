import { CsvError, parse } from 'csv-parse/sync';
import type { OrgDocument } from '../orgdoc/document.js';
import { checkFileSize, FileLimitError } from '../orgdoc/file-limits.js';
import { type Column, CSV_COLUMNS, type CsvColumn, locateColumns } from './csv-columns.js';
import { type DateFormat, readDay } from './days.js';
import {
  type Adapted,
  type Origin,
  SourceMap,
  type SourceProblem,
  type UnitInput,
} from './source-map.js';

export { CSV_COLUMNS, type CsvColumn } from './csv-columns.js';

/** A team as the org has it: a CSV row names it by slug, and the import restates it as is. */
export interface ExistingTeam {
  slug: string;
  name: string;
  parent: string | null;
}

export interface CsvOptions {
  /** Our column → the file's header (`name=Full Name`), or headers joined (`name=First+Last`). */
  columns?: Partial<Record<string, string>>;
  /** How the file writes days (default YYYY-MM-DD). */
  dateFormat?: DateFormat;
  /** The org's current teams by slug: the `team` column must name one. */
  teams: ReadonlyMap<string, ExistingTeam>;
}

type Cells = string[];
type Person = Record<string, string | null>;
const DAYS = new Set<string>(['startedOn', 'departedOn']);

/** A column's value in a row: its cells joined with a space, blanks left out. */
const cellValue = (cells: Cells, { indexes }: Column) =>
  indexes
    .map((i) => cells[i] ?? '')
    .filter((cell) => cell !== '')
    .join(' ');

/**
 * A person from a row. A blank cell clears the field (the HR system is the record), except
 * the departure date, which an import only ever records; a column the file lacks is left
 * out, so the org keeps what it has. A day the format cannot read is told once, by column.
 */
function personOf(
  cells: Cells,
  columns: Map<CsvColumn, Column>,
  origin: Origin,
  options: CsvOptions,
  problems: SourceProblem[],
): Person {
  const person: Person = {};
  for (const [column, at] of columns) {
    const field = CSV_COLUMNS[column];
    let cell = cellValue(cells, at);
    if (field === null || (cell === '' && field === 'departedOn')) continue;
    if (cell !== '' && DAYS.has(field)) {
      const read = readDay(cell, options.dateFormat ?? 'YYYY-MM-DD');
      if ('problem' in read) {
        problems.push({
          origin: { ...origin, text: `${origin.text}, ${at.header}` },
          message: read.problem,
        });
        continue;
      }
      cell = read.day;
    }
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
 * gives it. Rows are numbered as a spreadsheet shows them: the header is row 1. A file
 * without the columns it needs is told once, and its rows are not read.
 */
export function csvToDocument(text: string, options: CsvOptions): Adapted {
  const report = { problems: [] as SourceProblem[], warnings: [] as SourceProblem[] };
  const { problems } = report;
  const [header = [], ...rows] = readRecords(text, problems);
  const columns = locateColumns(header, options.columns ?? {}, report);
  if (columns === null) return { document: {}, sources: new SourceMap({}), ...report };
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
    const person = personOf(cells, columns, origin, options, problems);
    people.push(person);
    const slug = team ? cellValue(cells, team) : '';
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
  return { document, sources, ...report };
}
