import { GraphQLError } from 'graphql';
import { maskError } from 'graphql-yoga';
import { isDatabaseUnavailable } from './faults.js';

const DATABASE_UNAVAILABLE_MESSAGE =
  'The database is unavailable or did not answer in time; try again shortly.';

/**
 * Yoga's `maskError`: a database outage becomes a clear, retryable DATABASE_UNAVAILABLE error
 * (HTTP 503 when it is the whole answer) instead of "Unexpected error."; everything else is
 * masked as Yoga does by default. Neither leaks SQL, addresses or stacks.
 */
export const maskFault: typeof maskError = (error, message, isDev) => {
  if (!isDatabaseUnavailable(error)) return maskError(error, message, isDev);
  const at = error instanceof GraphQLError ? error : undefined;
  return new GraphQLError(DATABASE_UNAVAILABLE_MESSAGE, {
    nodes: at?.nodes,
    positions: at?.positions,
    source: at?.source,
    path: at?.path,
    extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503 } },
  });
};
