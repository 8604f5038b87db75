import type { z } from 'zod';
import { formatPath, type Problems } from './errors.js';

/** Zod's issues in the words of the org document: `malformed date "2021-02-30" …`. */

type Issue = z.core.$ZodIssue;

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
      return `unknown value ${JSON.stringify(issue.input)} (expected one of ${issue.values.join(', ')})`;
    case 'invalid_format':
      return (
        FORMAT_MESSAGES[issue.format] ??
        ((input) => `malformed ${issue.format} ${JSON.stringify(input)}`)
      )(issue.input);
    case 'too_small':
      return 'must not be empty';
    case 'invalid_union':
      return `expected an email or { person, since, acting }, got ${received(issue.input)}`;
    default:
      return issue.message;
  }
}

/** Zod issues → problems; an unknown field is reported at its own path. */
export function reportIssues(issues: Issue[], prefix: PropertyKey[], problems: Problems): void {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        problems.add(formatPath([...path, key]), 'unknown field', 'VALIDATION');
    } else {
      problems.add(formatPath(path) || null, messageOf(issue), 'VALIDATION');
    }
  }
}
