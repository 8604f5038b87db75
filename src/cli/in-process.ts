import { type ExecutionResult, GraphQLError, graphql } from 'graphql';
import { todayUtc } from '../core/org/days.js';
import type { Database } from '../db/database.js';
import { type Context, operatorViewer } from '../graphql/context.js';
import type { Config } from '../server/config.js';
import { describeFailure } from '../server/failures.js';
import { OrgSnapshots } from '../store/snapshots.js';
import { answer, type Operator } from './answer.js';
import { cannotRun } from './failures.js';

/** The org in this process: GraphQL run on the database with the operator's rights. */
export function inProcess(database: Database, config: Config, today = todayUtc()): Operator {
  const snapshots = new OrgSnapshots();
  return {
    async ask<T>(source: string, variableValues: Record<string, unknown> = {}) {
      const contextValue: Context = {
        db: database.db,
        viewer: operatorViewer('cli'),
        today,
        org: snapshots.forRequest(database.db),
        store: snapshots,
      };
      const { schema } = await import('../graphql/schema.js');
      const result = await graphql({ schema, source, variableValues, contextValue });
      // A resolver that threw something other than a GraphQLError met a fault, not bad input.
      const fault = result.errors?.find(
        (e) => e.path && e.originalError && !(e.originalError instanceof GraphQLError),
      );
      if (fault) throw cannotRun(describeFailure(fault.originalError, config).line);
      return answer(result as ExecutionResult<T>);
    },
    close: () => database.close(),
  };
}
