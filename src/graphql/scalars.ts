import { GraphQLError, Kind } from 'graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { isDay, isOrgDay, ORG_DAYS } from '../core/org/days.js';
import { builder } from './builder.js';

function parseDay(value: unknown): string {
  if (typeof value === 'string' && isDay(value) && isOrgDay(value)) return value;
  const expected = `an ISO 8601 day (YYYY-MM-DD) from ${ORG_DAYS.first} to ${ORG_DAYS.last}`;
  throw new GraphQLError(`Date must be ${expected}, got ${JSON.stringify(value)}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

builder.scalarType('Date', {
  description:
    'An ISO 8601 calendar day, e.g. 2026-11-23 (no time, no zone), from 1900-01-01 to 2999-12-31.',
  serialize: (value) => parseDay(value),
  parseValue: (value) => parseDay(value),
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.addScalarType('JSONObject', JSONObjectResolver);
