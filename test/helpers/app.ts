import type { ExecutionResult } from 'graphql';
import { createApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { openTestDatabase } from './database.js';

/** The day every test runs on, so answers do not drift with the calendar. */
export const TODAY = '2026-11-23';
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface GqlOptions {
  /** Bearer token; defaults to the bootstrap admin token. `null` sends none. */
  token?: string | null;
}

/**
 * The real app on a real database of the test file's own, plus a `gql()` caller that goes
 * through HTTP handling (app.fetch) exactly as a client would.
 */
export async function startTestApp(env: Record<string, string> = {}) {
  const statements: string[] = [];
  const database = await openTestDatabase((sql) => statements.push(sql));
  const config: Config = loadConfig({ ORGRAPH_ADMIN_TOKEN: ADMIN_TOKEN, ...env });
  const app = createApp({ database, config, today: () => TODAY });

  async function gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    { token = ADMIN_TOKEN }: GqlOptions = {},
  ): Promise<ExecutionResult<T> & { status: number }> {
    const response = await app.fetch('http://orgraph.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { ...((await response.json()) as ExecutionResult<T>), status: response.status };
  }

  /** Like gql() but fails the test on any GraphQL error, returning `data`. */
  async function data<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: GqlOptions = {},
  ): Promise<T> {
    const result = await gql<T>(query, variables, options);
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors, null, 2));
    return result.data as T;
  }

  return { app, database, config, statements, gql, data, close: () => database.drop() };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
