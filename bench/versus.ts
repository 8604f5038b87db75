/**
 * orgraph against the PostGraphile peer, query by query of the peer set, at c=1 and c=4
 * clients: rounds interleaved A/B/A/B (orgraph, then the peer, then orgraph…), so a change
 * in the machine's load hits both alike; each round a throughput window of each. Both
 * servers' memory is sampled every 100 ms while they are timed.
 */
import { graphqlClient, throughput } from './measure.js';
import { PEER_QUERIES } from './peer-queries.js';
import type { BenchServer } from './server.js';

const ROUNDS = 3;
const WINDOW_MS = 2_000;
/**
 * Each server warms up this long on each query before its rounds: after 2 s, the first
 * window of either server still ran 30–45% under its steady rate (its JIT not done), and the
 * rounds' ranges measured warm-up, not the servers.
 */
const WARM_UP_MS = 5_000;
export const CLIENTS = [1, 4];

/** One query at one concurrency: each round's requests a second, orgraph's and the peer's. */
export interface Versus {
  query: string;
  clients: number;
  orgraph: number[];
  peer: number[];
}

export interface VersusFigures {
  rows: Versus[];
  /** Resident memory sampled while each server was timed, in MiB. */
  orgraphRssMb: number[];
  peerRssMb: number[];
}

function sampled(server: BenchServer, into: number[]) {
  const timer = setInterval(() => into.push(server.rssMb()), 100);
  return () => clearInterval(timer);
}

export async function versusPeer(
  orgraph: BenchServer,
  peer: BenchServer,
  token: string,
): Promise<VersusFigures> {
  const figures: VersusFigures = { rows: [], orgraphRssMb: [], peerRssMb: [] };
  const ours = () => graphqlClient(orgraph.port, token);
  const theirs = () => graphqlClient(peer.port);
  for (const query of PEER_QUERIES) {
    // Untimed first, both warm (the JIT, caches, the snapshot; PostGraphile's plans), on as
    // many connections as the most clients timed: each of orgraph's workers gets its share.
    const most = Math.max(...CLIENTS);
    await throughput(ours, query.orgraph, query.variables, most, WARM_UP_MS);
    await throughput(theirs, query.peer, query.variables, most, WARM_UP_MS);
    for (const clients of CLIENTS) {
      const row: Versus = { query: query.name, clients, orgraph: [], peer: [] };
      for (let round = 0; round < ROUNDS; round++) {
        let stop = sampled(orgraph, figures.orgraphRssMb);
        row.orgraph.push(
          await throughput(ours, query.orgraph, query.variables, clients, WINDOW_MS),
        );
        stop();
        stop = sampled(peer, figures.peerRssMb);
        row.peer.push(await throughput(theirs, query.peer, query.variables, clients, WINDOW_MS));
        stop();
      }
      figures.rows.push(row);
    }
  }
  return figures;
}
