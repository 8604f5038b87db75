import {
  type ASTNode,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { boundOf, tooMany } from '../graphql/bounds.js';
import { QUERY_LIMITS } from './limits.js';
import { REFUSED } from './params-guard.js';

type Bound = NonNullable<ReturnType<typeof boundOf>>;
type Variables = Record<string, unknown>;
/** A list over its bound: where (`ids`, `input.changes`) and by how much. */
type Problem = { argument: string; message: string };

/**
 * Refuses a list in the variables longer than the argument or input field it feeds allows,
 * before graphql-js coerces the variables: coercing 100,000 ids alone takes a few hundred
 * milliseconds of the event loop, for a request that is refused anyway. Same words as the
 * zod check it runs ahead of (`ids: at most 100 ids`); lists written in the query itself are
 * short by the token limit and left to that check.
 */
export function useListGuard(schema: GraphQLSchema): Plugin {
  return {
    onParams({ params, setResult }) {
      const { query, variables, operationName } = params;
      if (!query || !variables || typeof variables !== 'object') return;
      const problem = listOverBound(schema, query, operationName, variables as Variables);
      if (problem) {
        const { argument, message } = problem;
        setResult({
          errors: [
            createGraphQLError(`${argument}: ${message}`, {
              extensions: { code: 'BAD_USER_INPUT', argument, http: REFUSED },
            }),
          ],
        });
      }
    },
  };
}

/** A variable to check: where it sits in the document, with that place's type and bound. */
interface VariableCheck {
  variable: string;
  type: GraphQLInputType;
  bound: Bound | undefined;
  path: string[];
}

/**
 * The checks of each document (and operation) seen lately: the walk of a document with its
 * types costs more than most requests' own work, and clients send the same few documents.
 */
const checksByDocument = new Map<string, VariableCheck[]>();
const DOCUMENTS_KEPT = 1_000;

function listOverBound(
  schema: GraphQLSchema,
  query: string,
  operationName: string | undefined,
  variables: Variables,
): Problem | undefined {
  const key = `${operationName ?? ''}\n${query}`;
  let checks = checksByDocument.get(key);
  if (!checks) {
    checks = variableChecks(schema, query, operationName);
    if (checksByDocument.size >= DOCUMENTS_KEPT) checksByDocument.clear();
    checksByDocument.set(key, checks);
  }
  for (const { variable, type, bound, path } of checks) {
    const problem = overBound(variables[variable], type, bound, path);
    if (problem) return problem;
  }
  return undefined;
}

/** Every variable of the operation that feeds an argument or input field, in document order. */
function variableChecks(
  schema: GraphQLSchema,
  query: string,
  operationName: string | undefined,
): VariableCheck[] {
  let document: ASTNode;
  try {
    document = parse(query, { maxTokens: QUERY_LIMITS.tokens });
  } catch {
    return []; // Yoga reports the syntax error
  }
  const checks: VariableCheck[] = [];
  const typeInfo = new TypeInfo(schema);
  const path: string[] = []; // the argument, then the input fields, down to a variable
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: (node) =>
        operationName && node.name?.value !== operationName ? false : undefined,
      Argument: {
        enter: (node) => void path.push(node.name.value),
        leave: () => void path.pop(),
      },
      ObjectField: {
        enter: (node) => void path.push(node.name.value),
        leave: () => void path.pop(),
      },
      Variable(node) {
        const type = typeInfo.getInputType();
        if (!type || path.length === 0) return;
        const bound = boundHere(typeInfo, path);
        checks.push({ variable: node.name.value, type, bound, path: [...path] });
      },
      FragmentDefinition: () => false, // variables in fragments: left to the zod check
    }),
  );
  return checks;
}

/** The bound of where the variable sits: its argument, or the input field it fills. */
function boundHere(typeInfo: TypeInfo, path: string[]): Bound | undefined {
  if (path.length === 1) return boundOf(typeInfo.getArgument()?.extensions);
  const parent = getNamedType(typeInfo.getParentInputType());
  const name = path[path.length - 1];
  return isInputObjectType(parent) && name
    ? boundOf(parent.getFields()[name]?.extensions)
    : undefined;
}

/** Walks a raw variable value along its type: input objects' own list fields have bounds. */
function overBound(
  value: unknown,
  type: GraphQLInputType,
  bound: Bound | undefined,
  path: string[],
): Problem | undefined {
  const nullable = getNullableType(type);
  if (isListType(nullable) && Array.isArray(value)) {
    if (bound && value.length > bound.max)
      return { argument: path.join('.'), message: tooMany(bound.max, bound.items) };
    for (const item of value) {
      const problem = overBound(item, nullable.ofType, undefined, path);
      if (problem) return problem;
    }
  } else if (isInputObjectType(nullable) && value !== null && typeof value === 'object') {
    for (const field of Object.values(nullable.getFields())) {
      const fieldValue = (value as Variables)[field.name];
      const problem = overBound(fieldValue, field.type, boundOf(field.extensions), [
        ...path,
        field.name,
      ]);
      if (problem) return problem;
    }
  }
  return undefined;
}
