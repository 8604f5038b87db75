/** The bench's database on the PostgreSQL server, and the generated org imported into it. */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { todayUtc } from '../src/core/org/days.js';
import { openDatabase } from '../src/db/client.js';
import { generateOrg, SIZES } from '../src/demo/generate.js';
import { importOrgDocument } from '../src/orgdoc/import.js';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export type SizeName = keyof typeof SIZES;

const BENCH_DATABASE = `orgraph_bench_${process.pid}`;

async function onServer(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(statement);
  await admin.end();
}

/** A new empty database of this bench's own (other benches may run beside it). */
export async function benchDatabase(): Promise<string> {
  await onServer(`drop database if exists ${BENCH_DATABASE} with (force)`);
  await onServer(`create database ${BENCH_DATABASE}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${BENCH_DATABASE}`;
  return url.toString();
}

export const dropBenchDatabase = () => onServer(`drop database ${BENCH_DATABASE} with (force)`);

/** The generated org of a size imported into the bench database `url`, and how long it took. */
export async function importGenerated(sizeName: SizeName, url: string) {
  const database = await openDatabase({ url });
  await database.migrate();
  const document = generateOrg(SIZES[sizeName]);
  const importStart = performance.now();
  const imported = await importOrgDocument(database.db, document, { today: todayUtc() });
  if (imported.userErrors.length > 0) throw new Error(JSON.stringify(imported.userErrors[0]));
  const importSeconds = (performance.now() - importStart) / 1000;
  // Fresh tables have no planner statistics yet; a live server's autovacuum would have them.
  await database.db.execute(sql`analyze`);
  await database.close();
  return { document, importSeconds };
}
