/**
 * `npm run bench:isolation [-- M]`: would a person lookup keep its p99 within 5× its p50
 * alone during a four-client tree load (bench:load's goal) if small reads were answered by
 * a process that computes no trees? Three servers of one worker over one generated org: the
 * lookups always go to A; the four tree clients go to A itself (today's server), to B alone
 * (the trees on one core), to B and C (the trees on both cores, as two workers would run
 * them), and to B and C at the lowest OS priority (nice 19: the lookups, PostgreSQL and the
 * clients go first). Rounds interleave the four; each prints the lookup's p50 and p99 and
 * the p99 ÷ the lookup's p50 alone, timed at the start of the same round.
 */
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import { graphqlClient, timeWarm } from './measure.js';
import { PERSON_QUERY, PERSON_VARIABLES } from './queries.js';
import { type BenchServer, startServer } from './server.js';
import { benchDatabase, dropBenchDatabase, importGenerated, type SizeName } from './setup.js';
import { TREE_QUERY } from './tree.js';
import { pct, underLoad } from './under-load.js';

const TOKEN = 'bench-admin-token-0123456789abcdef';
const ROUNDS = 3;
const LOWEST = 19;

/** Every thread of a server's processes at `nice`: Linux keeps a priority per thread. */
function prioritise(servers: BenchServer[], nice: number) {
  for (const pid of servers.flatMap((server) => server.pids())) {
    for (const task of readdirSync(`/proc/${pid}/task`)) setPriority(Number(task), nice);
  }
}

async function main() {
  const sizeName = (process.argv[2] ?? 'M') as SizeName;
  const url = await benchDatabase();
  await importGenerated(sizeName, url);
  const [a, b, c] = [
    await startServer(url, TOKEN),
    await startServer(url, TOKEN),
    await startServer(url, TOKEN),
  ] as [BenchServer, BenchServer, BenchServer];
  try {
    for (const server of [a, b, c])
      await timeWarm(() => graphqlClient(server.port, TOKEN)(TREE_QUERY), 3);
    const probe = graphqlClient(a.port, TOKEN);
    const cases: Array<[string, BenchServer[], number]> = [
      ["trees on A (the lookups' own server)", [a], 0],
      ['trees on B (one core)', [b], 0],
      ['trees on B and C (both cores)', [b, c], 0],
      ['trees on B and C at nice 19', [b, c], LOWEST],
    ];
    for (let round = 0; round < ROUNDS; round++) {
      const alone = await timeWarm(() => probe(PERSON_QUERY, PERSON_VARIABLES), 301);
      console.log(`round ${round + 1}: person lookup p50 alone ${alone.toFixed(2)} ms`);
      for (const [name, servers, nice] of cases) {
        prioritise([b, c], nice);
        const ports = servers.map((server) => server.port);
        const { probes: lookups } = await underLoad(ports, TOKEN, 4, undefined, probe);
        const [p50, p99] = [pct(lookups, 0.5), pct(lookups, 0.99)];
        console.log(
          `  ${name}: p50 ${p50.toFixed(2)} / p99 ${p99.toFixed(2)} ms (p99 ÷ p50 alone ${(p99 / alone).toFixed(1)})`,
        );
      }
      prioritise([b, c], 0);
    }
  } finally {
    await Promise.all([a.stop(), b.stop(), c.stop()]);
    await dropBenchDatabase();
  }
}

await main();
