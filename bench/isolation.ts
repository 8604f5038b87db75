/**
 * `npm run bench:isolation [-- M]`: would a person lookup keep its p99 within 5× its p50
 * alone during a four-client tree load (bench:load's goal) if small reads were answered by
 * a process that computes no trees? Three servers of one worker over one generated org: the
 * lookups always go to A; the four tree clients go to A itself (today's server), to B alone
 * (the trees on one core), to B and C (the trees on both cores, as two workers would run
 * them), to B and C at the lowest OS priority (nice 19: the lookups, PostgreSQL and the
 * clients go first), and to B and C under Linux's SCHED_IDLE policy (`chrt --idle`: run only
 * when nothing else wants the core, and set aside at once when something does; putting a
 * thread back from it needs root, CAP_SYS_NICE). Rounds interleave the five; each prints the
 * lookup's p50 and p99 and the p99 ÷ the lookup's p50 alone, timed at the start of the same
 * round with its p99 alone: the floor of that ratio on the machine.
 */
import { execFileSync } from 'node:child_process';
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
/** How the tree servers' threads are scheduled: as usual, at nice 19, or under SCHED_IDLE. */
type Priority = 'normal' | 'nice 19' | 'idle';

/** Every thread of a server's processes at `priority`: Linux keeps one per thread. */
function prioritise(servers: BenchServer[], priority: Priority) {
  for (const pid of servers.flatMap((server) => server.pids())) {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      execFileSync('chrt', [priority === 'idle' ? '--idle' : '--other', '-p', '0', task]);
      setPriority(Number(task), priority === 'nice 19' ? 19 : 0);
    }
  }
}

/**
 * Person lookups alone, after a warm-up, timed one by one: their p50, and their p99, the
 * floor under the goal's ratio (the p99 during trees ÷ the p50 alone) on this machine.
 */
async function lookupsAlone(probe: ReturnType<typeof graphqlClient>) {
  await timeWarm(() => probe(PERSON_QUERY, PERSON_VARIABLES), 3);
  const times: number[] = [];
  for (let i = 0; i < 1_000; i++) {
    const start = performance.now();
    await probe(PERSON_QUERY, PERSON_VARIABLES);
    times.push(performance.now() - start);
  }
  return { p50: pct(times, 0.5), p99: pct(times, 0.99) };
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
    const cases: Array<[string, BenchServer[], Priority]> = [
      ["trees on A (the lookups' own server)", [a], 'normal'],
      ['trees on B (one core)', [b], 'normal'],
      ['trees on B and C (both cores)', [b, c], 'normal'],
      ['trees on B and C at nice 19', [b, c], 'nice 19'],
      ['trees on B and C under SCHED_IDLE', [b, c], 'idle'],
    ];
    for (let round = 0; round < ROUNDS; round++) {
      const { p50: alone, p99: aloneP99 } = await lookupsAlone(probe);
      console.log(
        `round ${round + 1}: person lookup alone p50 ${alone.toFixed(2)} / p99 ${aloneP99.toFixed(2)} ms (p99 ÷ p50 ${(aloneP99 / alone).toFixed(1)})`,
      );
      for (const [name, servers, priority] of cases) {
        prioritise([b, c], priority);
        const ports = servers.map((server) => server.port);
        const { probes: lookups } = await underLoad(ports, TOKEN, 4, undefined, probe);
        const [p50, p99] = [pct(lookups, 0.5), pct(lookups, 0.99)];
        console.log(
          `  ${name}: p50 ${p50.toFixed(2)} / p99 ${p99.toFixed(2)} ms (p99 ÷ p50 alone ${(p99 / alone).toFixed(1)})`,
        );
      }
      prioritise([b, c], 'normal');
    }
  } finally {
    await Promise.all([a.stop(), b.stop(), c.stop()]);
    await dropBenchDatabase();
  }
}

await main();
