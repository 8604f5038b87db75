/**
 * `npm run bench:adapters`: a 15,000-group Backstage catalog and a 100,000-person HR export,
 * each turned into an org document, planned dry, imported, and planned again (nothing left
 * to do); prints the wall and CPU seconds of each step (on a busy machine, the CPU time is the
 * steadier figure). On PGlite in memory, or with DATABASE_URL on
 * PostgreSQL, in a database of its own (`orgraph_bench_adapters`, made anew each run).
 */
import pg from 'pg';
import { backstageToDocument } from '../src/adapters/backstage.js';
import { csvToDocument, type ExistingTeam } from '../src/adapters/csv.js';
import type { Adapted } from '../src/adapters/source-map.js';
import { openDatabase } from '../src/db/client.js';
import { importOrgDocument } from '../src/orgdoc/import.js';

const TODAY = '2026-11-23';
const PILLARS = 15;
const AREAS_PER_PILLAR = 40;
const TEAMS_PER_AREA = 24;
const PEOPLE_PER_TEAM = 7;

const entity = (kind: string, name: string, body: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${body}`;
const leads = (name: string) =>
  `  annotations:\n    orgraph.io/eng-lead: user:default/${name}-em\n    orgraph.io/tech-lead: user:${name}-tl\n`;
const groupEntity = (name: string, type: string, parent: string | null, members: string[]) =>
  entity(
    'Group',
    name,
    `${leads(name)}spec:\n  type: ${type}\n  profile: { displayName: ${name} }\n` +
      `${parent ? `  parent: ${parent}\n` : ''}  children: []\n  members: [${members.join(', ')}]\n`,
  );
const userEntity = (name: string) =>
  entity('User', name, `spec:\n  profile: { displayName: ${name}, email: ${name}@corp.test }\n`);

/** Every group with its parent and type, in catalog order: pillars, areas, teams. */
function groups(): Array<{ name: string; type: string; parent: string | null }> {
  const all: Array<{ name: string; type: string; parent: string | null }> = [];
  for (let p = 0; p < PILLARS; p++) {
    all.push({ name: `p${p}`, type: 'business-unit', parent: null });
    for (let a = 0; a < AREAS_PER_PILLAR; a++) {
      all.push({ name: `p${p}-a${a}`, type: 'product-area', parent: `p${p}` });
      for (let t = 0; t < TEAMS_PER_AREA; t++) {
        all.push({ name: `p${p}-a${a}-t${t}`, type: 'team', parent: `p${p}-a${a}` });
      }
    }
  }
  return all;
}

/** The catalog: each group with its two leads as users; teams list their Tech Lead. */
function catalogText(): string {
  const parts: string[] = [];
  for (const g of groups()) {
    parts.push(groupEntity(g.name, g.type, g.parent, g.type === 'team' ? [`${g.name}-tl`] : []));
    parts.push(userEntity(`${g.name}-em`), userEntity(`${g.name}-tl`));
  }
  return parts.join('---\n');
}

/**
 * The HR export: seven people a team, the first managing the others and reporting to the
 * team's Eng Lead; rows written last to first, so every manager comes after their reports.
 */
function csvText(teams: string[]): string {
  const rows: string[] = [];
  for (const team of teams) {
    for (let i = 0; i < PEOPLE_PER_TEAM; i++) {
      const manager = i === 0 ? `${team}-em@corp.test` : `${team}-0@corp.test`;
      const title = i === 0 ? '"Engineering Manager, Platform"' : 'Engineer';
      rows.push(
        `${team}-${i}@corp.test,Person ${team} ${i},${title},L${3 + (i % 4)},${manager},${team},2024-01-0${1 + (i % 9)},`,
      );
    }
  }
  const header = 'email,name,title,level,manager_email,team,start_date,departure_date';
  return `\uFEFF${header}\r\n${rows.reverse().join('\r\n')}\r\n`;
}

async function benchDatabase() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { db: await openDatabase({}), where: 'PGlite (in memory)' };
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('drop database if exists orgraph_bench_adapters with (force)');
  await admin.query('create database orgraph_bench_adapters');
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = '/orgraph_bench_adapters';
  return { db: await openDatabase({ url: url.toString() }), where: 'PostgreSQL' };
}

/** Runs a step and prints its wall time and this process's CPU time (PGlite runs in it). */
async function timed<T>(label: string, run: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await run();
  const { user, system } = process.cpuUsage(cpu);
  const wall = ((performance.now() - start) / 1000).toFixed(2);
  console.log(
    `  ${label.padEnd(28)} ${wall.padStart(6)} s  (CPU ${((user + system) / 1e6).toFixed(2)} s)`,
  );
  return value;
}

/** Plans dry, imports, then plans again: the second plan must be empty. */
async function planAndImport(database: Awaited<ReturnType<typeof openDatabase>>, adapted: Adapted) {
  if (adapted.problems.length > 0) throw new Error(JSON.stringify(adapted.problems[0]));
  const run = (dryRun: boolean) =>
    importOrgDocument(database.db, adapted.document, { today: TODAY, dryRun, plan: dryRun });
  const plan = await timed('plan (dry run)', () => run(true));
  if (plan.userErrors.length > 0) throw new Error(JSON.stringify(plan.userErrors[0]));
  await timed('import', () => run(false));
  const again = await timed('plan again (no change)', () => run(true));
  console.log(`  planned ${plan.plan.length} changes; then ${again.plan.length}`);
}

async function main() {
  const { db: database, where } = await benchDatabase();
  await database.migrate();
  console.log(`On ${where}:`);
  const catalog = catalogText();
  console.log(
    `Backstage catalog: ${groups().length} groups, ${(catalog.length / 1e6).toFixed(1)} MB`,
  );
  const fromCatalog = await timed('catalog → org document', () =>
    backstageToDocument([{ name: 'catalog.yaml', text: catalog }], {
      read: (name) => {
        throw new Error(`${name}: the bench's catalog is one file`);
      },
    }),
  );
  await planAndImport(database, fromCatalog);

  const teams = groups().filter((g) => g.type === 'team');
  const existing = new Map<string, ExistingTeam>(
    teams.map((g) => [g.name, { slug: g.name, name: g.name, parent: g.parent }]),
  );
  const csv = csvText(teams.map((g) => g.name));
  console.log(
    `HR export: ${teams.length * PEOPLE_PER_TEAM} people, ${(csv.length / 1e6).toFixed(1)} MB`,
  );
  const fromCsv = await timed('CSV → org document', () => csvToDocument(csv, { teams: existing }));
  await planAndImport(database, fromCsv);
  await database.close();
}

await main();
