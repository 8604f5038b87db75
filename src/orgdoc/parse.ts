import { extname } from 'node:path';
import YAML from 'yaml';
import { unicodeEscape } from '../writes/fields.js';
import { OrgFileError } from './file-error.js';
import { checkAliases, checkNesting, YAML_READ } from './file-limits.js';
import { parseJson } from './json-text.js';

/**
 * Parses an org file: JSON for `.json`, YAML otherwise. YAML uses the YAML 1.2 core schema,
 * which has no timestamp type, so `2021-03-01` stays the string the document format
 * expects (the YAML 1.1 schema would turn it into a Date). Throws an OrgFileError on a
 * syntax error (naming its line and column, in JSON as in YAML), or a file over the import
 * limits (file-limits.ts) before parsing it.
 */
export function parseOrgFile(text: string, fileName: string): unknown {
  let document: unknown;
  try {
    checkNesting(text);
    document = extname(fileName).toLowerCase() === '.json' ? parseJson(text) : parseYaml(text);
  } catch (error) {
    const message = (error as Error).message;
    // The YAML library's words name its own API; a catalog is the likely cause.
    if (/multiple documents/.test(message)) {
      throw new OrgFileError(
        `${fileName}: several YAML documents (---); an org document is one (a Backstage catalog: --from backstage)`,
      );
    }
    // One line: the YAML library's message goes on with an excerpt of the file.
    const [firstLine = ''] = message.split('\n');
    throw new OrgFileError(`${fileName}: ${firstLine.replace(/:$/, '')}`);
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    const found =
      document === null ? 'nothing' : Array.isArray(document) ? 'a list' : `a ${typeof document}`;
    throw new OrgFileError(
      `${fileName}: an org document is a mapping of sections (people, units, aors, succession, openRoles, policy), not ${found}`,
    );
  }
  return document;
}

/** Fields whose value is text, whatever YAML makes of it: a slug `2024`, a level `05`. */
const TEXT_FIELDS = new Set([
  'slug',
  'name',
  'title',
  'level',
  'parent',
  'unit',
  'charter',
  'description',
  'notes',
]);

/**
 * The YAML document, its text fields as written: YAML reads `level: 05` or `name: 007` as
 * numbers, which would lose the zeros, and a number where the format wants text is refused.
 */
function parseYaml(text: string): unknown {
  const document = YAML.parseDocument(text, YAML_READ);
  const [error] = document.errors;
  if (error) throw error;
  checkAliases(document);
  YAML.visit(document, {
    Pair(_, pair) {
      const { key, value } = pair;
      if (!YAML.isScalar(key) || !TEXT_FIELDS.has(String(key.value))) return;
      if (YAML.isScalar(value) && typeof value.value === 'number' && value.source) {
        value.value = value.source;
      }
    },
  });
  return document.toJS(YAML_READ);
}

/** Text YAML 1.1 gives a type of its own that the `yaml` package writes plain: merge, value. */
const YAML_11_KEYS = new Set(['<<', '=']);
/** Text YAML 1.2's core schema reads as a number, which the 1.1 schema writes plain: octal. */
const YAML_12_OCTAL = /^0o[0-7]+$/;
/**
 * What the `yaml` package writes raw that PyYAML cannot read as it: line and paragraph
 * separators (a line break to it) and the noncharacters U+FFFE, U+FFFF (refused).
 */
const UNREADABLE = /[\u2028\u2029\ufffe\uffff]/g;
const quotedAlike = (text: string) =>
  YAML_11_KEYS.has(text) || YAML_12_OCTAL.test(text) || text.search(UNREADABLE) >= 0;

/**
 * The document as YAML, for `export FILE.yaml`. Quoted as YAML 1.1 would need: a reader of
 * that version (PyYAML, older tools) takes a plain `yes`, `no`, `on` or `off` for a boolean,
 * a date for a date object, `12:30` for a number and `<<` or `=` for a key of its own (which
 * it then refuses as a value), breaks a line at U+2028 and refuses U+FFFE; a YAML 1.2 reader
 * takes `0o17` for a number. Quoted, every reader gets the text.
 */
export function stringifyOrgYaml(document: unknown): string {
  // Without YAML 1.1's merge tag, which would write any `<<` plain as a merge key.
  const customTags = (tags: YAML.Tags) =>
    tags.filter((tag) => typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:merge');
  const yaml = new YAML.Document(document, { schema: 'yaml-1.1', version: '1.2', customTags });
  YAML.visit(yaml, {
    Scalar(_, scalar) {
      if (typeof scalar.value === 'string' && quotedAlike(scalar.value)) {
        scalar.type = 'QUOTE_DOUBLE';
      }
    },
  });
  // Escaped, in the double quotes they are written in: the `yaml` package writes them raw.
  return yaml.toString({ lineWidth: 0 }).replace(UNREADABLE, unicodeEscape);
}
