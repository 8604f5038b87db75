import { GraphQLError, Kind } from 'graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { isDay } from '../core/org/days.js';
import { builder } from './builder.js';

function parseDay(value: unknown): string {
  if (typeof value === 'string' && isDay(value)) return value;
  throw new GraphQLError(
    `Date must be an ISO 8601 day (YYYY-MM-DD), got ${JSON.stringify(value)}`,
    {
      extensions: { code: 'BAD_USER_INPUT' },
    },
  );
}

builder.scalarType('Date', {
  description: 'An ISO 8601 calendar day, e.g. 2026-11-23 (no time, no zone).',
  serialize: (value) => parseDay(value),
  parseValue: (value) => parseDay(value),
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.addScalarType('JSONObject', JSONObjectResolver);
