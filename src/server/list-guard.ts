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

type Bound = NonNullable<ReturnType<typeof boundOf>>;
type Variables = Record<string, unknown>;

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
        setResult({
          errors: [createGraphQLError(problem, { extensions: { code: 'BAD_USER_INPUT' } })],
        });
      }
    },
  };
}

function listOverBound(
  schema: GraphQLSchema,
  query: string,
  operationName: string | undefined,
  variables: Variables,
): string | undefined {
  let document: ASTNode;
  try {
    document = parse(query, { maxTokens: QUERY_LIMITS.tokens });
  } catch {
    return undefined; // Yoga reports the syntax error
  }
  let problem: string | undefined;
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
        if (problem || !type || path.length === 0) return;
        problem = overBound(variables[node.name.value], type, boundHere(typeInfo, path), path);
      },
      FragmentDefinition: () => false, // variables in fragments: left to the zod check
    }),
  );
  return problem;
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
): string | undefined {
  const nullable = getNullableType(type);
  if (isListType(nullable) && Array.isArray(value)) {
    if (bound && value.length > bound.max)
      return `${path.join('.')}: ${tooMany(bound.max, bound.items)}`;
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
