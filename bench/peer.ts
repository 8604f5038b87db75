/**
 * The bench's peer: PostGraphile 5 (Amber preset) over the same database, on the same Node
 * as orgraph. It lives in bench/peer, a package of its own (Node 22 and PostGraphile from the
 * npm registry), installed only by `npm run bench:peer-setup`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { graphqlClient } from './measure.js';
import { PEER_QUERIES } from './peer-queries.js';
import { type BenchServer, spawnServer } from './server.js';

const folder = new URL('./peer/', import.meta.url);
const peerNode = new URL('node_modules/node/bin/node', folder).pathname;
const server = new URL('server.mjs', folder).pathname;

export const PEER_SKIPPED =
  'PostGraphile peer skipped: run `npm run bench:peer-setup` ' +
  '(installs Node 22 and PostGraphile 5 into bench/peer)';

export function peerInstalled(): boolean {
  return existsSync(peerNode) && existsSync(new URL('node_modules/postgraphile', folder));
}

/**
 * Runs this bench again under the peer's Node 22 when it runs on an older one, so orgraph
 * (a child of it) and PostGraphile (another) run on one Node; resolves to the exit code then,
 * to null when this process is the one to go on.
 */
export async function rerunOnPeerNode(): Promise<number | null> {
  if (!peerInstalled() || Number(process.versions.node.split('.')[0]) >= 22) return null;
  const [, script = '', ...args] = process.argv;
  // execArgv carries tsx's loader, so the TypeScript runs as it does now.
  const child = spawn(peerNode, [...process.execArgv, script, ...args], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

/** Loads functions.sql (its view, functions and indexes) and starts PostGraphile over `url`. */
export async function startPeer(url: string): Promise<BenchServer> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(readFileSync(new URL('functions.sql', folder), 'utf8'));
  await client.query('analyze');
  await client.end();
  return spawnServer(
    [server],
    { DATABASE_URL: url },
    (line) => /^listening (\d+)$/.exec(line)?.[1],
  );
}

/**
 * Asks both servers every query of the peer set once and prints a line for each answer of
 * the peer's that differs from orgraph's: a peer answering something else is no comparison.
 */
export async function checkPeerAnswers(orgraph: BenchServer, peer: BenchServer, token: string) {
  for (const query of PEER_QUERIES) {
    // A connection each: one left idle while the other server answers a slow first tree
    // could be closed by its server (keep-alive timeout) just as it is used again.
    const expected = await graphqlClient(orgraph.port, token)(query.orgraph, query.variables);
    const peerAnswer = await graphqlClient(peer.port)(query.peer, query.variables);
    const answer = query.asOrgraph(peerAnswer);
    if (!isDeepStrictEqual(answer, expected)) {
      console.log(`PostGraphile peer: its answer to "${query.name}" differs from orgraph's`);
    }
  }
}
