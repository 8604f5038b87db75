import { basename } from 'node:path';
import { backstageToDocument, DEFAULT_LAYER_MAP, type KnownOrg } from '../adapters/backstage.js';
import { csvToDocument, type ExistingTeam } from '../adapters/csv.js';
import { DATE_FORMATS, type DateFormat } from '../adapters/days.js';
import { type Adapted, SourceMap } from '../adapters/source-map.js';
import { todayUtc } from '../core/org/days.js';
import { LAYER_VALUES } from '../db/enum-values.js';
import type { Layer } from '../db/tables.js';
import type { OrgDocument } from '../orgdoc/document.js';
import { FileLimitError } from '../orgdoc/file-limits.js';
import { parseOrgFile } from '../orgdoc/parse.js';
import { badInput, badUsage } from './failures.js';
import { knownOf } from './known-org.js';
import type { Operator } from './operator.js';
import { catalogFiles, fileName, SourceFiles } from './source-files.js';

/** Where an org comes from: an org document, a Backstage catalog, an HR export. */
const SOURCES = ['document', 'backstage', 'csv'] as const;
export type Source = (typeof SOURCES)[number];

export interface SourceOptions {
  from: Source;
  /** Group type → layer (backstage); none: layers from the tree's shape. */
  layerMap?: Record<string, Layer>;
  /** Our column → the file's header (csv). */
  columns: Record<string, string>;
  /** How the file writes days (csv). */
  dateFormat?: DateFormat;
  /** The import's day (a leaver, gone by then, joins no team). */
  today: string;
}

/** A file over the import limits (file-limits.ts) is bad input: exit 2, nothing connected. */
function overLimitsAsBadInput<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw error instanceof FileLimitError ? badInput(error.message) : error;
  }
}

/**
 * `a=B,c=D` as pairs; a malformed one is a usage error naming the option, and so is a key
 * given two values (`name=Worker,name=Primary Work Email`: the last silently won).
 */
function pairs(option: string, value: string): Array<[string, string]> {
  const given = new Map<string, string>();
  return value.split(',').map((pair) => {
    const [key = '', ...rest] = pair.split('=');
    const [k, v] = [key.trim(), rest.join('=').trim()];
    if (k === '' || v === '') {
      throw badUsage(`${option}: expected key=value pairs separated by commas, got "${pair}"`);
    }
    const before = given.get(k.toLowerCase());
    if (before !== undefined && before !== v) {
      throw badUsage(`${option}: ${k} is given twice ("${before}", "${v}"): give it once`);
    }
    given.set(k.toLowerCase(), v);
    return [k, v];
  });
}

/** The default layer map with `--layer-map type=LAYER,…` on top; none without the option. */
function layerMapOf(value: string | undefined): Record<string, Layer> | undefined {
  if (value === undefined) return undefined;
  const map: Record<string, Layer> = { ...DEFAULT_LAYER_MAP };
  for (const [type, layer] of pairs('--layer-map', value)) {
    const upper = layer.toUpperCase() as Layer;
    if (!LAYER_VALUES.includes(upper)) {
      throw badUsage(`--layer-map: "${layer}" is not one of ${LAYER_VALUES.join(', ')}`);
    }
    map[type.toLowerCase()] = upper;
  }
  return map;
}

/** `--date-format`: one of the formats the CSV adapter reads. */
function dateFormatOf(value: string | undefined): DateFormat | undefined {
  if (value === undefined || DATE_FORMATS.includes(value.toUpperCase() as DateFormat)) {
    return value?.toUpperCase() as DateFormat | undefined;
  }
  throw badUsage(`--date-format: "${value}" is not one of ${DATE_FORMATS.join(', ')}`);
}

