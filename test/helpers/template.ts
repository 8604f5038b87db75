import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';

/** Where the saved org waits, beside the app's tables (whose SQL never names a schema). */
const SAVED = 'orgraph_test_template';

/** Puts the database back as it was when the template was saved. */
export interface OrgTemplate {
  restore(): Promise<void>;
}

const rows = async <T>(database: Database, query: string) =>
  ((await database.db.execute(sql.raw(query))) as unknown as { rows: T[] }).rows;

/**
 * Saves a copy of every table of the app (rows and sequence positions) in a schema of its
 * own, so that `restore()` can bring the database back in one statement: cheaper than a new
 * database per test (a PGlite start takes seconds, a copied PostgreSQL database a new pool),
 * and unlike a rolled-back transaction it leaves the app's own transactions alone.
 */
export async function saveTemplate(database: Database): Promise<OrgTemplate> {
  const tables = await tablesParentsFirst(database);
  const sequences = await rows<{ name: string; last: string | number | null }>(
    database,
    `select sequencename as name, last_value as last from pg_sequences
     where schemaname = 'public'`,
  );
  await database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`drop schema if exists ${SAVED} cascade`));
    await tx.execute(sql.raw(`create schema ${SAVED}`));
    for (const table of tables) {
      await tx.execute(sql.raw(`create table ${SAVED}."${table}" as table public."${table}"`));
    }
  });
  // Children emptied before their parents, parents filled before their children, so every
  // foreign key holds after each statement; a table's references to itself are checked at the
  // statement's end, when all its rows are in.
  const statements = [
    ...[...tables].reverse().map((table) => `delete from public."${table}"`),
    ...tables.map(
      (table) =>
        `insert into public."${table}" overriding system value select * from ${SAVED}."${table}"`,
    ),
    // A sequence never used restarts at 1; one used goes on from where the template left it.
    ...sequences.map(({ name, last }) =>
      last === null
        ? `perform setval('public."${name}"', 1, false)`
        : `perform setval('public."${name}"', ${Number(last)}, true)`,
    ),
  ];
  // One statement, so one round trip and one transaction.
  const restore = sql.raw(`do $$ begin ${statements.join('; ')}; end $$`);
  return { restore: async () => void (await database.db.execute(restore)) };
}

/** The app's tables, each after every table its foreign keys point to. */
async function tablesParentsFirst(database: Database): Promise<string[]> {
  const tables = await rows<{ name: string }>(
    database,
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const references = await rows<{ child: string; parent: string }>(
    database,
    `select child.relname as child, parent.relname as parent
     from pg_constraint c
     join pg_class child on child.oid = c.conrelid
     join pg_class parent on parent.oid = c.confrelid
     where c.contype = 'f' and c.connamespace = 'public'::regnamespace`,
  );
  const ordered: string[] = [];
  // Depth first; a table's references to itself (unit.parent_id) are left out.
  const visit = (table: string) => {
    if (ordered.includes(table)) return;
    for (const { child, parent } of references) {
      if (child === table && parent !== table) visit(parent);
    }
    ordered.push(table);
  };
  for (const { name } of tables) visit(name);
  return ordered;
}
