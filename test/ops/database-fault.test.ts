import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, type Server, startServer } from './processes.js';

// PostgreSQL only: the fault is a server dropping its clients' connections, which the
// embedded PGlite (in the server's own process) cannot do.
const serverUrl = process.env.DATABASE_URL;
const name = `orgraph_ops_${randomBytes(5).toString('hex')}`;

/** Runs one statement on the server (on `database`, else the one DATABASE_URL names). */
async function admin(statement: string, values: unknown[] = [], database?: string) {
  const url = new URL(serverUrl as string);
  if (database) url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query(statement, values)).rows;
  } finally {
    await client.end();
  }
}

/** What pg_terminate_backend does to the server's connections is what a restart does. */
const terminateBackends = async () =>
  (
    await admin(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    )
  ).length;

const CREATE = `mutation ($input: CreatePersonInput!) {
  createPerson(input: $input) { person { email } userErrors { code } }
}`;
const READ =
  '{ coverage { benchStrength byLayer { layer units } } changes(first: 1) { totalCount } }';

interface Tally {
  acknowledged: string[];
  failed: number;
  unclean: string[];
  slowestMs: number;
}

/** Sends requests in a loop until `running()` is false; sorts each outcome into the tally. */
async function load(url: string, tally: Tally, running: () => boolean, writer: number) {
  for (let n = 0; running(); n += 1) {
    const email = `w${writer}-${n}@example.com`;
    const started = Date.now();
    const write = writer >= 0;
    const outcome = await (write
      ? gql(url, CREATE, { input: { email, name: `Writer ${writer} ${n}` } })
      : gql(url, READ)
    ).catch((error: Error) => ({ status: 0, errors: [{ message: error.message }], data: null }));
    tally.slowestMs = Math.max(tally.slowestMs, Date.now() - started);
    const code = outcome.errors?.[0]?.extensions?.code;
    if (!outcome.errors && (!write || outcome.data.createPerson.userErrors.length === 0)) {
      if (write) tally.acknowledged.push(email);
    } else if (code === 'DATABASE_UNAVAILABLE' || outcome.data?.createPerson?.userErrors?.length) {
      tally.failed += 1;
    } else tally.unclean.push(JSON.stringify(outcome));
  }
}

async function readyStatus(url: string): Promise<number> {
  return (await fetch(`${url}/ready`)).status;
}

describe.skipIf(!serverUrl)(
  'a database fault under load (PostgreSQL only: set DATABASE_URL)',
  () => {
    let server: Server;
    beforeAll(async () => {
      await admin(`create database ${name}`);
      const url = new URL(serverUrl as string);
      url.pathname = `/${name}`;
      server = await startServer({
        DATABASE_URL: url.toString(),
        ORGRAPH_DB_CONNECT_TIMEOUT_MS: '2000',
      });
    });
    afterAll(async () => {
      await server?.stop();
      await admin(`drop database if exists ${name} with (force)`);
    });

    it('costs a few clean failures, never the process or an acknowledged write', async () => {
      const tally: Tally = { acknowledged: [], failed: 0, unclean: [], slowestMs: 0 };
      let running = true;
      const clients = [0, 1, 2, 3, -1, -2].map((w) => load(server.url, tally, () => running, w));

      // Connections cut mid-load, three times, as a restart cuts them.
      let terminated = 0;
      for (let round = 0; round < 3; round += 1) {
        await sleep(1_000);
        terminated += await terminateBackends();
      }
      // Then an outage that lasts: the database refuses connections for two seconds.
      await admin(`alter database ${name} allow_connections false`);
      terminated += await terminateBackends();
      await sleep(300);
      const readyDuringOutage = await readyStatus(server.url);
      await sleep(1_700);
      await admin(`alter database ${name} allow_connections true`);
      const back = Date.now();
      let recoveryMs = 0;
      while ((await readyStatus(server.url)) !== 200) await sleep(50);
      recoveryMs = Date.now() - back;
      await sleep(500);
      running = false;
      await Promise.all(clients);

      console.info(
        `database fault: ${terminated} connections terminated in 4 rounds; ` +
          `${tally.acknowledged.length} writes acknowledged, ${tally.failed} requests failed cleanly, ` +
          `slowest answer ${tally.slowestMs} ms; /ready back ${recoveryMs} ms after the database`,
      );
      expect(server.child.exitCode).toBeNull();
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      expect(terminated).toBeGreaterThan(0);
      expect(tally.unclean).toEqual([]);
      expect(tally.failed).toBeGreaterThan(0);
      expect(readyDuringOutage).toBe(503);
      expect(tally.slowestMs).toBeLessThan(10_000);
      const stored = await admin(
        'select email from person where email = any($1)',
        [tally.acknowledged],
        name,
      );
      expect(stored.length).toBe(tally.acknowledged.length);
      // And it serves again by itself.
      const after = await gql(server.url, CREATE, {
        input: { email: 'after@example.com', name: 'After' },
      });
      expect(after.data.createPerson.userErrors).toEqual([]);
      // Everything it said meanwhile is a JSON log line, the lost connections included.
      const lines = server.output().trim().split('\n');
      const notJson = lines.filter((line) => {
        try {
          return typeof JSON.parse(line) !== 'object';
        } catch {
          return true;
        }
      });
      expect(notJson).toEqual([]);
      expect(lines.some((line) => /database connection lost/.test(line))).toBe(true);
    }, 120_000);

    it('serves /metrics in an outage before its org gauges were ever worked out: without them', async () => {
      // A server of its own, its org read by one request but never scraped.
      const url = new URL(serverUrl as string);
      url.pathname = `/${name}`;
      const fresh = await startServer({ DATABASE_URL: url.toString() });
      try {
        expect((await gql(fresh.url, READ)).errors).toBeUndefined();
        await admin(`alter database ${name} allow_connections false`);
        await terminateBackends();
        const scrape = await fetch(`${fresh.url}/metrics`);
        const text = await scrape.text();
        // It answered 503 for all of it: the counters an outage is read by went with them.
        expect(scrape.status).toBe(200);
        expect(text).toMatch(/^orgraph_graphql_requests_total\{/m);
        expect(text).not.toMatch(/^orgraph_units\{/m);
        // Nor a value that is none: bench strength 0 would fire a low-bench alert.
        expect(text).not.toMatch(/^orgraph_(bench_strength|org_gauges_version|org_version) /m);
      } finally {
        await admin(`alter database ${name} allow_connections true`);
        await fresh.stop();
      }
      // Back, the gauges are told again.
      expect(await (await fetch(`${server.url}/metrics`)).text()).toMatch(/^orgraph_units\{/m);
    }, 60_000);
  },
);
