import { posix } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { parseDocuments, unreadable } from './catalog-yaml.js';
import type { Origin, SourceProblem } from './source-map.js';

/** A catalog file: its name (for messages, and to find the files a Location names) and its text. */
export interface CatalogFile {
  name: string;
  text: string;
}

/**
 * The text of a file a Location names, by its name; throws an Error saying why it cannot,
 * worded to follow the name as the Location writes it (`no such file`).
 */
export type ReadFile = (name: string) => string;

/** The names of the files a glob matches, relative to the same folder as ReadFile's names. */
export type Glob = (pattern: string) => string[];

/**
 * Where a catalog's files are: their text by name, the names a glob matches (without it a glob
 * is read as a name), and one key per file however it is named (`teams/a.yaml`,
 * `../catalog/teams/a.yaml`, an absolute path), so that each is read once (without it, the
 * name as normalised).
 */
export interface CatalogFolder {
  read: ReadFile;
  glob?: Glob;
  keyOf?: (name: string) => string;
}

type Json = Record<string, unknown>;

/** One Group or User entity of a catalog, with where it is. */
export interface Entity {
  kind: 'Group' | 'User';
  /** `namespace/name`, lower-cased: how entity references find it. */
  key: string;
  /** `user:development/guest`, as the file writes it. */
  ref: string;
  name: string;
  metadata: Json;
  spec: Json;
  /** `team-a-group.yaml: user:development/guest`, as the file writes it. */
  origin: Origin;
}

/** What reading a catalog reports besides its entities. */
export interface Report {
  problems: SourceProblem[];
  warnings: SourceProblem[];
}

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const field = (object: Json, ...path: string[]): unknown =>
  path.reduce<unknown>((at, key) => (isRecord(at) ? at[key] : undefined), object);

export const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** A list field's entries; a lone string is read as one entry (`notAList` warns of it). */
export const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];

/** The list fields of a Group or User written as something else: read as one entry, or not. */
export function notAList(entity: Entity, names: string[], report: Report): void {
  for (const name of names) {
    const value = entity.spec[name];
    if (value === undefined || value === null || Array.isArray(value)) continue;
    const origin = at(entity.origin, `spec.${name}`);
    const read = typeof value === 'string' ? `read as [${value}]` : 'not read';
    report.warnings.push({ origin, message: `a list expected: ${read}` });
  }
}

/** An origin one field further: `…: group:default/web, spec.parent`. */
export const at = (origin: Origin, name: string): Origin => ({
  order: origin.order,
  text: `${origin.text}, ${name}`,
});

const KINDS = { group: 'Group', user: 'User', location: 'Location' } as const;
type Kind = (typeof KINDS)[keyof typeof KINDS];

interface Read extends Omit<Entity, 'kind'> {
  kind: Kind;
}

/**
 * The entity a catalog document holds, if of a kind the org reads: the `index`th document of
 * `file`, by which it is named when it has no name of its own.
 */
function entityOf(
  value: unknown,
  { file, index }: { file: string; index: number },
  order: number,
  report: Report,
): Read | null {
  if (!isRecord(value) || typeof value.kind !== 'string') return null;
  const kind = KINDS[value.kind.toLowerCase() as keyof typeof KINDS];
  // Components, systems, APIs…: not the org.
  if (!kind) return null;
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const name = text(metadata.name);
  if (!name) {
    const origin = { order, text: `${file} document ${index + 1}: a ${kind}` };
    // `name: 2024` is a number to YAML: Backstage refuses it too, as not a string.
    const written = metadata.name ?? '';
    const message =
      written === ''
        ? 'metadata.name is missing'
        : `metadata.name ${JSON.stringify(written)} is not text: quote it`;
    report.problems.push({ origin, message });
    return null;
  }
  const namespace = text(metadata.namespace) ?? 'default';
  const spec = isRecord(value.spec) ? value.spec : {};
  const key = `${namespace}/${name}`.toLowerCase();
  const ref = `${kind.toLowerCase()}:${namespace}/${name}`;
  return { kind, key, ref, name, metadata, spec, origin: { order, text: `${file}: ${ref}` } };
}

