/**
 * `npm run bench:memory [-- L [seconds]]`: one server worker's memory under mixed load, on
 * one generated org (default L; needs PostgreSQL like `npm run bench`). For 60 s, three
 * clients ask the whole tree, one a person lookup, one the name search, one a 12-month
 * coverage trend every 2 s, and one renames a team every 5 s (each write a new org
 * version). The server's RSS is sampled every 100 ms. Errors (a request timed out on a
 * busy machine) are counted, not fatal: the run is about memory.
 */
import { addDays, todayUtc } from '../src/core/org/days.js';
import { graphqlClient } from './measure.js';
import { PERSON_QUERY, PERSON_VARIABLES, RENAME_MUTATION, SEARCH_QUERY } from './queries.js';
import { startServer } from './server.js';
import { benchDatabase, dropBenchDatabase, importGenerated, type SizeName } from './setup.js';
import { TREE_QUERY } from './tree.js';

const TOKEN = 'bench-admin-token-0123456789abcdef';

const TREND = `{ coverageTrend(from: "${addDays(todayUtc(), -334)}", to: "${todayUtc()}",
  every: MONTH) { on benchStrength byLayer { layer units healthy } } }`;

type Gql = ReturnType<typeof graphqlClient>;

async function main() {
  const size = (process.argv[2] ?? 'L') as SizeName;
  const loadMs = Number(process.argv[3] ?? 60) * 1000;
  const url = await benchDatabase();
  await importGenerated(size, url);
  const server = await startServer(url, TOKEN);
  await graphqlClient(server.port, TOKEN)(TREE_QUERY);
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(server.rssMb()), 100);
  const until = performance.now() + loadMs;
  const answered = new Map<string, number>();
  const failed = new Map<string, number>();
  const add = (counts: Map<string, number>, name: string) =>
    counts.set(name, (counts.get(name) ?? 0) + 1);
  let renames = 0;
  /** One client asking `ask` in a loop, `pauseMs` apart, until the load ends. */
  const client = async (name: string, ask: (gql: Gql) => Promise<unknown>, pauseMs = 0) => {
    const gql = graphqlClient(server.port, TOKEN);
    while (performance.now() < until) {
      await ask(gql).then(
        () => add(answered, name),
        () => add(failed, name),
      );
      if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  };
  const tree = (gql: Gql) => gql(TREE_QUERY);
  await Promise.all([
    client('tree', tree),
    client('tree', tree),
    client('tree', tree),
    client('person', (gql) => gql(PERSON_QUERY, PERSON_VARIABLES)),
    client('search', (gql) => gql(SEARCH_QUERY)),
    client('trend', (gql) => gql(TREND), 2_000),
    client(
      'rename',
      (gql) => gql(RENAME_MUTATION, { slug: 'team-0001', name: `T ${renames++}` }),
      5_000,
    ),
  ]);
  clearInterval(sampler);
  await server.stop();
  const perSecond = (counts: Map<string, number>) =>
    [...counts].map(([name, n]) => `${name} ${((n * 1000) / loadMs).toFixed(2)}`).join(', ');
  console.log(
    `org ${size}, one worker, ${loadMs / 1000} s of mixed load (a shared machine: read ranges)`,
  );
  console.log(`RSS ${Math.min(...rss).toFixed(0)}–${Math.max(...rss).toFixed(0)} MB`);
  console.log(`answered a second: ${perSecond(answered)}; failed: ${perSecond(failed) || 'none'}`);
  await dropBenchDatabase();
}

await main();
