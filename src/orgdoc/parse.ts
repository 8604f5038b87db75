import { extname } from 'node:path';
import YAML from 'yaml';
import { OrgFileError } from './file-error.js';
import { checkNesting, YAML_READ } from './file-limits.js';

// Its own file, so the CLI can recognise it without loading the YAML parser.
export { OrgFileError };

/**
 * Parses an org file: JSON for `.json`, YAML otherwise. YAML uses the YAML 1.2 core schema,
 * which has no timestamp type, so `2021-03-01` stays the string the document format
 * expects (the YAML 1.1 schema would turn it into a Date). Throws an OrgFileError on a
 * syntax error, or a file over the import limits (file-limits.ts) before parsing it.
 */
export function parseOrgFile(text: string, fileName: string): unknown {
  try {
    checkNesting(text);
    if (extname(fileName).toLowerCase() === '.json') return JSON.parse(text);
    return YAML.parse(text, YAML_READ);
  } catch (error) {
    throw new OrgFileError(`${fileName}: ${(error as Error).message}`);
  }
}

/** The document as YAML, for `export FILE.yaml`; plain scalars keep dates as strings too. */
export function stringifyOrgYaml(document: unknown): string {
  return YAML.stringify(document, { schema: 'core', version: '1.2', lineWidth: 0 });
}
