import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, isAlive, run, type Server, startServer } from './processes.js';
import { useWorkersServer } from './workers-server.js';

// PostgreSQL only: the embedded database is one process. The compiled server with
// ORGRAPH_WORKERS=2, as an operator runs it: both workers answer on one port, a write through
// one is read through the other within a second, a crashed worker is replaced, SIGTERM
// stops them all, and a start that cannot serve still says so in one line.
const serverUrl = process.env.DATABASE_URL;

/** One connection of its own (kept alive): the primary hands it to one worker for good. */
function connection(url: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const { hostname, port } = new URL(url);
  return {
    agent,
    /** A GraphQL request on this connection, with the request id the worker logs. */
    gql(query: string, variables: Record<string, unknown> = {}, id = randomUUID()) {
      const body = JSON.stringify({ query, variables });
      return new Promise<{ id: string; data?: any; errors?: unknown }>((resolve, reject) => {
        const req = request(
          {
            agent,
            hostname,
            port,
            path: '/graphql',
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${ADMIN}`,
              'x-request-id': id,
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ id, ...JSON.parse(Buffer.concat(chunks).toString()) }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    },
  };
}

/** The worker (pid) whose log line carries this request id. */
function workerOf(server: Server, requestId: string): number | undefined {
  const line = server
    .output()
    .split('\n')
    .find((l) => l.includes(`"requestId":"${requestId}"`));
  return line ? JSON.parse(line).worker : undefined;
}

async function answeredBy(server: Server, c: ReturnType<typeof connection>): Promise<number> {
  const { id, errors } = await c.gql('{ __typename }').catch((error: Error) => {
    throw new Error(`${error.message}; the server said: ${server.output()}`);
  });
  expect(errors).toBeUndefined();
  for (let i = 0; i < 50 && workerOf(server, id) === undefined; i++) await sleep(20);
  return workerOf(server, id) as number;
}

/** Connections until one lands on a worker other than `other`'s. */
async function onAnotherWorker(server: Server, other: number) {
  for (let i = 0; i < 10; i++) {
    const c = connection(server.url);
    if ((await answeredBy(server, c)) !== other) return c;
    c.agent.destroy();
  }
  throw new Error('every connection went to one worker');
}

/** How many times the workers, all told, read the whole org from the database. */
async function loadsOf(server: Server): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return Number(/^orgraph_snapshot_load_duration_seconds_count (\d+)$/m.exec(text)?.[1]);
}

const CREATE = `mutation ($input: CreatePersonInput!) {
  createPerson(input: $input) { userErrors { message } } }`;

describe.skipIf(!serverUrl)('server workers (PostgreSQL only: set DATABASE_URL)', () => {
  const workers = useWorkersServer();
  let server: Server;
  let env: Record<string, string>;
  beforeAll(() => {
    ({ server, env } = workers);
  });

  it('answers on one port from two workers; a write through one is read through the other at once, without reading the org again', async () => {
    expect(server.output()).toMatch(/orgraph listening on .*PostgreSQL, 2 workers/);
    // Started on a new database, it says the org is empty, as one process does (it did not).
    expect(server.output()).toContain(
      'The org is empty: bring yours in with npm run org -- import FILE with the same DATABASE_URL',
    );
    const first = connection(server.url);
    const one = await answeredBy(server, first);
    const second = await onAnotherWorker(server, one);
    // Both workers have loaded the org before the write (their snapshots are warm).
    for (const c of [first, second]) {
      expect((await c.gql('{ coverage { benchStrength } }')).errors).toBeUndefined();
    }
    const loads = await loadsOf(server);

    const email = `w-${randomBytes(3).toString('hex')}@example.com`;
    const written = await first.gql(CREATE, { input: { email, name: 'Written Elsewhere' } });
    expect(written.data.createPerson.userErrors).toEqual([]);
    const wrote = Date.now();
    let seen = false;
    while (!seen && Date.now() - wrote < 1_000) {
      seen =
        (await second.gql('query ($e: String!) { person(email: $e) { name } }', { e: email })).data
          ?.person?.name === 'Written Elsewhere';
    }
    expect(seen).toBe(true);
    // The other worker took the write as a step told by the first: it read no org again.
    expect(await loadsOf(server)).toBe(loads);
    first.agent.destroy();
    second.agent.destroy();
  });

  it("scrapes /metrics of every worker added up, the org's gauges told once", async () => {
    const first = connection(server.url);
    const second = await onAnotherWorker(server, await answeredBy(server, first));
    const team = { slug: 'probe-team', name: 'Probe', layer: 'TEAM', parent: 'probe-area' };
    const document = {
      people: [
        { email: 'em@probe.test', name: 'Em' },
        { email: 'tl@probe.test', name: 'Tl' },
      ],
      units: [
        { slug: 'probe-pillar', name: 'Probe', layer: 'PILLAR' },
        { slug: 'probe-area', name: 'Probe', layer: 'AREA', parent: 'probe-pillar' },
        { ...team, engLead: 'em@probe.test', techLead: 'tl@probe.test' },
      ],
    };
    const imported = await first.gql(
      'mutation ($d: JSONObject!) { importOrg(document: $d) { userErrors { message } } }',
      { d: document },
    );
    expect(imported.data.importOrg.userErrors).toEqual([]);
    for (const c of [first, second, first, second, first]) {
      expect((await c.gql('query WorkerProbe { __typename }')).errors).toBeUndefined();
    }
    const probes = (text: string) =>
      text
        .split('\n')
        .filter((l) => l.startsWith('orgraph_graphql_requests_total{operation="WorkerProbe"'))
        .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
    const teams = (text: string) =>
      /^orgraph_units\{layer="TEAM",status="STAFFED"\} (\d+)$/m.exec(text)?.[1];
    const { coverage } = (await first.gql('{ coverage { byLayer { layer staffed } } }')).data;
    const staffed = String(coverage.byLayer.find((r: any) => r.layer === 'TEAM')?.staffed ?? 0);
    expect(Number(staffed)).toBeGreaterThan(0);
    // Each scrape reaches one worker or the other: every one tells the same totals (the org
    // gauges catch up with the import in the background first).
    await expect
      .poll(async () => teams(await (await fetch(`${server.url}/metrics`)).text()))
      .toBe(staffed);
    for (let i = 0; i < 4; i++) {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      expect(probes(text)).toBe(5);
      expect(teams(text)).toBe(staffed);
      // No client subscribed: each worker's own listener for its store is not counted (it
      // told 2 here).
      expect(text).toMatch(/^orgraph_subscribers 0$/m);
    }
    first.agent.destroy();
    second.agent.destroy();
  });

  it('starts another worker when one crashes, and SIGTERM stops them all', async () => {
    // A server of its own: this test stops it, and the others may run after it (shuffled).
    const server = await startServer(env);
    const c = connection(server.url);
    const crashed = await answeredBy(server, c);
    c.agent.destroy();
    process.kill(crashed, 'SIGKILL');
    await expect.poll(() => server.output(), { timeout: 10_000 }).toMatch(/worker started again/);
    expect(server.output()).toMatch(/a worker ended \(SIGKILL\): starting another/);
    const pids = new Set<number>();
    for (let i = 0; i < 6; i++) {
      const probe = connection(server.url);
      pids.add(await answeredBy(server, probe));
      probe.agent.destroy();
    }
    expect(pids.size).toBe(2);
    expect(pids.has(crashed)).toBe(false);

    expect(await server.stop('SIGTERM')).toBe(0);
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
  }, 60_000);

  it('says in one line that the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = String((taken.address() as { port: number }).port);
    const start = run('node', ['dist/server/main.js'], { ...env, PORT: port });
    const code = await start.exited;
    taken.close();
    expect(code).toBe(3);
    const lines = start.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^orgraph could not start: port ${port} on 127.0.0.1 is already in use`),
    );
  }, 60_000);
});
