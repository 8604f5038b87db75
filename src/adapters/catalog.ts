import YAML from 'yaml';
import { checkNesting, FileLimitError, YAML_READ } from '../orgdoc/file-limits.js';
import type { Origin, SourceProblem } from './source-map.js';

/** A catalog file: its name (for messages) and its text. */
export interface CatalogFile {
  name: string;
  text: string;
}

type Json = Record<string, unknown>;

/** One Group or User entity of a catalog, with where it is. */
export interface Entity {
  kind: 'Group' | 'User';
  /** `namespace/name`, lower-cased: how entity references find it. */
  ref: string;
  name: string;
  metadata: Json;
  spec: Json;
  origin: Origin;
}

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const field = (object: Json, ...path: string[]): unknown =>
  path.reduce<unknown>((at, key) => (isRecord(at) ? at[key] : undefined), object);

export const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * An entity reference as Backstage writes them — `user:default/jane`, `user:jane`, `jane`
 * — as `namespace/name`; null when it is not a string or names another kind.
 */
export function entityRef(value: unknown, kind: 'user' | 'group', namespace = 'default') {
  if (typeof value !== 'string') return null;
  const match = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(value.trim());
  if (!match) return null;
  const [, refKind, refNamespace, name = ''] = match;
  if (refKind && refKind.toLowerCase() !== kind) return null;
  return `${refNamespace ?? namespace}/${name}`.toLowerCase();
}

const KINDS = { group: 'Group', user: 'User' } as const;

function entityOf(value: unknown, origin: Origin, problems: SourceProblem[]): Entity | null {
  if (!isRecord(value) || typeof value.kind !== 'string') return null;
  const kind = KINDS[value.kind.toLowerCase() as keyof typeof KINDS];
  // Components, systems, APIs, locations…: not the org.
  if (!kind) return null;
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const name = text(metadata.name);
  if (!name) {
    problems.push({ origin, message: `${kind} without metadata.name` });
    return null;
  }
  const namespace = text(metadata.namespace) ?? 'default';
  const spec = isRecord(value.spec) ? value.spec : {};
  const ref = `${namespace}/${name}`.toLowerCase();
  return { kind, ref, name, metadata, spec, origin: { ...origin, text: `${kind} ${name}` } };
}

/**
 * A catalog file's YAML documents and a way to read each one's value, under the import
 * limits (file-limits.ts): a file over one is refused whole (FileLimitError, naming the file),
 * not reported as a problem, so that the import stops before it touches the database.
 */
function parseCatalogFile(file: CatalogFile) {
  const overLimit = (error: unknown) =>
    error instanceof FileLimitError || error instanceof ReferenceError // yaml's alias limit
      ? new FileLimitError(`${file.name}: ${(error as Error).message}`)
      : error;
  try {
    checkNesting(file.text);
  } catch (error) {
    throw overLimit(error);
  }
  const contentOf = (document: YAML.Document) => {
    try {
      return document.toJS({ maxAliasCount: YAML_READ.maxAliasCount });
    } catch (error) {
      throw overLimit(error);
    }
  };
  return { documents: YAML.parseAllDocuments(file.text, YAML_READ), contentOf };
}

/**
 * The Group and User entities of catalog files (multi-document YAML, as `catalog-info.yaml`
 * and Backstage's org files are written), in file order; YAML errors by file and line.
 */
export function readCatalog(files: CatalogFile[], problems: SourceProblem[]): Entity[] {
  const entities: Entity[] = [];
  let order = 0;
  for (const file of files) {
    const { documents, contentOf } = parseCatalogFile(file);
    for (const [index, document] of documents.entries()) {
      order += 1;
      const where = files.length > 1 ? ` (${file.name})` : '';
      const origin = { order, text: `${file.name} document ${index + 1}` };
      if (document.errors.length > 0) {
        for (const error of document.errors) {
          const [line = ''] = error.message.split('\n');
          problems.push({ origin, message: line.replace(/:$/, '') });
        }
        continue;
      }
      const entity = entityOf(contentOf(document), origin, problems);
      if (entity) entities.push({ ...entity, origin: { order, text: entity.origin.text + where } });
    }
  }
  return entities;
}
