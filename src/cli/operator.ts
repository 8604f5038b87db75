import { type ExecutionResult, GraphQLError, type GraphQLFormattedError, graphql } from 'graphql';
import { todayUtc } from '../core/org/days.js';
import type { Database } from '../db/client.js';
import { openAsWriter } from '../db/open.js';
import { type Context, operatorViewer } from '../graphql/context.js';
import type { Config } from '../server/config.js';
import { FolderInUse } from '../server/data-lock.js';
import { describeFailure } from '../server/failures.js';
import { OrgSnapshots } from '../store/snapshots.js';
import { badInput, cannotRun } from './failures.js';

/**
 * How a CLI command reaches the org: every command is GraphQL run with the operator's
 * rights (token name "cli"), in this process on the database, or through the running
 * server that holds the embedded folder. Either way the writes go through the very same
 * validation, transaction and audit log as the API's.
 */
export interface Operator {
  /** Runs one operation; a GraphQL error is thrown as a CliFailure (bad input, or cannot run). */
  ask<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

// Errors that say "the request is wrong"; any other (a fault, masked or not) is "cannot run".
const INPUT_CODES = new Set([
  undefined,
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
]);

function answer<T>(result: ExecutionResult<T> | { errors?: readonly GraphQLFormattedError[] }): T {
  const [error] = result.errors ?? [];
  if (!error) return (result as ExecutionResult<T>).data as T;
  const code = error.extensions?.code as string | undefined;
  if (INPUT_CODES.has(code)) throw badInput(error.message);
  throw cannotRun(error.message);
}

export function inProcess(database: Database, config: Config, today = todayUtc()): Operator {
  const snapshots = new OrgSnapshots();
  return {
    async ask<T>(source: string, variableValues: Record<string, unknown> = {}) {
      const contextValue: Context = {
        db: database.db,
        config,
        viewer: operatorViewer('cli'),
        today,
        org: snapshots.forRequest(database.db),
        store: snapshots,
      };
      // Loaded here: a command sent through the running server never needs the schema.
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

// A server that accepts the connection but never answers (stopped, wedged) is given up on.
const SERVER_TIMEOUT_MS = 120_000;

export function throughServer(url: string, token: string): Operator {
  return {
    async ask<T>(query: string, variables: Record<string, unknown> = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(SERVER_TIMEOUT_MS),
      }).catch((error) => {
        throw cannotRun(
          `the orgraph server holding the data folder does not answer at ${url} (${error.cause?.code ?? error.message}): restart it`,
        );
      });
      return answer<T>(await response.json());
    },
    close: async () => {},
  };
}

/**
 * The operator for a command: PostgreSQL in-process; the embedded folder in-process while
 * this command holds its lock, or through the server that holds it. `today` pins the day
 * the command runs on; a server answers for its own today, so it cannot be pinned there:
 * refused, unless the day is only `preferred` (the server's today then does).
 */
export async function connect(
  config: Config,
  command: string,
  today?: string,
  { preferred = false } = {},
): Promise<Operator> {
  try {
    return inProcess(await openAsWriter(config, `CLI (org ${command})`), config, today);
  } catch (error) {
    const owner = error instanceof FolderInUse ? error.owner : null;
    if (!owner?.url || !owner.token) throw error;
    if (today && !preferred) {
      const holder = `the server at ${owner.url} holds ${config.dataDir}`;
      throw badInput(`--today cannot be used while ${holder}: it runs on its own today`);
    }
    return throughServer(owner.url, owner.token);
  }
}
