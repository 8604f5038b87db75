import { brandWithType } from '@pothos/core';
import { decodeGlobalID, resolveNodes } from '@pothos/plugin-relay';
import { ForbiddenError } from '@pothos/plugin-scope-auth';
import type { GraphQLResolveInfo } from 'graphql';
import type { Day } from '../core/org/state.js';
import { asOfArg } from './args.js';
import { atMost } from './bounds.js';
import { builder, LIST_MULTIPLIER, MAX_PAGE_SIZE } from './builder.js';
import type { Context } from './context.js';
import { rowId } from './node-id.js';
import { onDay } from './on-day.js';

/**
 * `node` and `nodes`, written here rather than taken from the relay plugin, whose id argument
 * fails the whole request on one malformed id. An id answers null, in its place, when it is
 * malformed, names nothing, or names an object the caller may not read: "exists but not
 * yours" and "does not exist" look the same, so probing ids counts nothing confidential.
 */
async function readableNodes(
  ids: readonly string[],
  day: Day | null | undefined,
  context: Context,
  info: GraphQLResolveInfo,
) {
  const refs = await Promise.all(ids.map((id) => readableRef(id, context)));
  const nodes = await resolveNodes(builder, context, info, refs);
  return Promise.all(
    nodes.map(async (node, i) => {
      const typename = refs[i]?.typename;
      if (node == null || typename === undefined) return null;
      if (!(await mayReadObject(typename, node, context))) return null;
      if (!existsOn(typename, node, day ?? context.today)) return null;
      return day == null ? node : nodeOnDay(node as object, typename, day);
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

/** The node type and row key an id names, when the caller's role may read that type. */
async function readableRef(id: string, context: Context) {
  let typename: string;
  let key: string;
  try {
    ({ typename, id: key } = decodeGlobalID(id));
    if (!isNodeType(typename)) return null;
  } catch {
    return null; // not a global id, or of no type of the schema
  }
  const scopes = scopesOf(typename);
  // A type closed to the role answers null before any database work.
  if (scopes && typeof scopes !== 'function' && !(await granted(scopes, context))) return null;
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

/** Scopes that depend on the object itself (a function of it) are checked once it is loaded. */
async function mayReadObject(typename: string, node: unknown, context: Context) {
  const scopes = scopesOf(typename);
  if (typeof scopes !== 'function') return true;
  const map = await scopes(node, context);
  return typeof map === 'boolean' ? map : granted(map, context);
}

async function granted(scopes: Parameters<typeof builder.runAuthScopes>[1], context: Context) {
  try {
    await builder.runAuthScopes(context, scopes);
    return true;
  } catch (error) {
    if (error instanceof ForbiddenError) return false;
    throw error;
  }
}

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'Any object by its global id (null when it names nothing you may read).',
    authScopes: { viewer: true },
    args: { id: t.arg.id({ required: true, description: 'A global id.' }), asOf: asOfArg(t.arg) },
    resolve: async (_root, { id, asOf }, context, info) =>
      (await readableNodes([String(id)], asOf, context, info))[0] ?? null,
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description:
      'Objects by their global ids, in order (null for an id that names nothing you may read).',
    authScopes: { viewer: true },
    // Priced as a page is: ten items at most, fewer when fewer ids are asked (one scenario's
    // evaluation through `nodes` costs what it does through `node`).
    complexity: ({ ids }) => ({ field: 1, multiplier: Math.min(ids.length, LIST_MULTIPLIER) }),
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
