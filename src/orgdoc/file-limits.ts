import YAML from 'yaml';

/**
 * The limits every import format is read under — org documents (JSON, YAML), Backstage
 * catalogs (YAML) and HR exports (CSV) — so that a hostile or broken file is refused as bad
 * input in well under two seconds and a few megabytes, never by running out of stack or
 * memory. An org needs nothing near them: its documents nest about six levels deep, a few
 * fields shared by `<<` merges repeat a few values per entry, and 100,000 people make a file
 * of about 15 MB.
 */
export const FILE_LIMITS = {
  /** The largest file, in bytes. */
  bytes: 64 * 1024 * 1024,
  /** The deepest nesting of collections (counted from brackets, indentation and `- `). */
  depth: 64,
  /**
   * YAML aliases (`*name`, `<<: *name`) in one document: the `yaml` package finds each one's
   * anchor by a walk past every alias before it, so 20,000 of them cost 3 s and 100,000 a
   * minute; a merge in each of 10,000 entries costs a fraction of a second.
   */
  aliases: 10_000,
  /**
   * Values those aliases repeat, each alias counted as the values it stands for (nested
   * aliases too): a "billion laughs" file repeats billions from a few lines.
   */
  aliasedValues: 1_000_000,
} as const;

/**
 * The options every YAML read takes: the core schema (dates stay strings) and `<<` merge keys
 * (YAML 1.1's, which people use to share fields between entries). The `yaml` package's own
 * alias limit (100 uses of an anchor) is off: `checkAliases` bounds what they repeat instead.
 */
export const YAML_READ = {
  schema: 'core',
  version: '1.2',
  merge: true,
  maxAliasCount: -1,
} as const;

/** A file over a limit: bad input, named by the caller with the file. */
export class FileLimitError extends Error {}

const MB = 1024 * 1024;

/** A file that told no size (a pipe, a device) refused once more than the limit was read. */
export const readPastLimit = () =>
  new FileLimitError(`more than the ${FILE_LIMITS.bytes / MB} MB an import file may have`);

/** Refuses a file of `bytes` before it is read whole. */
export function checkFileSize(bytes: number): void {
  if (bytes > FILE_LIMITS.bytes) {
    throw new FileLimitError(
      `${(bytes / MB).toFixed(1)} MB is over the ${FILE_LIMITS.bytes / MB} MB an import file may have`,
    );
  }
}

/**
 * Refuses a YAML document with more aliases than the limit, or whose aliases repeat more
 * values than the limit, before its value is built: each alias is resolved as the walk passes
 * it (to the last anchor of its name before it) and each node's size counted once, so a bomb
 * is measured in linear time.
 */
export function checkAliases(document: YAML.Document): void {
  const [anchors, sources] = [new Map<string, unknown>(), new Map<unknown, unknown>()];
  const sizes = new Map<unknown, number>();
  const sizeOf = (node: unknown): number => {
    if (YAML.isAlias(node)) return sizeOf(sources.get(node));
    if (!YAML.isCollection(node)) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, Number.POSITIVE_INFINITY); // an alias inside the value it names
    let size = 1;
    for (const item of node.items) {
      size += YAML.isPair(item) ? sizeOf(item.key) + sizeOf(item.value) : sizeOf(item);
    }
    sizes.set(node, size);
    return size;
  };
  let aliased = 0;
  YAML.visit(document, {
    Node(_, node) {
      if (YAML.isAlias(node)) {
        sources.set(node, anchors.get(node.source));
        aliased += sizeOf(node);
      } else if (node.anchor) anchors.set(node.anchor, node);
      const over = sources.size > FILE_LIMITS.aliases || aliased > FILE_LIMITS.aliasedValues;
      return over ? YAML.visit.BREAK : undefined;
    },
  });
  const count = (n: number) => n.toLocaleString('en-US');
  if (sources.size > FILE_LIMITS.aliases) {
    throw new FileLimitError(
      `over the ${count(FILE_LIMITS.aliases)} YAML aliases (*name, <<) allowed`,
    );
  }
  if (aliased > FILE_LIMITS.aliasedValues) {
    const limit = count(FILE_LIMITS.aliasedValues);
    throw new FileLimitError(
      `its YAML aliases (*name, <<) repeat over the ${limit} values allowed`,
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
