/**
 * `npm run bench [-- M L]`: on generated orgs (default M, 2,000 teams, and L, 14,000 teams /
 * ~100k people), times through HTTP to the compiled server (bench/server.ts) the whole-org
 * dashboard tree (pillars → areas → teams, each with leads and coverage) against one
 * hand-written SQL query that builds the same tree through `pg`, the first tree after a
 * write, a departure impact, a one-team drill-down and the teams without a Tech Lead; prints
 * one table of medians and ratios, each measured in the same run. With the PostGraphile peer
 * installed (`npm run bench:peer-setup`, see peer.ts) it runs on the peer's Node 22 and then
 * sets orgraph against the peer on the peer set (versus.ts: the tree, teams without a TL,
 * the drill-down, a person with manager and reports, the name search; c=1 and c=4;
 * interleaved rounds), in a second table. Needs PostgreSQL (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test); it works in a database of its own,
 * `orgraph_bench_<pid>` (other benches may run beside it on the same server), made anew for
 * each size and dropped after.
 */
import pg from 'pg';
import { inProcess } from '../src/cli/in-process.js';
import { addDays, todayUtc } from '../src/core/org/days.js';
import { openDatabase } from '../src/db/client.js';
import { SIZES } from '../src/demo/generate.js';
import { loadConfig } from '../src/server/config.js';
import { graphqlClient, metricsClient, timeAfter, timeWarm } from './measure.js';
import {
  checkPeerAnswers,
  PEER_SKIPPED,
  peerInstalled,
  rerunOnPeerNode,
  startPeer,
} from './peer.js';
import { DRILL_DOWN_TEAM } from './peer-queries.js';
import { timeScenario } from './planning.js';
import {
  CHURN_QUERY,
  DEPARTURE_QUERY,
  ENG_LEAD_SQL,
  NO_TECH_LEAD_QUERY,
  RENAME_MUTATION,
  TEAM_QUERY,
} from './queries.js';
import { type BenchServer, startServer } from './server.js';
import { benchDatabase, dropBenchDatabase, importGenerated, type SizeName } from './setup.js';
import { type Figures, printTable } from './table.js';
import { TREE_QUERY, TREE_SQL } from './tree.js';
import { type VersusFigures, versusPeer } from './versus.js';

const TOKEN = 'bench-admin-token-0123456789abcdef';
/**
 * orgraph's worker processes (ORGRAPH_BENCH_WORKERS, default 1: the table's figures, memory
 * included, are one worker's); 2 sets a server as `npm start` runs it on this machine beside
 * PostGraphile, whose c=4 clients are served by as many PostgreSQL processes.
 */
const WORKERS = Number(process.env.ORGRAPH_BENCH_WORKERS ?? 1);

async function benchSize(sizeName: SizeName): Promise<Figures> {
  const url = await benchDatabase();
  const { document, importSeconds } = await importGenerated(sizeName, url);
  const counts = { units: document.units.length, people: document.people.length };
  console.log(`org ${sizeName}: ${counts.units} units, ${counts.people} people`);
  const config = loadConfig({});
  const server = await startServer(url, TOKEN, WORKERS);
  const gql = graphqlClient(server.port, TOKEN);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const leadOf = async (slug: string) =>
    ((await client.query(ENG_LEAD_SQL, [slug])).rows[0] as { email: string }).email;

  const tree = await timeWarm(() => gql(TREE_QUERY));
  const handWritten = await timeWarm(() =>
    client.query(TREE_SQL, [todayUtc(), config.thresholds.tlmEngineers]),
  );
  const rename = (i: number) => gql(RENAME_MUTATION, { slug: 'team-0001', name: `Team 1 (${i})` });
  const afterWrite = await timeAfter(rename, () => gql(TREE_QUERY), 9);
  const scrape = metricsClient(server.port);
  await scrape(); // the first scrape works the org gauges out; the next ones serve them
  const scrapeAfterWrite = (await timeAfter(rename, scrape, 7)).after;
  const email = await leadOf('area-0003');
  const departure = await timeWarm(() => gql(DEPARTURE_QUERY, { email }), 7);
  const scenario = await timeScenario(document, gql);
  const team = await timeWarm(() => gql(TEAM_QUERY, { slug: DRILL_DOWN_TEAM }), 31);
  const teamInProcess = await drillDownInProcess(url, config);
  const emptyRequest = await timeWarm(() => gql('{ __typename }'), 31);
  const noTechLead = await timeWarm(() => gql(NO_TECH_LEAD_QUERY));
  const year = { from: addDays(todayUtc(), -365), to: todayUtc() };
  const churn = await timeWarm(() => gql(CHURN_QUERY, year));
  const rssMb = server.rssMb();
  // Last, so that its view, functions and indexes cannot change the figures above.
  const versus = peerInstalled() ? await againstPeer(url, server) : undefined;

  await client.end();
  await server.stop();
  await dropBenchDatabase();
  return {
    size: sizeName,
    ...counts,
    importSeconds,
    tree,
    handWritten,
    afterWrite,
    scrapeAfterWrite,
    departure,
    scenario,
    team,
    teamInProcess,
    emptyRequest,
    noTechLead,
    churn,
    rssMb,
    versus,
  };
}

/**
 * The drill-down's p50 in this process: the schema run on its own snapshot of the org (its
 * version still checked each time), as the CLI runs it, without HTTP.
 */
async function drillDownInProcess(url: string, config: ReturnType<typeof loadConfig>) {
  const operator = inProcess(await openDatabase({ url }), config);
  try {
    return await timeWarm(() => operator.ask(TEAM_QUERY, { slug: DRILL_DOWN_TEAM }), 31);
  } finally {
    await operator.close();
  }
}

/** The peer started over the bench database, its answers checked, then timed against orgraph. */
async function againstPeer(url: string, orgraph: BenchServer): Promise<VersusFigures> {
  const peer = await startPeer(url);
  try {
    await checkPeerAnswers(orgraph, peer, TOKEN);
    return await versusPeer(orgraph, peer, TOKEN);
  } finally {
    await peer.stop();
  }
}

async function main() {
  const exitCode = await rerunOnPeerNode();
  if (exitCode !== null) process.exit(exitCode);
  console.log(
    peerInstalled() ? `orgraph and the PostGraphile peer on Node ${process.version}` : PEER_SKIPPED,
  );
  const names = (process.argv.length > 2 ? process.argv.slice(2) : ['M', 'L']) as SizeName[];
  for (const name of names) {
    if (!SIZES[name]) throw new Error(`unknown size ${name}: use ${Object.keys(SIZES).join(', ')}`);
  }
  const figures: Figures[] = [];
  for (const name of names) {
    figures.push(await benchSize(name));
    // The table so far after each size: a later, bigger size that fails loses nothing.
    printTable(figures);
  }
}

await main();
