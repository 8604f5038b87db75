/** Timing helpers of the bench: medians of repeated runs after a warm-up. */
import { Agent, request } from 'node:http';

export const RUNS = 15;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Untimed calls first (caches, the snapshot, and above all the JIT): at least three, for at
 * least this long. A server answers all day; a few calls leave a millisecond query in code
 * not yet optimised, twice as slow as it will run (measured: 1.4 ms falling to 0.7 ms).
 */
const WARM_UP_MS = 2_000;

/** The median of `runs` timed calls, after warming up (`WARM_UP_MS`). */
export async function timeWarm(run: () => Promise<unknown>, runs = RUNS): Promise<number> {
  const warmUntil = performance.now() + WARM_UP_MS;
  for (let i = 0; i < 3 || performance.now() < warmUntil; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/**
 * The median time of `measured` right after an untimed `before` (a write), and of the same
 * call just before it (`without`), run after run: the two medians are compared on the
 * machine as it was at each moment, not minutes apart.
 */
export async function timeAfter(
  before: (i: number) => Promise<unknown>,
  measured: () => Promise<unknown>,
  runs: number,
): Promise<{ after: number; without: number }> {
  const after: number[] = [];
  const without: number[] = [];
  const timed = async (into: number[]) => {
    const start = performance.now();
    await measured();
    into.push(performance.now() - start);
  };
  for (let i = 0; i < runs; i++) {
    await timed(without);
    await before(i);
    await timed(after);
  }
  return { after: median(after), without: median(without) };
}

/**
 * A GraphQL client of one server (orgraph's with its token, the peer's without): throws on
 * any error, so a timing never hides one. Plain `node:http` over one kept-alive connection:
 * the client's own work is part of every figure, and `fetch`'s is about a millisecond more
 * a request on this machine, as much as a whole drill-down's server time.
 */
export function graphqlClient(port: number, token?: string) {
  const ask = graphqlText(port, token);
  return async (query: string, variables: Record<string, unknown> = {}) => {
    const body = JSON.parse(await ask(query, variables)) as {
      // biome-ignore lint/suspicious/noExplicitAny: each bench reads the fields it asked for.
      data?: any;
      errors?: unknown;
    };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    return body.data;
  };
}

/**
 * A load generator's client: it reads each whole answer but checks it by its first bytes
 * instead of parsing it — an answer with errors opens with them, before its data (graphql-js'
 * order). At L a tree is 2.8 MB of JSON, whose parse cost the client 14–35 ms of the cores it
 * shares with the server it loads.
 */
export function graphqlLoadClient(port: number, token?: string) {
  const ask = graphqlText(port, token);
  return async (query: string, variables: Record<string, unknown> = {}) => {
    const text = await ask(query, variables);
    if (!text.startsWith('{"data":')) throw new Error(text.slice(0, 500));
  };
}

/** A GraphQL request's answer as text, over one kept-alive connection of its own. */
function graphqlText(port: number, token: string | undefined) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return (query: string, variables: Record<string, unknown>) =>
    post(agent, port, token, JSON.stringify({ query, variables }));
}

/** `GET /metrics` of a server, as Prometheus scrapes it: its text. */
export function metricsClient(port: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return () => send(agent, port, { path: '/metrics', method: 'GET', headers: {} });
}

function post(agent: Agent, port: number, token: string | undefined, body: string) {
  const headers = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...(token && { authorization: `Bearer ${token}` }),
  };
  return send(agent, port, { path: '/graphql', method: 'POST', headers }, body);
}

interface Sent {
  path: string;
  method: string;
  headers: Record<string, string | number>;
}

function send(agent: Agent, port: number, { path, method, headers }: Sent, body?: string) {
  return new Promise<string>((resolve, reject) => {
    const options = { host: '127.0.0.1', port, path, method, agent, headers };
    const sent = request(options, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

/**
 * Requests a second with `clients` connections asking `run`-made clients back to back for at
 * least `ms` (and until each has answered three times: a slow query is not judged on one).
 */
export async function throughput(
  client: () => (query: string, variables?: Record<string, unknown>) => Promise<unknown>,
  query: string,
  variables: Record<string, unknown> | undefined,
  clients: number,
  ms: number,
): Promise<number> {
  const start = performance.now();
  const until = start + ms;
  let done = 0;
  const loops = Array.from({ length: clients }, async () => {
    const ask = client();
    for (let mine = 0; mine < 3 || performance.now() < until; mine++) {
      await ask(query, variables);
      done++;
    }
  });
  await Promise.all(loops);
  return (done * 1000) / (performance.now() - start);
}
