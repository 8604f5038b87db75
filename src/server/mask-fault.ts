import { type ExecutionResult, GraphQLError } from 'graphql';
import { maskError, type Plugin } from 'graphql-yoga';
import { withExtensions } from './error-summary.js';
import { isDatabaseUnavailable, isDiskFull } from './faults.js';

const DATABASE_UNAVAILABLE_MESSAGE =
  'The database is unavailable or did not answer in time; try again shortly.';
const DISK_FULL_MESSAGE =
  "The database's disk is full: nothing was written. Reads go on; writes resume once space is freed.";

/**
 * Yoga's `maskError`: a database outage becomes a clear, retryable DATABASE_UNAVAILABLE error
 * (HTTP 503 when it is the whole answer) and a full disk DISK_FULL (507) instead of
 * "Unexpected error."; everything else is masked as Yoga does by default. None leaks SQL,
 * addresses, folders or stacks (the log keeps the cause).
 */
export const maskFault: typeof maskError = (error, message, isDev) => {
  if (isDiskFull(error)) return located(error, DISK_FULL_MESSAGE, 'DISK_FULL', 507);
  if (isDatabaseUnavailable(error))
    return located(error, DATABASE_UNAVAILABLE_MESSAGE, 'DATABASE_UNAVAILABLE', 503);
  return maskError(error, message, isDev);
};

/** The error in place of `error`, where it was: the field and its path. */
function located(error: unknown, message: string, code: string, status: number): GraphQLError {
  const at = error instanceof GraphQLError ? error : undefined;
  return new GraphQLError(message, {
    nodes: at?.nodes,
    positions: at?.positions,
    source: at?.source,
    path: at?.path,
    extensions: { code, http: { status } },
  });
}

/**
 * GraphQL over HTTP: an answer whose `data` is not null is a 2xx, whatever errors it holds. A
 * fault's status (503, 507) is for an answer it left without data; one that failed a field
 * of several (`person` while `viewer` answered) was a 503 holding the rest.
 */
export function useStatusOfDataless(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      // One answer: not a batch, not a stream of them.
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      const { data, errors } = result as ExecutionResult;
      if (data == null || !errors?.some(hasStatus)) return;
      setResult({ ...result, errors: errors.map(withoutStatus) });
    },
  };
}

const hasStatus = (error: GraphQLError) => error.extensions?.http !== undefined;

function withoutStatus(error: GraphQLError): GraphQLError {
  if (!hasStatus(error)) return error;
  // Still the fault it masks: the request log tells it as one (an error, its cause kept).
  const { http: _status, ...extensions } = error.extensions;
  return withExtensions(error, extensions);
}
