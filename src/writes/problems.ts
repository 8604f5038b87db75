import { suggestionList } from 'graphql/jsutils/suggestionList.js';
import type { z } from 'zod';
import type { UserErrorCode, UserErrorData } from './errors.js';

/**
 * Field problems in one set of words for every entry point — a mutation's input, an import
 * document, a CSV row — so the same bad value gets the same message and code everywhere.
 */

type Issue = z.core.$ZodIssue;

/** `['units', 3, 'parent']` → `units[3].parent`. */
function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else path += path ? `.${String(segment)}` : String(segment);
  }
  return path;
}

/** Collects problems, so every problem of a document is reported at once. */
export class Problems {
  readonly list: UserErrorData[] = [];

  add(path: string | null, message: string, code: UserErrorCode): void {
    this.list.push({ path, message, code });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}

export function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  return typeof input === 'object' ? 'an object' : `${typeof input} ${JSON.stringify(input)}`;
}

const FORMAT_MESSAGES: Record<string, (input: unknown) => string> = {
  email: (input) => `malformed email ${JSON.stringify(input)}`,
  date: (input) => `malformed date ${JSON.stringify(input)} (expected an existing day, YYYY-MM-DD)`,
  regex: (input) =>
    `malformed slug ${JSON.stringify(input)} (lower-case letters, digits and dashes only)`,
};

function messageOf(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'is required'
        : `expected ${issue.expected}, got ${received(issue.input)}`;
    case 'invalid_value':
      // A missing enum field (a policy kind, a unit's layer) is refused as an enum value.
      if (issue.input === undefined) return 'is required';
      return `unknown value ${JSON.stringify(issue.input)} (expected one of ${issue.values.join(', ')})`;
    case 'invalid_format':
      return (
        FORMAT_MESSAGES[issue.format] ??
        ((input) => `malformed ${issue.format} ${JSON.stringify(input)}`)
      )(issue.input);
    case 'invalid_union':
      return `expected an email or { person, since, acting }, got ${received(issue.input)}`;
    default:
      return issue.message;
  }
}

/**
 * The issues of the one form of a union that took the value's type (a holder's
 * `{ person, since, acting }` given an object), if one did: a value wrong inside it is
 * named at its own field, not as the union's.
 */
function formTaken(issue: Issue): Issue[] | null {
  if (issue.code !== 'invalid_union' || received(issue.input) !== 'an object') return null;
  const refusesType = (inner: Issue) => inner.code === 'invalid_type' && inner.path.length === 0;
  const taken = issue.errors.filter((form) => !form.some(refusesType));
  return taken.length === 1 ? (taken[0] ?? null) : null;
}

/**
 * The field a misspelt one looks like: graphql-js' suggestion (as for the CLI's options),
 * kept only when at most two letters differ, so `notes` is not taken for `name`.
 */
function fieldLike(key: string, fields: readonly string[]): string | undefined {
  const [like] = suggestionList(key, [...fields]);
  return like && lettersApart(key.toLowerCase(), like.toLowerCase()) <= 2 ? like : undefined;
}

/** How many letters one word has that the other lacks, counted both ways. */
function lettersApart(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const letter of a) counts.set(letter, (counts.get(letter) ?? 0) + 1);
  for (const letter of b) counts.set(letter, (counts.get(letter) ?? 0) - 1);
  return [...counts.values()].reduce((sum, n) => sum + Math.abs(n), 0);
}

/**
 * Zod issues → problems under `prefix`; an unknown field is reported at its own path, with
 * the field of `fields` (those of the object at `prefix`) it looks like: `engLeed` is
 * `unknown field (engLead?)`.
 */
export function reportIssues(
  issues: Issue[],
  prefix: PropertyKey[],
  problems: Problems,
  fields: readonly string[] = [],
): void {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    const inner = formTaken(issue);
    if (inner) {
      reportIssues(inner, path, problems);
    } else if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const like = issue.path.length === 0 ? fieldLike(key, fields) : undefined;
        const message = like ? `unknown field (${like}?)` : 'unknown field';
        problems.add(formatPath([...path, key]), message, 'VALIDATION');
      }
    } else {
      problems.add(formatPath(path) || null, messageOf(issue), 'VALIDATION');
    }
  }
}
