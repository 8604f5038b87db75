/**
 * `npm run bench:load [-- M]`: what `npm run bench` leaves out, on one generated org (default
 * M; needs PostgreSQL like it): a coverage trend of 12 monthly and 52 weekly points against
 * the whole tree, timed in interleaved rounds (tree, trend, tree, trend…) with each round's
 * median and the range over rounds, and one of 400 daily points over days on each of which a
 * manager changes (written first, through the API); then the tree's throughput under c=1 and c=4 clients of
 * a server of one worker and one of two, both running, in interleaved rounds (one, two, two,
 * one…), with a person lookup (manager and direct reports) and a name search timed alone and
 * during the c=4 tree load, and each server's memory (its workers included) sampled every
 * 100 ms during each load.
 */
import { addDays, todayUtc } from '../src/core/org/days.js';
import { managerChangedDaily } from './daily-managers.js';
import { graphqlClient, RUNS, timeWarm } from './measure.js';
import { PERSON_QUERY, PERSON_VARIABLES, SEARCH_QUERY } from './queries.js';
import { type BenchServer, startServer } from './server.js';
import { benchDatabase, dropBenchDatabase, importGenerated, type SizeName } from './setup.js';
import { TREE_QUERY } from './tree.js';
import { pct, underLoad } from './under-load.js';

const TOKEN = 'bench-admin-token-0123456789abcdef';
const ROUNDS = 4;
/** Rounds of each server's loads: their range is the figure, not one window. */
const LOAD_ROUNDS = 3;

const trend = (
  every: string,
  days: number,
  to = todayUtc(),
) => `{ coverageTrend(from: "${addDays(to, -days)}",
  to: "${to}", every: ${every}) { on benchStrength findings { severity count }
  byLayer { layer units healthy staffed techLeadManager missingEngLead vacant tlmBeyondThreshold hiring } } }`;

type Gql = ReturnType<typeof graphqlClient>;
const range = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;

/** Rounds of A then B, each a median of warm runs: A/B/A/B, so drift hits both alike. */
async function interleaved(a: () => Promise<unknown>, b: () => Promise<unknown>) {
  const as: number[] = [];
  const bs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    as.push(await timeWarm(a, RUNS));
    bs.push(await timeWarm(b, RUNS));
  }
  return { a: as, b: bs };
}

/** The trends against the tree, and the small reads alone: on the one-worker server. */
async function alone(gql: Gql) {
  await managerChangedDaily(gql, 400);
  for (const [name, query] of [
    ['trend, 12 monthly', trend('MONTH', 334)],
    ['trend, 52 weekly', trend('WEEK', 357)],
    ['trend, 400 daily, a manager changed each day', trend('DAY', 399, addDays(todayUtc(), 400))],
  ] as const) {
    const { a, b } = await interleaved(
      () => gql(TREE_QUERY),
      () => gql(query),
    );
    const ratios = a.map((tree, i) => (b[i] ?? NaN) / tree);
    console.log(`${name}: ${range(b)} ms; tree ${range(a)} ms; trend / tree ${range(ratios)}`);
  }
  const person = await timeWarm(() => gql(PERSON_QUERY, PERSON_VARIABLES), 31);
  const search = await timeWarm(() => gql(SEARCH_QUERY), 31);
  console.log(
    `person lookup p50 alone ${person.toFixed(2)} ms; name search ${search.toFixed(2)} ms`,
  );
  return person;
}

type Load = Awaited<ReturnType<typeof underLoad>>;

/**
 * Both servers loaded in turn, round after round (the order flipped each round), so a
 * change in the machine's speed falls on both: each load's figures by server and clients.
 */
async function loadRounds(servers: BenchServer[]) {
  const loads = new Map<string, Load[]>();
  for (let round = 0; round < LOAD_ROUNDS; round++) {
    for (const clients of [1, 4]) {
      const order = round % 2 ? [...servers.keys()].reverse() : [...servers.keys()];
      for (const i of order) {
        const server = servers[i] as BenchServer;
        const probe = clients === 4 ? graphqlClient(server.port, TOKEN) : undefined;
        const load = await underLoad([server.port], TOKEN, clients, server.rssMb, probe);
        const key = `${i + 1} worker(s), c=${clients}`;
        loads.set(key, [...(loads.get(key) ?? []), load]);
      }
    }
  }
  return loads;
}

/** Each load's figures; a person lookup's p99 during it also ÷ its p50 alone (goal ≤ 5). */
function printLoads(loads: Map<string, Load[]>, personAlone: number) {
  for (const [key, rounds] of loads) {
    const p99s = rounds.map((r) => pct(r.probes, 0.99));
    const probes = rounds[0]?.probes.length
      ? `; person lookup during it p50 ${range(rounds.map((r) => pct(r.probes, 0.5)))} / p99 ${range(p99s)} ms (p99 ÷ p50 alone ${range(p99s.map((p99) => p99 / personAlone))})`
      : '';
    const rss = rounds.flatMap((r) => r.rss);
    console.log(
      `${key}: tree ${range(rounds.map((r) => r.perSecond))}/s; RSS ${range(rss)} MB${probes}`,
    );
  }
  const one = loads.get('1 worker(s), c=4') ?? [];
  const two = loads.get('2 worker(s), c=4') ?? [];
  const ratios = two.map((load, i) => load.perSecond / (one[i]?.perSecond ?? NaN));
  console.log(`tree at c=4, two workers / one, round by round: ${range(ratios)}`);
}

async function main() {
  const size = (process.argv[2] ?? 'M') as SizeName;
  const url = await benchDatabase();
  await importGenerated(size, url);
  console.log(`org ${size} imported; a machine shared with other work: read ranges, not points`);
  const servers = [await startServer(url, TOKEN, 1), await startServer(url, TOKEN, 2)];
  try {
    const personAlone = await alone(graphqlClient((servers[0] as BenchServer).port, TOKEN));
    // Every worker warm (its snapshot loaded, its JIT at work) before any load is timed: a
    // new connection goes to the next worker in turn; then a load untimed.
    for (const [i, server] of servers.entries()) {
      for (let n = 0; n < 4 * (i + 1); n++) await graphqlClient(server.port, TOKEN)(TREE_QUERY);
      await underLoad([server.port], TOKEN, 4, server.rssMb);
    }
    printLoads(await loadRounds(servers), personAlone);
  } finally {
    for (const server of servers) await server.stop();
  }
  await dropBenchDatabase();
}

await main();