const IS_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** A file a Location names: its name relative to the catalog's folder, and as it is written. */
interface Target {
  name: string;
  written: string;
  /** Where it was written (`spec.target` or `spec.targets`), to name it the user's way. */
  field: string;
}

/**
 * The files a Location names (`spec.target`, `spec.targets`), relative to its own file (an
 * absolute path as written). A glob is expanded, as Backstage does for file targets (in name
 * order); one matching no file is a warning, as is a URL, which is not fetched.
 */
function targetsOf(location: Read, file: string, report: Report, glob?: Glob): Target[] {
  const written = [
    { target: location.spec.target, field: 'spec.target' },
    ...list(location.spec.targets).map((target) => ({ target, field: 'spec.targets' })),
  ];
  return written.flatMap(({ target: value, field }) => {
    const warn = (message: string): Target[] => {
      report.warnings.push({ origin: at(location.origin, field), message });
      return [];
    };
    const target = text(value);
    if (target === undefined) return [];
    if (IS_URL.test(target)) return warn(`"${target}" not followed: only files are read`);
    // Relative to the Location's file, as Backstage reads file targets; an absolute one as is.
    const name = posix.normalize(
      posix.isAbsolute(target) ? target : posix.join(posix.dirname(file), target),
    );
    if (!glob || !isDynamicPattern(target)) return [{ name, written: target, field }];
    const names = glob(name).sort();
    if (names.length === 0) return warn(`"${target}" matches no file`);
    return names.map((match) => ({ name: match, written: match, field }));
  });
}

/**
 * The Group and User entities of catalog files (multi-document YAML, as `catalog-info.yaml`
 * and Backstage's org files are written), in file order, following the files each Location
 * entity names (each file read once), from `folder`.
 * Null when a document is not YAML: the catalog's entities are then unknown, and what would
 * follow from them (a group it defines named unknown elsewhere) is not said.
 */
export function readCatalog(
  files: CatalogFile[],
  { read, glob, keyOf = posix.normalize }: CatalogFolder,
  report: Report,
): Entity[] | null {
  const entities: Entity[] = [];
  let readable = true;
  const defined = new Map<string, Entity>();
  const seen = new Set<string>();
  /** Whether the file `name` is not read yet (and from now on, is). */
  const isNew = (name: string) => {
    const key = keyOf(name); // a real path: looked up once
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  // A folder's files too are read once each: a link to a subfolder lists its files twice.
  const queue = files.filter((file) => isNew(file.name));
  let order = 0;
  for (let file = queue.shift(); file; file = queue.shift()) {
    const documents = parseDocuments(file, order + 1, report.problems);
    for (const [index, document] of documents.entries()) {
      order += 1;
      if (document === unreadable) readable = false;
      // An empty document (a trailing `---`) is nothing; a mapping without a kind is said.
      if (isRecord(document) && typeof document.kind !== 'string') {
        const origin = { order, text: `${file.name} document ${index + 1}` };
        report.warnings.push({ origin, message: 'skipped: no kind (not an entity)' });
      }
      const entity = entityOf(document, { file: file.name, index }, order, report);
      if (entity?.kind !== 'Location') {
        const first = entity && defined.get(entity.ref.toLowerCase());
        if (first) {
          const message = `defined twice (first in ${first.origin.text.split(': ')[0]})`;
          report.problems.push({ origin: entity.origin, message });
        } else if (entity) {
          defined.set(entity.ref.toLowerCase(), entity as Entity);
          entities.push(entity as Entity);
        }
        continue;
      }
      for (const { name, written, field } of targetsOf(entity, file.name, report, glob)) {
        if (!isNew(name)) continue;
        try {
          queue.push({ name, text: read(name) });
        } catch (error) {
          const origin = at(entity.origin, field);
          report.problems.push({ origin, message: `"${written}": ${(error as Error).message}` });
        }
      }
    }
  }
  return readable ? entities : null;
}
