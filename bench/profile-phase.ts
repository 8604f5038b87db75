/**
 * `npx tsx bench/profile-phase.ts [SIZE]`: a CPU profile of the reads that miss a goal, alone
 * (no import in it): departures of an Area's Eng Lead, and trees right after a write. Writes
 * `departure.cpuprofile` and `after-write.cpuprofile` to the working directory, for
 * bench/top.ts.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { todayUtc } from '../src/core/org/days.js';
import { openDatabase } from '../src/db/client.js';
import { generateOrg, SIZES } from '../src/demo/generate.js';
import { importOrgDocument } from '../src/orgdoc/import.js';
import { createApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { graphqlClient } from './measure.js';
import { DEPARTURE_QUERY, RENAME_MUTATION } from './queries.js';
import { TREE_QUERY } from './tree.js';

const TOKEN = 'bench-admin-token-0123456789abcdef';
const size = SIZES[(process.argv[2] ?? 'L') as keyof typeof SIZES];
const database = await openDatabase({});
await database.migrate();
await importOrgDocument(database.db, generateOrg(size), { today: todayUtc() });
const config = loadConfig({ ORGRAPH_ADMIN_TOKEN: TOKEN, ORGRAPH_LOG_LEVEL: 'warn' });
const server = createServer(createApp({ database, config }));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const gql = graphqlClient((server.address() as AddressInfo).port, TOKEN);
const { unit } = await gql('{ unit(slug: "area-0003") { engLead { email } } }');
const email = unit.engLead.email as string;

const session = new Session();
session.connect();
await session.post('Profiler.enable');
async function profiled(file: string, run: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await run(i);
  await session.post('Profiler.start');
  for (let i = 0; i < 10; i++) await run(i);
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
}
await profiled('departure.cpuprofile', () => gql(DEPARTURE_QUERY, { email }));
await profiled('after-write.cpuprofile', async (i) => {
  await gql(RENAME_MUTATION, { slug: 'team-0001', name: `Team 1 (${i})` });
  await gql(TREE_QUERY);
});
server.close();
await database.close();
