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

/** The query arguments the commands fill from options of the same name (`asOf`: `--as-of`). */
const OPTION_OF: Record<string, string> = {
  scope: '--scope',
  from: '--from',
  to: '--to',
  asOf: '--as-of',
};

/** An argument's error (`scope: no unit "x" …`) named as the option the user wrote. */
function asOption(error: GraphQLFormattedError): string {
  const argument = error.extensions?.argument;
  const option = typeof argument === 'string' ? OPTION_OF[argument] : undefined;
  return option && error.message.startsWith(`${argument}: `)
    ? `${option}: ${error.message.slice(`${argument}: `.length)}`
    : inCliWords(error.message);
}

/** An answer's data, or its first error as the CLI's failure: bad input (2) or cannot run (3). */
export function answer<T>(
  result: ExecutionResult<T> | { errors?: readonly GraphQLFormattedError[] },
): T {
  const [error] = result.errors ?? [];
  if (!error) return (result as ExecutionResult<T>).data as T;
  const code = error.extensions?.code as string | undefined;
  if (INPUT_CODES.has(code)) throw badInput(asOption(error));
  throw cannotRun(error.message);
}