/** The command line's source options (`--from` and its own), checked before connecting. */
export function sourceOptions(values: {
  from?: string;
  'layer-map'?: string;
  columns?: string;
  'date-format'?: string;
  today?: string;
}): SourceOptions {
  const from = (values.from ?? 'document') as Source;
  if (!SOURCES.includes(from)) {
    throw badUsage(`--from: "${values.from}" is not one of ${SOURCES.join(', ')}`);
  }
  if (values['layer-map'] !== undefined && from !== 'backstage') {
    throw badUsage('--layer-map goes with --from backstage');
  }
  for (const option of ['columns', 'date-format'] as const) {
    if (values[option] !== undefined && from !== 'csv') {
      throw badUsage(`--${option} goes with --from csv`);
    }
  }
  const columns = Object.fromEntries(values.columns ? pairs('--columns', values.columns) : []);
  const dateFormat = dateFormatOf(values['date-format']);
  // Through a server, its today (UTC, as ours): `--today` is refused there.
  const today = values.today ?? todayUtc();
  return { from, layerMap: layerMapOf(values['layer-map']), columns, dateFormat, today };
}

const UNITS = `query ($after: String) { units(first: 100, after: $after) {
  nodes { slug name layer parent { slug } } pageInfo { hasNextPage endCursor }
} }`;
interface UnitsPage {
  units: {
    nodes: Array<{ slug: string; name: string; layer: Layer; parent: { slug: string } | null }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/**
 * The org's units, which an HR export's `team` column names: every layer, so that a row
 * naming an area is told what the import tells of any member of one.
 */
async function existingUnits(org: Operator): Promise<Map<string, ExistingTeam>> {
  const teams = new Map<string, ExistingTeam>();
  for (let after: string | null = null; ; ) {
    const { units }: UnitsPage = await org.ask<UnitsPage>(UNITS, { after });
    for (const { slug, name, layer, parent } of units.nodes) {
      teams.set(slug, { slug, name, layer, parent: parent?.slug ?? null });
    }
    if (!units.pageInfo.hasNextPage) return teams;
    after = units.pageInfo.endCursor;
  }
}

/** The adapter's answer with the warnings of reading the files (an encoding guessed) first. */
const withReading = (adapted: Adapted, reading: SourceFiles): Adapted => ({
  ...adapted,
  warnings: [...reading.warnings, ...adapted.warnings],
});

/**
 * Reads the file (before any connection: a bad file never holds the database), and answers
 * how to make it an org document by its adapter; an HR export's teams are read from the org.
 * A plain document maps nothing back: its problems are told by document path.
 */
export async function readSource(
  file: string,
  options: SourceOptions,
): Promise<(org: Operator) => Promise<Adapted>> {
  const reading = new SourceFiles();
  await reading.writerOf(file);
  if (options.from === 'backstage') {
    const { files, folder } = catalogFiles(file, reading);
    const adapt = (known?: KnownOrg) =>
      overLimitsAsBadInput(() => backstageToDocument(files, folder, options.layerMap, known));
    const adapted = adapt();
    return async (org) => {
      // Read again as the org stands (people who have left join no team; names it has are
      // kept where the catalog states none), when it has any of them.
      const emails = (adapted.document.people ?? []).map((person) => person.email);
      const slugs = (adapted.document.units ?? []).map((unit) => unit.slug);
      const known = await knownOf(org, { emails, slugs }, options.today);
      const anyKnown = known.people.size > 0 || known.units.size > 0;
      return withReading(anyKnown ? adapt(known) : adapted, reading);
    };
  }
  if (options.from === 'csv') {
    const text = reading.text(file);
    return async (org) => {
      const teams = await existingUnits(org);
      return withReading(
        csvToDocument(text, { ...options, file: fileName(basename(file)), teams }),
        reading,
      );
    };
  }
  // Read as YAML, an HR export was a parser's complaint about its second line.
  if (/\.(csv|tsv)$/i.test(file)) {
    throw badInput(`${fileName(file)}: an HR export (CSV) is imported with --from csv`);
  }
  const document = parseOrgFile(reading.text(file), fileName(file)) as OrgDocument;
  const adapted = { document, sources: new SourceMap({}), problems: [], warnings: [] };
  return async () => withReading(adapted, reading);
}
