/**
 * The limits every import format is read under — org documents (JSON, YAML), Backstage
 * catalogs (YAML) and HR exports (CSV) — so that a hostile or broken file is refused as bad
 * input in well under two seconds and a few megabytes, never by running out of stack or
 * memory. An org needs nothing near them: its documents nest about six levels deep and use no
 * aliases; 100,000 people make a file of about 15 MB.
 */
export const FILE_LIMITS = {
  /** The largest file, in bytes. */
  bytes: 64 * 1024 * 1024,
  /** The deepest nesting of collections (counted from brackets, indentation and `- `). */
  depth: 64,
  /** YAML alias nodes resolved in one file (a "billion laughs" file needs thousands). */
  aliases: 100,
} as const;

/**
 * The options every YAML read takes: the core schema (dates stay strings), our alias limit,
 * and `<<` merge keys (YAML 1.1's, which people use to share fields between entries).
 */
export const YAML_READ = {
  schema: 'core',
  version: '1.2',
  merge: true,
  maxAliasCount: FILE_LIMITS.aliases,
} as const;

/** A file over a limit: bad input, named by the caller with the file. */
export class FileLimitError extends Error {}

const MB = 1024 * 1024;

/** Refuses a file of `bytes` before it is read whole. */
export function checkFileSize(bytes: number): void {
  if (bytes > FILE_LIMITS.bytes) {
    throw new FileLimitError(
      `${(bytes / MB).toFixed(1)} MB is over the ${FILE_LIMITS.bytes / MB} MB an import file may have`,
    );
  }
}

/** Characters after which a quote or bracket starts a token (not `O'Brien` or `a[1]`). */
const TOKEN_START = new Set<string | undefined>([' ', '\t', '\n', '[', '{', ',', ':', undefined]);

/**
 * Refuses a YAML or JSON text nested deeper than the limit, or over the size limit, in one
 * linear pass that builds nothing: parsers recurse per level, so 100,000 levels would cost a
 * parser half a minute and all its stack before failing. The count errs towards deeper (an
 * indentation of two columns is a level), never shallower.
 */
export function checkNesting(text: string): void {
  checkFileSize(Buffer.byteLength(text));
  if (deepestLevel(text) > FILE_LIMITS.depth) {
    throw new FileLimitError(`nested over ${FILE_LIMITS.depth} levels deep`);
  }
}

/** How deep the text nests, counted up to the first place deeper than the limit. */
function deepestLevel(text: string): number {
  let [quote, comment, lineStart] = ['', false, true];
  let [flow, indent, items, deepest] = [0, 0, 0, 0];
  for (let i = 0; i < text.length && deepest <= FILE_LIMITS.depth; i += 1) {
    const c = text[i] as string;
    if (quote) {
      if (c === '\\' && quote === '"') i += 1;
      else if (c === quote) quote = '';
    } else if (c === '\n') {
      [lineStart, comment, indent, items] = [true, false, 0, 0];
    } else if (comment) {
      // a comment's text counts for nothing
    } else if (lineStart && c === ' ') {
      indent += 1;
    } else if (lineStart && (c === '-' || c === '?') && /\s/.test(text[i + 1] ?? ' ')) {
      items += 1; // `- - - x`: each item opens a level on the same line
    } else {
      lineStart = false;
      const before = text[i - 1];
      if (c === '#' && (before === undefined || /\s/.test(before))) comment = true;
      else if ((c === '"' || c === "'") && TOKEN_START.has(before)) quote = c;
      else if ((c === '[' || c === '{') && TOKEN_START.has(before)) flow += 1;
      else if ((c === ']' || c === '}') && flow > 0) flow -= 1;
      deepest = Math.max(deepest, flow + (indent >> 1) + items);
    }
  }
  return deepest;
}
