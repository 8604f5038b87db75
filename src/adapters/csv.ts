import type { Layer } from '../db/tables.js';
import type { OrgDocument } from '../orgdoc/document.js';
import { type Column, CSV_COLUMNS, type CsvColumn, locateColumns } from './csv-columns.js';
import { managersByName } from './csv-managers.js';
import { type Cells, readRecords } from './csv-records.js';
import { statusAtOdds, statusColumns } from './csv-status.js';
import { type DateFormat, readDay } from './days.js';
import {
  type Adapted,
  type Origin,
  SourceMap,
  type SourceProblem,
  type UnitInput,
} from './source-map.js';

/**
 * A unit as the org has it: a CSV row's `team` names it by slug, and the import restates it as
 * is with its members; one of another layer than TEAM is refused by the import's own rule.
 */
export interface ExistingTeam {
  slug: string;
  name: string;
  parent: string | null;
  /** TEAM when not given. */
  layer?: Layer;
}

export interface CsvOptions {
  /** The file's name, for a problem of the whole file (one that is not CSV). */
  file?: string;
  /** Our column → the file's header (`name=Full Name`), or headers joined (`name=First+Last`). */
  columns?: Partial<Record<string, string>>;
  /** How the file writes days (default YYYY-MM-DD). */
  dateFormat?: DateFormat;
  /** The org's current units (or only its teams) by slug: the `team` column must name one. */
  teams: ReadonlyMap<string, ExistingTeam>;
  /** The import's day: a person gone by then (a leaver in the export) joins no team. */
  today?: string;
}

type Person = Record<string, string | null>;
const DAYS = new Set<string>(['startedOn', 'departedOn']);

/** A cell of a row, as a problem or warning names it: `row 7, Status`. */
const at = (origin: Origin, header: string | undefined): Origin => ({
  ...origin,
  text: `${origin.text}, ${header}`,
});

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
  for (const [name, column] of columns) {
    const field = CSV_COLUMNS[name];
    let cell = cellValue(cells, column);
    if (field === null || (cell === '' && field === 'departedOn')) continue;
    if (cell !== '' && DAYS.has(field)) {
      const read = readDay(cell, options.dateFormat ?? 'YYYY-MM-DD');
      if ('problem' in read) {
        problems.push({
          origin: at(origin, column.header),
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

/**
 * Whether a row's cells fit the header, made as wide as it: Excel leaves out a row's trailing
 * empty cells (and some exports add empty ones), so only a filled cell beyond the header is
 * a row out of shape.
 */
function fitsHeader(cells: Cells, width: number): boolean {
  if (cells.slice(width).some((cell) => cell !== '')) return false;
  const filled = cells.length;
  cells.length = width;
  cells.fill('', Math.min(filled, width));
  return true;
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
  const records = readRecords(text, options.file, problems);
  // Blank lines above the header (an export with a title line removed) are not the header.
  const above = Math.max(0, records?.findIndex((cells) => cells.some((cell) => cell !== '')) ?? 0);
  const [header = [], ...rows] = records?.slice(above) ?? [];
  const columns = records && locateColumns(header, above + 1, options.columns ?? {}, report);
  if (!columns) return { document: {}, sources: new SourceMap({}), ...report };
  const fieldNames = Object.fromEntries(
    [...columns].flatMap(([column, { header }]) => {
      const field = CSV_COLUMNS[column];
      return field ? [[field, header]] : [];
    }),
  );
  const team = columns.get('team');
  const statuses = statusColumns(header);
  const departure = columns.get('departure_date');
  const sources = new SourceMap({ people: fieldNames, units: { members: team?.header ?? '' } });
  const people: Person[] = [];
  const origins: Origin[] = [];
  const teams = new Map<string, UnitInput & { members: string[] }>();
  const teamIndex = new Map<string, number>();
  rows.forEach((cells, i) => {
    const origin: Origin = { order: i + above + 2, text: `row ${i + above + 2}` };
    if (cells.every((cell) => cell === '')) return;
    if (!fitsHeader(cells, header.length)) {
      const message = `${cells.length} fields where the header has ${header.length}`;
      problems.push({ origin, message });
      return;
    }
    sources.set(`people[${people.length}]`, origin);
    const person = personOf(cells, columns, origin, options, problems);
    people.push(person);
    origins.push(origin);
    // A departure cell the format cannot read is a problem already: not "no departure date".
    const leaving = { cell: departure ? cellValue(cells, departure) : '', day: person.departedOn };
    // One warning a row: the first status column at odds with the dates.
    for (const i of statuses) {
      const said = { header: header[i] ?? '', said: cells[i] ?? '' };
      const odds = statusAtOdds(said, leaving, options.today);
      if (!odds) continue;
      report.warnings.push({ origin: at(origin, header[i]), message: odds });
      break;
    }
    const slug = team ? cellValue(cells, team) : '';
    if (slug === '') return;
    const inTeam = at(origin, team?.header);
    const gone = person.departedOn;
    if (gone && options.today && gone <= options.today) {
      report.warnings.push({ origin: inTeam, message: `not read: gone from ${gone} (a leaver)` });
      return;
    }
    const existing = options.teams.get(slug);
    if (!existing) {
      problems.push({ origin: inTeam, message: `unknown team "${slug}"` });
      return;
    }
    let entry = teams.get(slug);
    if (!entry) {
      const { name, parent, layer = 'TEAM' } = existing;
      entry = { slug, name, parent, layer, members: [] };
      teamIndex.set(slug, teams.size);
      teams.set(slug, entry);
      // A problem of the team itself (an area has no members) is told once, at its first row.
      sources.set(`units[${teamIndex.get(slug)}]`, inTeam);
      sources.set(`units[${teamIndex.get(slug)}].members`, inTeam);
    }
    sources.set(`units[${teamIndex.get(slug)}].members[${entry.members.length}]`, inTeam);
    entry.members.push(person.email ?? '');
  });
  const manager = columns.get('manager_email');
  if (manager) managersByName(people, origins, manager.header, problems);
  const document = {
    people: people as OrgDocument['people'],
    units: [...teams.values()],
  };
  return { document, sources, ...report };
}
