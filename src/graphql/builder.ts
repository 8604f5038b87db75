import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin, { type AuthFailure, AuthScopeFailureType } from '@pothos/plugin-scope-auth';
import ZodPlugin, { type NumberValidationOptions } from '@pothos/plugin-zod';
import { GraphQLError } from 'graphql';
import type { Day } from '../core/org/state.js';
import { accessError, authorize, type Need } from './access.js';
import type { Context, Viewer } from './context.js';
import HeavyTurnsPlugin from './heavy-turns.js';

/** The most items a connection returns in one page (SPEC §3). */
export const MAX_PAGE_SIZE = 100;

/** `first` and `last`: a page size, refused in the words of the other bounds. */
const PAGE_SIZE_RULE: NumberValidationOptions = {
  int: true,
  min: [0, { message: 'at least 0' }],
  max: [MAX_PAGE_SIZE, { message: `at most ${MAX_PAGE_SIZE}` }],
};

/** How many input problems one error message lists. */
const MAX_ISSUES_SHOWN = 5;

/** A list's items are priced as this many (the complexity plugin's list multiplier). */
export const LIST_MULTIPLIER = 10;

/**
 * A page of `size` items (a full one when not asked), in the complexity plugin's terms: the
 * connection's own list (`nodes`, `edges`) already counts its items as LIST_MULTIPLIER.
 */
export const pagePrice = (size: number | null | undefined, most = MAX_PAGE_SIZE) => ({
  field: 1,
  multiplier: Math.min(size ?? most, most) / LIST_MULTIPLIER,
});

/** The role each boolean scope stands for; `confidential` takes its need as a parameter. */
const ROLE_SCOPES = { viewer: 'VIEWER', planner: 'PLANNER', admin: 'ADMIN' } as const;

/** The FORBIDDEN (or 401) error of a failed scope on `field`, e.g. `Query.node`. */
export function refusal(failure: AuthFailure, viewer: Viewer, field: string): GraphQLError {
  const denial = authorize(viewer, needOf(failure));
  return accessError(denial ?? { kind: 'ROLE', role: viewer.role ?? 'VIEWER' }, field);
}

/** The need a failed scope stood for, to explain the refusal (each field asks one scope). */
function needOf(failure: AuthFailure): Need {
  if (failure.kind === AuthScopeFailureType.AuthScope) {
    const role = ROLE_SCOPES[failure.scope as keyof typeof ROLE_SCOPES];
    return role ? { role } : (failure.parameter as Need);
  }
  const [first] = 'failures' in failure ? failure.failures : [];
  return first ? needOf(first) : { role: 'ADMIN' };
}

/**
 * The Pothos builder: plugins, scalars and defaults only. Access: every scope is decided by
 * `authorize` (access.ts). Root fields say `viewer`; what is confidential (succession:
 * planner) or powerful (writes, tokens, audit: admin) carries a scope on its type or field,
 * and a read that reveals the bench of particular units says which (`confidential`), so a
 * scoped token is refused outside its subtree. Types with no scope cost nothing per field,
 * which keeps a 2,000-team tree cheap. Types live in their domain modules; `schema.ts`
 * imports them. Scope-auth comes first so no other plugin's wrapper runs before authorization.
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: {
    Date: { Input: Day; Output: Day };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
  };
  AuthScopes: { viewer: boolean; planner: boolean; admin: boolean; confidential: Need };
  Connection: { totalCount: number };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [
    ScopeAuthPlugin,
    RelayPlugin,
    DataloaderPlugin,
    ZodPlugin,
    ComplexityPlugin,
    HeavyTurnsPlugin,
  ],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: ({ viewer }) => ({
      viewer: authorize(viewer, { role: 'VIEWER' }) === null,
      planner: authorize(viewer, { role: 'PLANNER' }) === null,
      admin: authorize(viewer, { role: 'ADMIN' }) === null,
      confidential: (need) => authorize(viewer, need) === null,
    }),
    unauthorizedError: (_parent, { viewer }, info, { failure }) =>
      refusal(failure, viewer, `${info.parentType.name}.${info.fieldName}`),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    idFieldOptions: { description: 'Opaque global id, for `node(id:)`.' },
    nodeTypeOptions: { description: 'An object with an opaque global id.' },
    // src/relay-nodes.ts defines node and nodes: one bad id answers null, not an error.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    pageInfoTypeOptions: { description: 'Where a page sits in its list.' },
    hasNextPageFieldOptions: { description: 'More items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Items come before this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of the page.' },
    endCursorFieldOptions: { description: 'Cursor of the last item: pass it as `after`.' },
    defaultConnectionTypeOptions: { description: 'One page of a list.' },
    defaultEdgeTypeOptions: { description: 'An item of a page and its cursor.' },
    edgesFieldOptions: { nullable: false, description: 'The items with their cursors.' },
    pageInfoFieldOptions: { description: 'Paging state.' },
    cursorFieldOptions: { description: 'Opaque position of this item, for `after`.' },
    nodeFieldOptions: { nullable: false, description: 'The item.' },
    firstArgOptions: { validate: PAGE_SIZE_RULE },
    lastArgOptions: { validate: PAGE_SIZE_RULE },
    nodesOnConnection: { description: 'The items of the page, without cursors.' },
    // A page's items are priced as many as it holds (a full page without `first`): priced as
    // ten, a page of 100 people each with their team's members four teams deep passed as a
    // tenth of its 2 s. `scenarios(first: 1)` with an evaluation costs one evaluation.
    defaultConnectionFieldOptions: { complexity: ({ first, last }) => pagePrice(first ?? last) },
  },
  zod: {
    // The first few problems only: a list of 100,000 bad items must not answer 100,000 lines.
    validationError: ({ issues }) => {
      const shown = issues.slice(0, MAX_ISSUES_SHOWN);
      const more = issues.length - shown.length;
      const message = shown.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
      // Named like every other argument error: the argument of the first problem.
      const [argument] = shown[0]?.path ?? [];
      return new GraphQLError(more > 0 ? `${message} (and ${more} more)` : message, {
        extensions: {
          code: 'BAD_USER_INPUT',
          ...(typeof argument === 'string' && { argument }),
        },
      });
    },
  },
  // Prices only: src/server/limits.ts checks a request's total once, before execution.
  complexity: { defaultComplexity: 1, defaultListMultiplier: LIST_MULTIPLIER },
});

builder.queryType({ description: 'Reads: the org, its coverage, findings and succession.' });
builder.mutationType({ description: 'Writes: every one needs the ADMIN role.' });

/** The builder's type parameters, for helpers that build fields or arguments. */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
