import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Yoga refuses a request whose `operationName` picks no operation of its query with "Could not
 * determine what operation to execute." and a 400 for every client. Said here in the request's
 * words, naming the field, and answered as the request error it is (GraphQL over HTTP: 400 to
 * an `application/graphql-response+json` client, 200 to an `application/json` one).
 */
export function useOperationChoiceExplained(): Plugin {
  const named = new WeakMap<Request, unknown>();
  return {
    onParams({ request, params }) {
      named.set(request, params.operationName ?? undefined);
    },
    onResultProcess({ request, result, setResult }) {
      if (!('errors' in result) || !result.errors?.some(unresolved)) return;
      const name = named.get(request);
      const errors = result.errors.map((error) => (unresolved(error) ? explained(name) : error));
      setResult({ ...result, errors });
    },
  };
}

const unresolved = (error: unknown) =>
  error instanceof GraphQLError && error.extensions?.code === 'OPERATION_RESOLUTION_FAILURE';

/** Why no operation was picked: none named (of several, or none), a name no operation has, or no name at all. */
function reason(name: unknown): string {
  if (name === undefined) {
    return 'the query holds several operations, or none: give each a name and send the one to run';
  }
  if (typeof name !== 'string') return `must be a string, got ${shown(name)}`;
  return `the query holds no operation named "${name}"`;
}

/** A value as JSON, cut short; one nested past what JSON.stringify can walk, said so (a 500). */
function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    return 'a value nested too deep to show';
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const explained = (name: unknown) =>
  new GraphQLError(`operationName: ${reason(name)}`, {
    extensions: {
      code: 'OPERATION_RESOLUTION_FAILURE',
      argument: 'operationName',
      http: { status: 400, spec: true },
    },
  });
