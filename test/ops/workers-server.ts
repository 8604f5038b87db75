import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type Server, startServer } from './processes.js';

const serverUrl = process.env.DATABASE_URL;

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

/**
 * A PostgreSQL database of the describe block's own, made before its tests and dropped after
 * them (hooks registered after this one run before the drop): `url()` is its address.
 */
export function useOpsDatabase() {
  const name = `orgraph_ops_${randomBytes(5).toString('hex')}`;
  beforeAll(() => admin(`create database ${name}`));
  afterAll(() => admin(`drop database if exists ${name} with (force)`));
  return {
    url: () => {
      const url = new URL(serverUrl as string);
      url.pathname = `/${name}`;
      return url.toString();
    },
  };
}

/**
 * The compiled server with ORGRAPH_WORKERS=2 on a PostgreSQL database of its own, started
 * before the describe block's tests and stopped (its database dropped) after them. `env`
 * starts another such server on the same database, for a test that stops its own.
 */
export function useWorkersServer() {
  const database = useOpsDatabase();
  const shared = { server: undefined as unknown as Server, env: {} as Record<string, string> };
  beforeAll(async () => {
    shared.env = { DATABASE_URL: database.url(), ORGRAPH_WORKERS: '2' };
    shared.server = await startServer(shared.env);
  }, 60_000);
  afterAll(() => shared.server?.stop());
  return shared;
}
