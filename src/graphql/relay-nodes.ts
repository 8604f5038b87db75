import { decodeGlobalID, resolveNodes } from '@pothos/plugin-relay';
import type { GraphQLResolveInfo } from 'graphql';
import { atMost } from './bounds.js';
import { builder, MAX_PAGE_SIZE } from './builder.js';
import type { Context } from './context.js';
import { rowId } from './node-id.js';

/**
 * `node` and `nodes`, written here rather than taken from the relay plugin, whose id argument
 * fails the whole request on one malformed id: an id that is malformed or names no object
 * answers null, in its place, as `[Node]!` promises.
 */
async function nodeOrNull(id: string, context: Context, info: GraphQLResolveInfo) {
  try {
    const { typename, id: key } = decodeGlobalID(id);
    // Every node type is keyed by an integer row id (see node-id.ts).
    const [node] = await resolveNodes(builder, context, info, [{ typename, id: rowId.parse(key) }]);
    return node ?? null;
  } catch {
    return null;
  }
}

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'Any object by its global id (null when it names nothing).',
    authScopes: { viewer: true },
    args: { id: t.arg.id({ required: true, description: 'A global id.' }) },
    resolve: (_root, { id }, context, info) => nodeOrNull(String(id), context, info),
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: 'Objects by their global ids, in order (null for an id that names nothing).',
    authScopes: { viewer: true },
    args: {
      ids: t.arg.idList({
        required: true,
        description: `Global ids, at most ${MAX_PAGE_SIZE} (a page).`,
        ...atMost(MAX_PAGE_SIZE, 'ids'),
      }),
    },
    // One call per id in the same tick: the node loaders still batch them by type.
    resolve: (_root, { ids }, context, info) =>
      Promise.all(ids.map((id) => nodeOrNull(String(id), context, info))),
  }),
}));
