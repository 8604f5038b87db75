import { handleStreamOrSingleExecutionResult } from '@envelop/core';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createComplexityRule } from '@pothos/plugin-complexity';
import {
  type DocumentNode,
  type ExecutionArgs,
  GraphQLError,
  type ValidationContext,
  validate,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { MAX_COST, OTHER_DAY } from '../graphql/costs.js';
import { daysAsked } from '../graphql/days-asked.js';
import { REFUSED } from './params-guard.js';

/** Limits that refuse what no client needs, while admitting a whole-org dashboard tree. */
export const QUERY_LIMITS = {
  depth: 12,
  aliases: 30,
  tokens: 5_000,
  directives: 20,
  /** Fields selected in all, fragments expanded. */
  breadth: 2_000,
  cost: MAX_COST,
};

/**
 * The document's shape: depth, aliases, tokens and directives (graphql-armor). Field hints are
 * stripped by useNoSuggestions, not masked here: a "[Suggestion hidden]" marker would tell a
 * caller that a field of a similar name exists.
 */
export function useDocumentLimits() {
  return EnvelopArmorPlugin({
    costLimit: { enabled: false }, // priced by the fields themselves: useCostLimit
    maxDepth: {
      n: QUERY_LIMITS.depth,
      ignoreIntrospection: true,
      flattenFragments: true,
      ...reportedAsInvalid(QUERY_LIMITS.depth),
    },
    // Every alias counts, `__typename` too: 500 of them are no dashboard's need.
    maxAliases: {
      n: QUERY_LIMITS.aliases,
      allowList: [],
      ...reportedAsInvalid(QUERY_LIMITS.aliases),
    },
    maxTokens: { n: QUERY_LIMITS.tokens },
    maxDirectives: { n: QUERY_LIMITS.directives, ...reportedAsInvalid(QUERY_LIMITS.directives) },
    blockFieldSuggestion: { enabled: false },
  });
}

/**
 * A document nested thousands of levels deep overflows the parser's stack before the token
 * limit stops it (a `RangeError`, answered as an internal error, HTTP 500): refused as too
 * deep, as a shallower one over the depth limit is. Placed after useDocumentLimits, it wraps
 * the parser that one sets.
 */
export function useNestingGuard(): Plugin {
  return {
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parseFn(source, options);
        } catch (error) {
          if (!(error instanceof RangeError)) throw error;
          const message = `the query is nested far deeper than its limit of ${QUERY_LIMITS.depth}`;
          throw new GraphQLError(message, {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: QUERY_LIMITS.depth },
          });
        }
      });
    },
  };
}

/**
 * graphql-armor throws a shape over its limit out of validation, untyped and labelled
 * "Syntax Error" (an answer of HTTP 200, logged as INTERNAL_SERVER_ERROR). Reported instead,
 * it is one validation error among the document's others: typed, with its limit, and answered
 * as they are (HTTP 400 to a client accepting application/graphql-response+json).
 */
function reportedAsInvalid(limit: number) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(
          new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit },
          }),
        ),
    ],
  };
}

/**
 * The request's cost (each field's price, see src/graphql/costs.ts), checked once before
 * execution: over the limit, one error and nothing runs. Checked here rather than as a
 * validation rule because Yoga caches validation by document, and the price can depend on
 * the variables (an `asOf`). The price depends on nothing else (no price reads the context),
 * so the verdict is kept per document and variables: pricing walks the whole document with
 * its types, more work than a small request's answer.
 */
export function useCostLimit(): Plugin {
  const verdicts = new WeakMap<DocumentNode, Map<string, readonly GraphQLError[]>>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const key = `${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}`;
      let kept = verdicts.get(args.document);
      let errors = kept?.get(key);
      if (!errors) {
        errors = priced(args);
        if (!kept) {
          kept = new Map();
          verdicts.set(args.document, kept);
        }
        if (kept.size >= VERDICTS_KEPT) kept.clear();
        // A big variables object (an import) is priced each time rather than kept as a key.
        if (key.length <= KEY_KEPT_CHARS) kept.set(key, errors);
      }
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}

