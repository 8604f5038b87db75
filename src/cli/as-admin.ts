import { type ExecutionResult, graphql } from 'graphql';
import type { Day } from '../core/org/state.js';
import type { Database } from '../db/client.js';
import { type Context, operatorViewer } from '../graphql/context.js';
import { schema } from '../graphql/schema.js';
import type { Config } from '../server/config.js';
import { OrgSnapshots } from '../store/snapshots.js';

/**
 * Runs one GraphQL operation in-process with the operator's rights, so CLI writes go
 * through the very same validation, transaction and audit log as the API (actor: "cli").
 */
export async function runAsOperator<T = Record<string, unknown>>(
  database: Database,
  config: Config,
  today: Day,
  source: string,
  variableValues: Record<string, unknown> = {},
): Promise<T> {
  const store = new OrgSnapshots();
  const contextValue: Context = {
    db: database.db,
    config,
    viewer: operatorViewer('cli'),
    today,
    org: store.forRequest(database.db),
    store,
  };
  const result = (await graphql({
    schema,
    source,
    variableValues,
    contextValue,
  })) as ExecutionResult<T>;
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.data as T;
}
