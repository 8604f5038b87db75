import { createRequire } from 'node:module';
import type * as Jsonc from 'jsonc-parser';
import { commandsEscaped } from '../writes/fields.js';

/**
 * JSON read for people who write it by hand. `JSON.parse` refuses what YAML and JavaScript
 * allow — a comment, a comma after the last item, single quotes — in V8's words, with a
 * character offset or no place at all. When it refuses a text, jsonc-parser (VS Code's JSON
 * reader, strict here: no comments, no trailing commas) finds where, and we say what is there
 * in the line-and-column form of YAML's errors; it also finds a name given twice.
 */
export function parseJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const problem = firstProblem(text);
    if (!problem) throw new Error(`not valid JSON (${(error as Error).message})`);
    refuse(text, problem);
  }
  // `JSON.parse` keeps a name's last value: a section or field written twice lost the first,
  // silently, where the same text as YAML is refused.
  const twice = firstRepeatedName(text);
  if (twice) refuse(text, twice);
  return value;
}

function refuse(text: string, problem: Problem): never {
  const { line, column } = lineAndColumn(text, problem.at);
  throw new Error(`not valid JSON at line ${line}, column ${column}: ${problem.what}`);
}

/**
 * jsonc-parser, loaded when a JSON file is read (its UMD build resolves its own files at run
 * time, so it is required from node_modules, not bundled).
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

/** The second of two members of one mapping with the same name, if there are two. */
function firstRepeatedName(text: string): Problem | null {
  const names: Set<string>[] = [];
  let repeated: Problem | null = null;
  loadJsonc().visit(
    text,
    {
      onObjectBegin: () => void names.push(new Set()),
      onObjectEnd: () => void names.pop(),
      onObjectProperty: (name, at) => {
        const seen = names.at(-1);
        if (seen?.has(name))
          repeated ??= { at, what: `${quoted(name, 40)} given twice in one mapping` };
        seen?.add(name);
      },
    },
    STRICT,
  );
  return repeated;
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

/**
 * Text of the file in a message, as JSON writes it and cut short: a line break or any other
 * character a terminal takes as a command (ESC, a C1 control, a bidirectional override) is
 * shown as its escape, not printed.
 */
const quoted = (text: string, most: number) =>
  commandsEscaped(JSON.stringify(text.length > most ? `${text.slice(0, most)}…` : text));
const shown = (token: string) => quoted(token, 20);

function lineAndColumn(text: string, at: number): { line: number; column: number } {
  const lines = text.slice(0, at).split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
