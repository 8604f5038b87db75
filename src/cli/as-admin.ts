import { type ExecutionResult, graphql } from 'graphql';
import type { Config } from '../config.js';
import { createContext } from '../context.js';
import type { Database } from '../db/client.js';
import { OrgSnapshots } from '../org/snapshots.js';
import type { Day } from '../org/state.js';
import { schema } from '../schema.js';

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
  const contextValue = createContext({
    db: database.db,
    config,
    viewer: { role: 'ADMIN', tokenName: 'cli' },
    today,
    snapshots: new OrgSnapshots(),
  });
  const result = (await graphql({
    schema,
    source,
    variableValues,
    contextValue,
  })) as ExecutionResult<T>;
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.data as T;
}
