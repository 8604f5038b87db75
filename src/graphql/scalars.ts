import { GraphQLError, Kind, print, type ValueNode, valueFromASTUntyped } from 'graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { isDay, isOrgDay, ORG_DAYS } from '../core/org/days.js';
import { builder } from './builder.js';

/** A day, or bad input; a literal's error sits at it, so the server names its argument. */
function parseDay(value: unknown, literal?: ValueNode): string {
  if (typeof value === 'string' && isDay(value) && isOrgDay(value)) return value;
  return notADay(JSON.stringify(value), literal);
}

/** What of a bad value a message shows: a day is short; a megabyte sent is not echoed whole. */
const SHOWN_MAX = 40;

/** Bad input, showing what was sent (`shown`: as the caller wrote it). */
function notADay(shown: string, literal?: ValueNode): never {
  const expected = `an existing day, YYYY-MM-DD (ISO 8601), from ${ORG_DAYS.first} to ${ORG_DAYS.last}`;
  const got =
    shown.length > SHOWN_MAX ? `${shown.slice(0, SHOWN_MAX)}… (${shown.length} characters)` : shown;
  throw new GraphQLError(`Date must be ${expected}, got ${got}`, {
    nodes: literal,
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/**
 * A day of an answer: any real day, 1899-12-31 too. A row replaced the day it began is kept,
 * ending the day before it (never in force), and a row from 1900-01-01 so ends on 1899-12-31:
 * refused here, the write that made it answered an error though it was committed, and its
 * history could not be read again.
 */
function answeredDay(value: unknown): string {
  if (typeof value === 'string' && isDay(value)) return value;
  throw new Error(`not a day: ${JSON.stringify(value)}`);
}

builder.scalarType('Date', {
  description:
    'An ISO 8601 calendar day, e.g. 2026-11-23 (no time, no zone), from 1900-01-01 to ' +
    '2999-12-31 (a history row replaced on 1900-01-01, the day it began, ends on 1899-12-31).',
  serialize: answeredDay,
  parseValue: (value) => parseDay(value),
  // A literal of another kind (`20261206`, `TODAY`) is shown as written.
  parseLiteral: (ast) =>
    ast.kind === Kind.STRING ? parseDay(ast.value, ast) : notADay(print(ast), ast),
});

// A document written inline is read as GraphQL reads a literal: an unquoted `HIGH` is the text
// "HIGH" (graphql-scalars' own literal reading drops enum values, so a field went missing).
builder.addScalarType('JSONObject', JSONObjectResolver, {
  parseLiteral: (ast, variables) =>
    JSONObjectResolver.parseValue(valueFromASTUntyped(ast, variables ?? undefined)) as Record<
      string,
      unknown
    >,
});
