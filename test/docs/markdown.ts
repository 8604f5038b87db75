import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/** The repository's root, where README.md sits. */
export const ROOT = new URL('../../', import.meta.url).pathname;

/** README.md and every docs/*.md, as paths from the root. */
export const DOCS = [
  'README.md',
  ...readdirSync(`${ROOT}docs`)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];

export const readDoc = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');

export interface CodeBlock {
  /** The fence's language (`graphql`, `json`, `sh`…), '' when it names none. */
  lang: string;
  text: string;
  /** The line of the opening fence, for messages. */
  line: number;
}

/** The fenced code blocks of a Markdown text, in order (fences of ``` at any indent). */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let open: { lang: string; line: number; indent: number; lines: string[] } | undefined;
  markdown.split('\n').forEach((text, index) => {
    const fence = /^(\s*)```\s*(\S*)\s*$/.exec(text);
    if (!open) {
      if (fence)
        open = { lang: fence[2] ?? '', line: index + 1, indent: fence[1]?.length ?? 0, lines: [] };
    } else if (fence && !fence[2]) {
      blocks.push({ lang: open.lang, text: open.lines.join('\n'), line: open.line });
      open = undefined;
    } else {
      open.lines.push(text.slice(Math.min(open.indent, text.length - text.trimStart().length)));
    }
  });
  return blocks;
}

/** The Markdown outside code blocks and HTML comments. */
const outsideBlocks = (markdown: string) =>
  markdown.replace(/^\s*```[\s\S]*?^\s*```\s*$/gm, '').replace(/<!--[\s\S]*?-->/g, '');

/** The Markdown outside code blocks, inline code spans and HTML comments: where links are. */
const prose = (markdown: string) => outsideBlocks(markdown).replace(/`[^`\n]*`/g, '``');

/** Every link target that is not a URL with a scheme (`http:`, `mailto:`…). */
export function relativeLinks(markdown: string): string[] {
  return linkTargets(markdown).filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** Every link target of a document's prose, relative or not. */
export function linkTargets(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map(
    (m) => m[1] as string,
  );
}

/** The anchors GitHub gives a document's headings (lower case, punctuation dropped). */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const [, heading = ''] of outsideBlocks(markdown).matchAll(/^#{1,6}\s+(.*?)\s*#*\s*$/gm)) {
    let anchor = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    for (let n = 1; anchors.has(anchor); n++) anchor = `${anchor.replace(/-\d+$/, '')}-${n}`;
    anchors.add(anchor);
  }
  return anchors;
}

/**
 * A shown output, read as YAML's flow style (a superset of JSON) so that the ellipses the
 * docs use to trim an answer parse: `…` as an array item, or an item "… what was left out …",
 * stands for any number of items; `…` as an object's member for any other members.
 */
export const readShownOutput = (text: string): unknown => parseYaml(text);

const ELLIPSIS = '…';
const elided = (item: unknown) => typeof item === 'string' && item.startsWith(ELLIPSIS);

/** Whether `actual` is what `shown` shows, its ellipses standing for what was left out. */
export function shows(shown: unknown, actual: unknown): boolean {
  if (Array.isArray(shown)) return Array.isArray(actual) && showsItems(shown, actual);
  if (shown !== null && typeof shown === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const keys = Object.keys(shown).filter((key) => key !== ELLIPSIS);
    const open = ELLIPSIS in shown;
    if (!open && Object.keys(actual).length !== keys.length) return false;
    return keys.every(
      (key) =>
        key in actual &&
        shows((shown as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key]),
    );
  }
  return Object.is(shown, actual);
}

function showsItems(shown: unknown[], actual: unknown[]): boolean {
  const [first, ...rest] = shown;
  if (shown.length === 0) return actual.length === 0;
  if (elided(first)) {
    for (let skip = 0; skip <= actual.length; skip++) {
      if (showsItems(rest, actual.slice(skip))) return true;
    }
    return false;
  }
  return actual.length > 0 && shows(first, actual[0]) && showsItems(rest, actual.slice(1));
}

/**
 * Whether the shown output is the answer's data, or a part of it reached through objects of
 * one member (`{ "coverageTrend": [...] }` shown as the list alone).
 */
export function showsPartOf(shown: unknown, data: unknown): boolean {
  let part = data;
  for (;;) {
    if (shows(shown, part)) return true;
    if (part === null || typeof part !== 'object' || Array.isArray(part)) return false;
    const values = Object.values(part);
    if (values.length !== 1) return false;
    part = values[0];
  }
}
