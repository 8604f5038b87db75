import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import { badInput, cannotRun } from './failures.js';

/**
 * How a CLI command reaches the org: every command is GraphQL run with the operator's
 * rights (token name "cli"), in this process on the database, or through the running
 * server that holds the embedded folder. Either way the writes go through the very same
 * validation, transaction and audit log as the API's.
 */
export interface Operator {
  /** Runs one operation; a GraphQL error is thrown as a CliFailure (bad input, or cannot run). */
  ask<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

// Errors that say "the request is wrong"; any other (a fault, masked or not) is "cannot run".
const INPUT_CODES = new Set([
  undefined,
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
]);

/** GraphQL's words for a bad variable: `Variable "$input" got invalid value "CTO" at "input.seat"; …`. */
const BAD_VARIABLE = /^Variable "\$\w+" got invalid value .*? at "([^"]+)"; (.*)$/s;

/**
 * A bad value the CLI itself let through, said in the CLI's words (the field, then why)
 * rather than in GraphQL's, which speak of variables the user never wrote.
 */
const inCliWords = (message: string) => message.replace(BAD_VARIABLE, '$1: $2');

/** An answer's data, or its first error as the CLI's failure: bad input (2) or cannot run (3). */
export function answer<T>(
  result: ExecutionResult<T> | { errors?: readonly GraphQLFormattedError[] },
): T {
  const [error] = result.errors ?? [];
  if (!error) return (result as ExecutionResult<T>).data as T;
  const code = error.extensions?.code as string | undefined;
  if (INPUT_CODES.has(code)) throw badInput(inCliWords(error.message));
  throw cannotRun(error.message);
}
