/**
 * The bench's peer: PostGraphile 5 (Amber preset) over the same database, on the same Node
 * as orgraph. It lives in bench/peer, a package of its own (Node 22 and PostGraphile from the
 * npm registry), installed only by `npm run bench:peer-setup`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { graphqlClient, timeWarm } from './measure.js';
import {
  asOrgraph,
  PEER_NO_TECH_LEAD_QUERY,
  PEER_TEAM_QUERY,
  PEER_TREE_QUERY,
} from './peer-queries.js';
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
 * (in this process) and PostGraphile (a child of it) run on one Node; resolves to the exit
 * code then, to null when this process is the one to go on.
 */
export async function rerunOnPeerNode(): Promise<number | null> {
  if (!peerInstalled() || Number(process.versions.node.split('.')[0]) >= 22) return null;
  const [, script = '', ...args] = process.argv;
  // execArgv carries tsx's loader, so the TypeScript runs as it does now.
  const child = spawn(peerNode, [...process.execArgv, script, ...args], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

/** Medians in milliseconds, measured as orgraph's. */
export interface PeerFigures {
  tree: number;
  team: number;
  noTechLead: number;
}

/** Orgraph's answers to the three queries, to check the peer answers the same. */
export interface OrgraphAnswers {
  tree: unknown;
  team: unknown;
  noTechLead: unknown;
}

async function startPeer(url: string): Promise<BenchServer> {
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
 * The peer over the bench database `url`: loads functions.sql, starts the server, checks its
 * answers against orgraph's (a line names each that differs: a peer answering something else
 * is no comparison) and times the three queries; the drill-down asks `teamSlug`.
 */
export async function timePeer(
  url: string,
  teamSlug: string,
  orgraph: OrgraphAnswers,
): Promise<PeerFigures> {
  const peer = await startPeer(url);
  const ask = graphqlClient(peer.port);
  try {
    const tree = () => ask(PEER_TREE_QUERY);
    const team = () => ask(PEER_TEAM_QUERY, { slug: teamSlug });
    const noTechLead = () => ask(PEER_NO_TECH_LEAD_QUERY);
    const answers: OrgraphAnswers = {
      tree: asOrgraph.tree(await tree()),
      team: asOrgraph.team(await team()),
      noTechLead: asOrgraph.noTechLead(await noTechLead()),
    };
    for (const name of ['tree', 'team', 'noTechLead'] as const) {
      if (!isDeepStrictEqual(answers[name], orgraph[name])) {
        console.log(`PostGraphile peer: its ${name} answer differs from orgraph's`);
      }
    }
    return {
      tree: await timeWarm(tree),
      team: await timeWarm(team, 31),
      noTechLead: await timeWarm(noTechLead),
    };
  } finally {
    await peer.stop();
  }
}
