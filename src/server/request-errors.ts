import { handleStreamOrSingleExecutionResult } from '@envelop/core';
import {
  type ASTNode,
  type DocumentNode,
  type ExecutionResult,
  GraphQLError,
  Kind,
  type ValueNode,
  visit,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Two refusals of bad input that graphql-js words without our rules, given them here:
 *
 * - A literal a scalar refuses (`from: "2026-1-1"`) is reported by graphql-js's validation
 *   as the scalar threw it, not knowing which argument it stood in: the error is made to name
 *   it (`from: Date must be …`, `argument: "from"`), as a variable's names `$f`.
 * - Variables that do not coerce (an unknown enum value, "x" for an Int) make graphql-js
 *   answer errors and no data, without a code: they are BAD_USER_INPUT, answered like a
 *   validation error (HTTP 400 to a client accepting application/graphql-response+json).
 *   Nothing ran, so nothing was written.
 */
export function useTypedRequestErrors(): Plugin {
  const typed = (result: ExecutionResult, setResult: (result: ExecutionResult) => void) => {
    if (result.data === undefined && result.errors?.some(untyped)) {
      setResult({ ...result, errors: result.errors.map(asBadInput) });
    }
  };
  return {
    onValidate:
      ({ params }) =>
      ({ result, setResult }) => {
        if (result.some(isRefusedLiteral)) {
          setResult(result.map((error) => namingArgument(error, params.documentAST)));
        }
      },
    onExecute: () => ({
      onExecuteDone: (payload) =>
        handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) =>
          typed(result, setResult),
        ),
    }),
    onSubscribe: () => ({
      onSubscribeResult: ({ result, setResult }) => {
        if (!(Symbol.asyncIterator in result)) typed(result, setResult);
      },
    }),
  };
}

/**
 * graphql-js's own refusal of the request's operation or variables: no code, or the one of
 * the scalar that refused a variable (src/graphql/scalars.ts) but not yet an HTTP status.
 */
const untyped = (error: GraphQLError) => {
  const code = error.extensions?.code;
  return code === undefined || (code === 'BAD_USER_INPUT' && !error.extensions.http);
};

function asBadInput(error: GraphQLError): GraphQLError {
  if (!untyped(error)) return error;
  const { nodes, source, positions, path, extensions } = error;
  return new GraphQLError(error.message, {
    nodes,
    source,
    positions,
    path,
    extensions: { ...extensions, code: 'BAD_USER_INPUT', http: { status: 400, spec: true } },
  });
}

/** A literal refused by one of our scalars (src/graphql/scalars.ts), at its place. */
const isRefusedLiteral = (error: Error): error is GraphQLError =>
  error instanceof GraphQLError &&
  error.extensions?.code === 'BAD_USER_INPUT' &&
  error.extensions.argument === undefined &&
  error.nodes?.length === 1;

function namingArgument(error: Error, document: DocumentNode): Error {
  if (!isRefusedLiteral(error)) return error;
  const [node] = error.nodes ?? [];
  const place = node && placeOf(document, node);
  if (!place) return error;
  return new GraphQLError(`${place.path}: ${error.message}`, {
    nodes: error.nodes,
    extensions: { ...error.extensions, argument: place.argument },
  });
}

/** The argument (or variable default) a value node stands in, and its path inside it. */
function placeOf(document: DocumentNode, node: ASTNode) {
  let place: { argument: string; path: string } | undefined;
  const within = (value: ValueNode | undefined, argument: string) => {
    const path = value && pathTo(value, node, argument);
    if (path) place = { argument, path };
  };
  visit(document, {
    Argument: (argument) => within(argument.value, argument.name.value),
    VariableDefinition: (definition) =>
      within(definition.defaultValue, `$${definition.variable.name.value}`),
  });
  return place;
}

/** `input.kinds[0].kind`: how `value`, named `name`, leads to `node`; none if it does not. */
function pathTo(value: ValueNode, node: ASTNode, name: string): string | undefined {
  if (value === node) return name;
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      const path = pathTo(field.value, node, `${name}.${field.name.value}`);
      if (path) return path;
    }
  }
  if (value.kind === Kind.LIST) {
    for (const [index, item] of value.values.entries()) {
      const path = pathTo(item, node, `${name}[${index}]`);
      if (path) return path;
    }
  }
  return undefined;
}
