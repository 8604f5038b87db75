import { brandWithType } from '@pothos/core';
import { decodeGlobalID, resolveNodes } from '@pothos/plugin-relay';
import { ForbiddenError } from '@pothos/plugin-scope-auth';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { Day } from '../core/org/state.js';
import { accessError, authorize } from './access.js';
import { asOfArg } from './args.js';
import { atMost } from './bounds.js';
import { builder, MAX_PAGE_SIZE, refusal } from './builder.js';
import type { Context } from './context.js';
import { rowId } from './node-id.js';
import { onDay } from './on-day.js';

/**
 * `node` and `nodes`, written here rather than taken from the relay plugin, whose id argument
 * fails the whole request on one malformed id. An id answers null, in its place, when it is
 * malformed or names nothing; one naming what the caller may not read is refused there
 * (FORBIDDEN, as every confidential read outside a role or scope is: SPEC §4, never silently
 * empty). A scoped caller's refusal does not tell "exists but not yours" from "does not
 * exist": an id of a confidential type naming nothing is refused alike, so probing ids
 * counts nothing confidential.
 */
async function readableNodes(
  ids: readonly string[],
  day: Day | null | undefined,
  context: Context,
  info: GraphQLResolveInfo,
) {
  const field = `Query.${info.fieldName}`;
  const refs = await Promise.all(ids.map((id) => readableRef(id, context, field)));
  const found = refs.map((ref) => (ref instanceof GraphQLError ? null : ref));
  const nodes = await resolveNodes(builder, context, info, found);
  return Promise.all(
    nodes.map(async (node, i) => {
      const ref = refs[i];
      if (ref == null || ref instanceof GraphQLError) return ref ?? null;
      const refused = await refusalOf(ref.typename, node, context, field);
      if (refused) return refused;
      if (node == null || !existsOn(ref.typename, node, day ?? context.today)) return null;
      return day == null ? node : nodeOnDay(node as object, ref.typename, day);
    }),
  );
}

/**
 * Whether a loaded node is there on `day`, by its type's `extensions.existsOn` (an open role
 * before it opened, an AoR before its creation, name nothing: the lists of that day leave
 * them out).
 */
function existsOn(typename: string, node: unknown, day: Day): boolean {
  const { extensions } = builder.configStore.getTypeConfig(typename, 'Object');
  const test = extensions?.existsOn as ((node: unknown, day: Day) => boolean) | undefined;
  return test ? test(node, day) : true;
}

/** A loaded node answered for `day`, still marked with its type for the `Node` interface. */
function nodeOnDay(node: object, typename: string, day: Day) {
  const dated = onDay(node, day);
  brandWithType(dated, typename as never);
  return dated;
}

/**
 * The node type and row key an id names; the refusal when the caller's role may not read that
 * type (before any database work); null when it is no id of a node.
 */
async function readableRef(id: string, context: Context, field: string) {
  let typename: string;
  let key: string;
  try {
    ({ typename, id: key } = decodeGlobalID(id));
    if (!isNodeType(typename)) return null;
  } catch {
    return null; // not a global id, or of no type of the schema
  }
  const scopes = scopesOf(typename);
  if (scopes && typeof scopes !== 'function') {
    const refused = await refusalOfScopes(scopes, context, field);
    if (refused) return refused;
  }
  // Every node type is keyed by an integer row id (see node-id.ts).
  return { typename, id: rowId.parse(key) };
}

function isNodeType(typename: string): boolean {
  const { interfaces } = builder.configStore.getTypeConfig(typename, 'Object');
  const node: unknown = builder.nodeInterfaceRef();
  return interfaces.some((ref) => ref === node);
}

/** The type's own `authScopes` (scope-auth), e.g. `{ planner: true }` on SuccessionCandidate. */
function scopesOf(typename: string) {
  return builder.configStore.getTypeConfig(typename, 'Object').pothosOptions.authScopes;
}

/**
 * The refusal of a loaded node whose scopes depend on the object itself (a function of it: a
 * scenario, a candidacy, judged by the units it reveals), or of such an id naming nothing
 * when the caller is scoped or below their PLANNER role (the confidential types' own), which
 * is refused as one outside the scope would be.
 */
async function refusalOf(typename: string, node: unknown, context: Context, field: string) {
  const scopes = scopesOf(typename);
  if (typeof scopes !== 'function') return null;
  const { viewer } = context;
  if (node != null) {
    const map = await scopes(node, context);
    if (typeof map !== 'boolean') return refusalOfScopes(map, context, field);
    return map ? null : accessError({ kind: 'ROLE', role: viewer.role ?? 'VIEWER' }, field);
  }
  const denial =
    authorize(viewer, { role: 'PLANNER' }) ??
    (viewer.scope ? { kind: 'SCOPE' as const, scope: viewer.scope.slug } : null);
  return denial && accessError(denial, field);
}

async function refusalOfScopes(
  scopes: Parameters<typeof builder.runAuthScopes>[1],
  context: Context,
  field: string,
) {
  try {
    await builder.runAuthScopes(context, scopes);
    return null;
  } catch (error) {
    if (error instanceof ForbiddenError) return refusal(error.result, context.viewer, field);
    throw error;
  }
}

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description:
      'Any object by its global id (null when it names nothing; FORBIDDEN when you may not read it).',
    authScopes: { viewer: true },
    args: { id: t.arg.id({ required: true, description: 'A global id.' }), asOf: asOfArg(t.arg) },
    resolve: async (_root, { id, asOf }, context, info) => {
      const [answer] = await readableNodes([String(id)], asOf, context, info);
      if (answer instanceof GraphQLError) throw answer;
      return answer ?? null;
    },
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description:
      'Objects by their global ids, in order (null for an id that names nothing, an error in its place for one you may not read).',
    authScopes: { viewer: true },
    // Priced as its ids: one scenario's evaluation through `nodes` costs what it does through `node`.
    complexity: ({ ids }) => ({ field: 1, multiplier: ids.length }),
    args: {
      ids: t.arg.idList({
        required: true,
        description: `Global ids, at most ${MAX_PAGE_SIZE} (a page).`,
        ...atMost(MAX_PAGE_SIZE, 'ids'),
      }),
      asOf: asOfArg(t.arg),
    },
    resolve: (_root, { ids, asOf }, context, info) =>
      readableNodes(ids.map(String), asOf, context, info),
  }),
}));
