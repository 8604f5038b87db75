import YAML from 'yaml';
import { checkAliases, checkNesting, FileLimitError, YAML_READ } from '../orgdoc/file-limits.js';
import type { CatalogFile } from './catalog.js';
import type { SourceProblem } from './source-map.js';

// A catalog file read as YAML, under the import limits.

/**
 * The documents of one file; a document that is not YAML, by file, document and line: its
 * first error only, as the parser's next ones follow from it (an unclosed `[` is four).
 */
export function parseDocuments(
  file: CatalogFile,
  order: number,
  problems: SourceProblem[],
): unknown[] {
  const { documents, contentOf } = parseCatalogFile(file);
  return documents.map((document, index) => {
    const [error] = document.errors;
    if (!error) return contentOf(document);
    const origin = { order: order + index, text: `${file.name} document ${index + 1}` };
    const [line = ''] = error.message.split('\n');
    problems.push({ origin, message: line.replace(/:$/, '') });
    return unreadable;
  });
}

/** A document that is not YAML: what it holds is unknown. */
export const unreadable = Symbol('unreadable');

/**
 * A catalog file's YAML documents and a way to read each one's value, under the import
 * limits (file-limits.ts): a file over one is refused whole (FileLimitError, naming the file),
 * not reported as a problem, so that the import stops before it touches the database.
 */
function parseCatalogFile(file: CatalogFile) {
  const overLimit = (error: unknown) =>
    error instanceof FileLimitError
      ? new FileLimitError(`${file.name}: ${(error as Error).message}`)
      : error;
  try {
    checkNesting(file.text);
  } catch (error) {
    throw overLimit(error);
  }
  const contentOf = (document: YAML.Document) => {
    try {
      checkAliases(document);
      return document.toJS({ maxAliasCount: YAML_READ.maxAliasCount });
    } catch (error) {
      throw overLimit(error);
    }
  };
  return { documents: YAML.parseAllDocuments(file.text, YAML_READ), contentOf };
}
