import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, poolMaxPerWorker, SERVER_CONNECTIONS } from '../../src/server/config.js';
import { adminQuery } from '../helpers/database.js';
import { gql, run, type Server, startServer } from './processes.js';

const serverUrl = process.env.DATABASE_URL;
const POOL_MAX = 3;
const HOLDERS = 4;
const name = `orgraph_pool_${randomBytes(5).toString('hex')}`;
const CREATE = `mutation ($input: CreatePersonInput!) {
  createPerson(input: $input) { person { email } userErrors { code } }
}`;

describe('ORGRAPH_DB_POOL_MAX', () => {
  it("defaults to a share of the server's connections by worker count", () => {
    expect([1, 2, 3, 4, 6, 8, 11, 12, 16, 64].map(poolMaxPerWorker)).toEqual([
      10, 10, 7, 5, 3, 2, 1, 1, 1, 1,
    ]);
    // With its LISTEN connection each: within the server's share up to 12 workers.
    for (let workers = 1; workers <= 12; workers++) {
      expect(workers * (poolMaxPerWorker(workers) + 1)).toBeLessThanOrEqual(SERVER_CONNECTIONS);
    }
    const url = { DATABASE_URL: 'postgres://orgraph@db.invalid/orgraph' };
    expect(loadConfig({ ...url, ORGRAPH_WORKERS: '8' }).poolMax).toBe(2);
    expect(loadConfig({ ...url, ORGRAPH_WORKERS: '8', ORGRAPH_DB_POOL_MAX: '6' }).poolMax).toBe(6);
  });

  it('defaults to 10 for one process and takes a positive integer', () => {
    expect(loadConfig({}).poolMax).toBe(10);
    expect(loadConfig({ ORGRAPH_DB_POOL_MAX: '4' }).poolMax).toBe(4);
    for (const bad of ['0', '-1', '2.5', 'many']) {
      expect(() => loadConfig({ ORGRAPH_DB_POOL_MAX: bad })).toThrow(
        /^Bad setting ORGRAPH_DB_POOL_MAX:/,
      );
    }
  });

  it('stops the server start when bad: exit 2, naming the variable', async () => {
    const start = run('node', ['dist/server/main.js'], { ORGRAPH_DB_POOL_MAX: '0' });
    expect(await start.exited).toBe(2);
    expect(start.output()).toMatch(/^orgraph could not start: Bad setting ORGRAPH_DB_POOL_MAX:/);
  });
});

// PostgreSQL only: the embedded PGlite is one connection inside the process.
describe.skipIf(!serverUrl)('the pool under load (PostgreSQL only: set DATABASE_URL)', () => {
  // The describe's body runs even when skipped: without a server, a placeholder.
  const url = new URL(serverUrl ?? 'postgres://skipped');
  url.pathname = `/${name}`;
  const holders: pg.Client[] = [];
  let observer: pg.Client;
  let server: Server;

  beforeAll(async () => {
    await adminQuery(serverUrl as string, `create database ${name}`);
    // Other clients of the same database, holding their connections throughout.
    for (let n = 0; n < HOLDERS; n += 1) {
      const holder = new pg.Client({ connectionString: url.toString() });
      await holder.connect();
      holders.push(holder);
    }
    // Watches from the server's own database, so it is none of the counted connections.
    observer = new pg.Client({ connectionString: serverUrl });
    await observer.connect();
    server = await startServer({
      DATABASE_URL: url.toString(),
      ORGRAPH_WORKERS: '1',
      ORGRAPH_DB_POOL_MAX: String(POOL_MAX),
    });
  });
  afterAll(async () => {
    await server?.stop();
    await Promise.all(holders.map((holder) => holder.end()));
    await observer?.end();
    await adminQuery(serverUrl as string, `drop database if exists ${name} with (force)`);
  });

  /** The server's connections to its database: the pool's, and its LISTEN (if open). */
  async function serverConnections() {
    const pids = await Promise.all(
      holders.map(async (h) => (await h.query('select pg_backend_pid() as pid')).rows[0].pid),
    );
    const { rows } = await observer.query(
      `select count(*) filter (where query not ilike 'listen %')::int as pool,
              count(*) filter (where query ilike 'listen %')::int as listen
         from pg_stat_activity where datname = $1 and pid <> all($2::int[])`,
      [name, pids],
    );
    return rows[0] as { pool: number; listen: number };
  }

  it('never opens more than its limit, and answers every request', async () => {
    let running = true;
    const peak = { pool: 0, listen: 0 };
    const watching = (async () => {
      while (running) {
        const now = await serverConnections();
        peak.pool = Math.max(peak.pool, now.pool);
        peak.listen = Math.max(peak.listen, now.listen);
      }
    })();
    // Each write holds a connection while it waits for the org write lock: 24 at once ask
    // the pool for far more than its limit.
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, n) =>
        gql(server.url, CREATE, { input: { email: `p${n}@example.com`, name: `Person ${n}` } }),
      ),
    );
    running = false;
    await watching;
    expect(answers.filter((a) => a.errors || a.data.createPerson.userErrors.length)).toEqual([]);
    // The limit reached, never passed; the LISTEN connection (opened with the first stream)
    // is the one beyond it.
    expect(peak.pool).toBe(POOL_MAX);
    expect(peak.listen).toBeLessThanOrEqual(1);
    const stored = await adminQuery(url.toString(), 'select count(*)::int as n from person');
    expect(stored).toEqual([{ n: 24 }]);
  });
});
