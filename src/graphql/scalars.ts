import { GraphQLError, Kind, print, type ValueNode, valueFromASTUntyped } from 'graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { isDay, isOrgDay, ORG_DAYS } from '../core/org/days.js';
import { builder } from './builder.js';

/** A day, or bad input; a literal's error sits at it, so the server names its argument. */
function parseDay(value: unknown, literal?: ValueNode): string {
  if (typeof value === 'string' && isDay(value) && isOrgDay(value)) return value;
  return notADay(JSON.stringify(value), literal);
}

/** Bad input, showing what was sent (`shown`: as the caller wrote it). */
function notADay(shown: string, literal?: ValueNode): never {
  const expected = `an ISO 8601 day (YYYY-MM-DD) from ${ORG_DAYS.first} to ${ORG_DAYS.last}`;
  throw new GraphQLError(`Date must be ${expected}, got ${shown}`, {
    nodes: literal,
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

builder.scalarType('Date', {
  description:
    'An ISO 8601 calendar day, e.g. 2026-11-23 (no time, no zone), from 1900-01-01 to 2999-12-31.',
  serialize: (value) => parseDay(value),
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
