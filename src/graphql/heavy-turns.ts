import SchemaBuilder, {
  BasePlugin,
  type PothosOutputFieldConfig,
  type SchemaTypes,
} from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import type { Context } from './context.js';
import { noLongerSmall } from './turn-budget.js';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      heavyTurns: HeavyTurnsPlugin<Types>;
    }
  }
}

let lastTurn: Promise<void> = Promise.resolve();

/**
 * Resolves in an event-loop turn of its own, once every heavy field asked before has had
 * its turn. A heavy analysis computes for a few hundred milliseconds without awaiting
 * anything; three in one request, or in three requests, would otherwise run back to back
 * and `/health`, `/ready` and every light request would wait for all of them.
 */
function nextTurn(): Promise<void> {
  const turn = lastTurn.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
  lastTurn = turn;
  return turn;
}

/** Makes each field marked `extensions: { heavy: true }` (see `heavy()`) wait its turn. */
class HeavyTurnsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (fieldConfig.extensions?.heavy !== true) return resolver;
    return async (parent, args, context, info) => {
      // Not a small read: the trees' slices need not wait for it (turn-budget.ts).
      noLongerSmall(context as object);
      // The org's snapshot first: were its loading awaited inside the turn, the turn would
      // pass on before the computing starts, and the computations run back to back again.
      await (context as Context).org.ready();
      await nextTurn();
      return resolver(parent, args, context, info);
    };
  }
}

SchemaBuilder.registerPlugin('heavyTurns', HeavyTurnsPlugin);

export default 'heavyTurns' as const;
