import { createRequire } from 'node:module';
import type * as Jsonc from 'jsonc-parser';

/**
 * JSON read for people who write it by hand. `JSON.parse` refuses what YAML and JavaScript
 * allow — a comment, a comma after the last item, single quotes — in V8's words, with a
 * character offset or no place at all. When it refuses a text, jsonc-parser (VS Code's JSON
 * reader, strict here: no comments, no trailing commas) finds where, and we say what is there
 * in the line-and-column form of YAML's errors.
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const problem = firstProblem(text);
    if (!problem) throw new Error(`not valid JSON (${(error as Error).message})`);
    const { line, column } = lineAndColumn(text, problem.at);
    throw new Error(`not valid JSON at line ${line}, column ${column}: ${problem.what}`);
  }
}

/**
 * jsonc-parser, loaded when a text has failed `JSON.parse` only (its UMD build resolves its
 * own files at run time, so it is required from node_modules, not bundled).
 */
const loadJsonc = (): typeof Jsonc => createRequire(import.meta.url)('jsonc-parser');

interface Problem {
  at: number;
  what: string;
}

/** What each of jsonc-parser's error codes expected, in our words. */
const EXPECTED: Record<string, string> = {
  PropertyNameExpected: 'a quoted name',
  ValueExpected: 'a value',
  ColonExpected: '":"',
  CommaExpected: '","',
  CloseBraceExpected: '"}"',
  CloseBracketExpected: '"]"',
};

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

function firstProblem(text: string): Problem | null {
  const jsonc = loadJsonc();
  const errors: Jsonc.ParseError[] = [];
  const root = jsonc.parseTree(text, errors, STRICT);
  const [first] = errors;
  if (!first) return null;
  const code = jsonc.printParseErrorCode(first.error);
  const at = first.offset;
  const token = text.slice(at, at + Math.max(first.length, 1));
  if (at >= text.trimEnd().length) return { at, what: endedInside(code) };
  if (code === 'InvalidCommentToken') {
    return { at, what: 'a comment (JSON has none; a .yaml file may have # comments)' };
  }
  if (code === 'InvalidCharacter' || code === 'InvalidEscapeCharacter') {
    return insideString(text, at, first.length);
  }
  const comma = trailingComma(text, at);
  if (comma !== null) {
    return { at: comma, what: `a comma before "${text[at]}" (JSON has none after the last item)` };
  }
  if (token.startsWith("'")) {
    return { at, what: 'a single quote (JSON strings take double quotes)' };
  }
  if (root && at >= root.offset + root.length) {
    return { at, what: `${shown(token)} after the end of the document` };
  }
  return { at, what: `${shown(token)} where ${EXPECTED[code] ?? 'a value'} belongs` };
}

/** The file stopped before a container closed: which, by what was expected first. */
function endedInside(code: string): string {
  if (code === 'CloseBracketExpected') return 'the file ends inside a list';
  if (code === 'CloseBraceExpected') return 'the file ends inside a mapping';
  return `the file ends where ${EXPECTED[code] ?? 'a value'} belongs`;
}

/** A string refused for a character in it: the character's own place and name. */
function insideString(text: string, start: number, length: number): Problem {
  for (let at = start + 1; at < start + length; at++) {
    const c = text[at] as string;
    if (c === '\t') return { at, what: 'a tab inside a string (write \\t)' };
    if (c === '\n' || c === '\r') return { at, what: 'a line break inside a string (write \\n)' };
    if (c < ' ') return { at, what: 'a control character inside a string' };
    if (c === '\\') {
      const sequence = text.slice(at, at + 2);
      if (!/^\\["\\/bfnrtu]$/.test(sequence)) {
        return { at, what: `an unknown escape "${sequence}"` };
      }
      at++;
    }
  }
  return { at: start, what: 'a string JSON cannot read' };
}

/** Where a comma stands right before the `}` or `]` at `at`, if one does. */
function trailingComma(text: string, at: number): number | null {
  if (text[at] !== '}' && text[at] !== ']') return null;
  let before = at - 1;
  while (before >= 0 && /\s/.test(text[before] as string)) before--;
  return text[before] === ',' ? before : null;
}

const shown = (token: string) => `"${token.slice(0, 20)}"`;

function lineAndColumn(text: string, at: number): { line: number; column: number } {
  const lines = text.slice(0, at).split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
