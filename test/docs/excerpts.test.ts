import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeBlocks, DOCS, ROOT, readDoc } from './markdown.js';

// A TypeScript excerpt in the docs is copied from a file it names ("from `test/….ts`" just
// above it) and must still be there, line for line: a snippet written for the docs alone once
// failed the type check and lint of anyone who copied it. A line `…` skips lines of the file.
const excerpts = DOCS.flatMap((doc) => {
  const lines = readDoc(doc).split('\n');
  return codeBlocks(readDoc(doc))
    .filter((block) => block.lang === 'ts')
    .map((block) => {
      const above = lines.slice(Math.max(0, block.line - 4), block.line - 1).join(' ');
      const source = /from `([^`]+\.ts)`/.exec(above)?.[1];
      return { at: `${doc}:${block.line}`, source, text: block.text };
    });
});

/** Whether `file` holds each run of `excerpt`'s lines between `…` lines, in order. */
function holds(file: string, excerpt: string): boolean {
  const lines = file.split('\n');
  let from = 0;
  for (const run of excerpt.split(/^…$/m).map((part) => part.replace(/^\n|\n$/g, ''))) {
    const wanted = run.split('\n');
    const at = lines.findIndex(
      (_, i) => i >= from && wanted.every((line, k) => lines[i + k] === line),
    );
    if (at < 0) return false;
    from = at + wanted.length;
  }
  return true;
}

describe.each(excerpts)('the excerpt at $at', ({ source, text }) => {
  it('names its file, which still holds it', () => {
    expect(source, 'no "from `file`" just above it').toBeDefined();
    const path = `${ROOT}${source}`;
    expect(existsSync(path), `${source} is no file`).toBe(true);
    expect(holds(readFileSync(path, 'utf8'), text)).toBe(true);
  });
});

it('finds the excerpts (the docs hold some)', () => {
  expect(excerpts.length).toBeGreaterThanOrEqual(2);
});
