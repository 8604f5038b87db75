/**
 * `npm run bench [-- S|M]`: times the whole-org dashboard tree (pillars → areas → teams, each
 * with leads and coverage) through HTTP against one hand-written SQL query that builds the
 * same tree through `pg`, on a generated org, and prints the ratio. Needs PostgreSQL
 * (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test); it works in a database of
 * its own, `orgraph_bench`, made anew each run.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { todayUtc } from '../src/core/org/days.js';
import { openDatabase } from '../src/db/client.js';
import { generateOrg, SIZES } from '../src/demo/generate.js';
import { importOrgDocument } from '../src/orgdoc/import.js';
import { createApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { type Post, timePlanning } from './planning.js';
import { TREE_QUERY, TREE_SQL } from './tree.js';

const RUNS = 15;
const TOKEN = 'bench-admin-token-0123456789abcdef';

async function time(label: string, run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await run(); // warm-up: JIT, caches, the org snapshot
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(RUNS / 2)] ?? Number.NaN;
  console.log(`${label.padEnd(34)} median ${median.toFixed(1).padStart(7)} ms`);
  return median;
}

async function withBenchDatabase(serverUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('drop database if exists orgraph_bench with (force)');
  await admin.query('create database orgraph_bench');
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = '/orgraph_bench';
  return url.toString();
}

async function main() {
  const sizeName = (process.argv[2] ?? 'M') as keyof typeof SIZES;
  const size = SIZES[sizeName];
  if (!size)
    throw new Error(`unknown size ${sizeName}: use one of ${Object.keys(SIZES).join(', ')}`);
  const url = await withBenchDatabase(
    process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  );
  const database = await openDatabase({ url });
  await database.migrate();
  const document = generateOrg(size);
  const importStart = performance.now();
  const imported = await importOrgDocument(database.db, document, { today: todayUtc() });
  if (imported.userErrors.length > 0) throw new Error(JSON.stringify(imported.userErrors[0]));
  console.log(
    `org ${sizeName}: ${document.units.length} units, ${document.people.length} people, ` +
      `imported in ${((performance.now() - importStart) / 1000).toFixed(1)} s`,
  );

  // Fresh tables have no planner statistics yet; a live server's autovacuum would have them.
  await database.db.execute(sql`analyze`);
  // A line per request would drown the figures: the bench's server logs warnings only.
  const config = loadConfig({
    ORGRAPH_ADMIN_TOKEN: TOKEN,
    DATABASE_URL: url,
    ORGRAPH_LOG_LEVEL: 'warn',
  });
  const server = createServer(createApp({ database, config }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new pg.Client({ connectionString: url });
  await client.connect();

  const post: Post = async (query, variables = {}) => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };

  const graphql = await time('GraphQL tree over HTTP', () => post(TREE_QUERY));
  const handWritten = await time('hand-written SQL tree through pg', () =>
    client.query(TREE_SQL, [todayUtc(), config.thresholds.tlmEngineers]),
  );
  console.log(`ratio GraphQL / SQL: ${(graphql / handWritten).toFixed(2)} (target ≤ 2)`);
  await timePlanning(document, post, time);

  await client.end();
  server.close();
  await database.close();
}

await main();
