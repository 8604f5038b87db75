/**
 * A tree load with a person lookup timed during it: bench:load's throughput rounds and
 * bench:isolation's cases.
 */
import { type graphqlClient, graphqlLoadClient } from './measure.js';
import { PERSON_QUERY, PERSON_VARIABLES } from './queries.js';
import { TREE_QUERY } from './tree.js';

const LOAD_MS = 5_000;

type Gql = ReturnType<typeof graphqlClient>;

/** The `p` quantile of `xs` (0.5: the median). */
export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

/**
 * `clients` connections asking the tree for LOAD_MS, taking turns over `ports`; the memory
 * `rssMb` tells is sampled every 100 ms, and `probe`, when given, asks person lookups back
 * to back meanwhile, each timed.
 */
export async function underLoad(
  ports: number[],
  token: string,
  clients: number,
  rssMb: () => number = () => Number.NaN,
  probe?: Gql,
) {
  const until = performance.now() + LOAD_MS;
  let done = 0;
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(rssMb()), 100);
  const loops = Array.from({ length: clients }, async (_, i) => {
    const gql = graphqlLoadClient(ports[i % ports.length] as number, token);
    while (performance.now() < until) {
      await gql(TREE_QUERY);
      done++;
    }
  });
  const probes: number[] = [];
  if (probe) {
    while (performance.now() < until)
      probes.push(await timed(() => probe(PERSON_QUERY, PERSON_VARIABLES)));
  }
  await Promise.all(loops);
  clearInterval(sampler);
  return { perSecond: (done * 1000) / LOAD_MS, rss, probes };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}
