import { GraphQLError, Kind } from 'graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { builder } from './builder.js';

/** A real calendar day written as YYYY-MM-DD (2026-02-30 is refused). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function parseDay(value: unknown): string {
  if (typeof value === 'string' && isDay(value)) return value;
  throw new GraphQLError(`Date must be an ISO 8601 day (YYYY-MM-DD), got ${JSON.stringify(value)}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

builder.scalarType('Date', {
  description: 'An ISO 8601 calendar day, e.g. 2026-11-23 (no time, no zone).',
  serialize: (value) => parseDay(value),
  parseValue: (value) => parseDay(value),
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.addScalarType('JSONObject', JSONObjectResolver);