/** Verdicts kept per document (its variables' values), and the longest key kept. */
const VERDICTS_KEPT = 100;
const KEY_KEPT_CHARS = 4_096;

function priced(args: ExecutionArgs): readonly GraphQLError[] {
  const variables = args.variableValues ?? {};
  const { today } = args.contextValue as { today: string };
  const days = daysAsked(args.document, variables, today) * OTHER_DAY;
  const rule = createComplexityRule({
    variableValues: variables,
    operationName: args.operationName ?? undefined,
    context: args.contextValue as object,
    validate: ({ complexity, breadth }, report) => {
      if (complexity + days > QUERY_LIMITS.cost) report(tooCostly(complexity + days));
      else if (breadth > QUERY_LIMITS.breadth) report(tooBroad(breadth));
    },
  });
  return validate(args.schema, args.document, [rule]);
}

function tooCostly(cost: number): GraphQLError {
  return new GraphQLError(
    `This request costs ${cost}, over the limit of ${QUERY_LIMITS.cost} a request: ask for ` +
      'fewer analyses or days at once (departureImpact, exportOrg, successionBench, ' +
      'singlePointsOfFailure, coverage, teamsWithoutTechLead, asOf), or for fewer lists ' +
      'nested in lists and smaller pages (each multiplies what it holds); see ' +
      'docs/operations.md, "Limits".',
    { extensions: { code: 'QUERY_TOO_COSTLY', cost, limit: QUERY_LIMITS.cost, http: REFUSED } },
  );
}

function tooBroad(breadth: number): GraphQLError {
  return new GraphQLError(
    `This request selects ${breadth} fields, over the limit of ${QUERY_LIMITS.breadth}.`,
    {
      extensions: { code: 'QUERY_TOO_BROAD', breadth, limit: QUERY_LIMITS.breadth, http: REFUSED },
    },
  );
}

/** graphql-js' hints (`Did you mean "x"?`, `Did you mean the enum value "X"?`). */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

function withoutSuggestion<E extends Error>(error: E): E | GraphQLError {
  if (!(error instanceof GraphQLError) || !error.message.includes('Did you mean')) return error;
  const { nodes, source, positions, path, originalError, extensions } = error;
  const message = error.message.replace(SUGGESTION, '').trim();
  return new GraphQLError(message, { nodes, source, positions, path, originalError, extensions });
}

/**
 * No error suggests a name: a hint lists the schema's fields and enum values to a caller who
 * may not read them. Every hint is cut out, leaving no mark: an error about a misspelt name
 * reads as one about a name nothing resembles. Validation's hints, and those of coercing
 * variables (made while executing).
 */
export function useNoSuggestions(): Plugin {
  return {
    onValidate:
      () =>
      ({ result, setResult }) => {
        if (result.length > 0) setResult(result.map(withoutSuggestion));
      },
    onExecute: () => ({
      onExecuteDone: (payload) =>
        handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
          if (result.errors?.length) {
            setResult({ ...result, errors: result.errors.map(withoutSuggestion) });
          }
        }),
    }),
  };
}

const ABORTED = 'Validation aborted.';

/**
 * graphql-js gives up checking a document whose fields overlap too much to compare (a
 * thousand copies of one field: its own bound on quadratic work) with a bare "Validation
 * aborted.", which names nothing: said in words that tell what to change.
 */
export function useAbortedValidationExplained(): Plugin {
  return {
    onValidate:
      () =>
      ({ result, setResult }) => {
        if (!result.some((error) => error.message === ABORTED)) return;
        setResult(result.map((error) => (error.message === ABORTED ? explainedAbort() : error)));
      },
  };
}

const explainedAbort = () =>
  new GraphQLError(
    'Validation aborted: the document repeats the same fields too often to be checked ' +
      '(GraphQL compares every pair of them); ask each field once.',
  );
