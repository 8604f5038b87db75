import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/database.js';

/** Where the saved org waits, beside the app's tables (whose SQL never names a schema). */
const SAVED = 'orgraph_test_template';
/** The tables written since the last restore (`dirty.name`), kept by triggers. */
const DIRTY = `${SAVED}.dirty`;

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
 *
 * Only what a test changed is put back: a trigger on each table notes it in `dirty` at its
 * first write (insert, update, delete, truncate), and `restore()` deletes and re-inserts the
 * tables written and every table whose foreign keys lead to one of them (their rows must go
 * before a parent's can). Re-inserting is the cost: the dated histories' exclusion
 * constraints make each row tens of microseconds, so a whole org's tables cost up to a third
 * of a second per test, a test that writes a change and a person a few milliseconds.
 */
export async function saveTemplate(database: Database): Promise<OrgTemplate> {
  const { tables, references } = await foreignKeys(database);
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
    for (const statement of dirtyTracking(tables)) await tx.execute(sql.raw(statement));
  });
  const reachable = ancestors(tables, references);
  // When any of the tables it leads to (itself included) was written.
  const when = (table: string) =>
    `if written && array[${[table, ...(reachable.get(table) ?? [])].map((t) => `'${t}'`).join(', ')}]::text[] then`;
  // Children emptied before their parents, parents filled before their children, so every
  // foreign key holds after each statement; a table's references to itself are checked at the
  // statement's end, when all its rows are in.
  const statements = [
    `select coalesce(array_agg(name), '{}') into written from ${DIRTY}`,
    ...[...tables].reverse().map((table) => `${when(table)} delete from public."${table}"; end if`),
    ...tables.map(
      (table) =>
        `${when(table)} insert into public."${table}" overriding system value
         select * from ${SAVED}."${table}"; end if`,
    ),
    // A sequence never used restarts at 1; one used goes on from where the template left it.
    ...sequences.map(({ name, last }) =>
      last === null
        ? `perform setval('public."${name}"', 1, false)`
        : `perform setval('public."${name}"', ${Number(last)}, true)`,
    ),
    // Last: the restore's own writes noted themselves too.
    `delete from ${DIRTY}`,
  ];
  // One statement, so one round trip and one transaction.
  const restore = sql.raw(`do $$ declare written text[]; begin ${statements.join('; ')}; end $$`);
  return { restore: async () => void (await database.db.execute(restore)) };
}

/**
 * The table `dirty` and a statement trigger on every table filling it. Without a unique key
 * (nor `on conflict`), so that two transactions writing one table never wait on each other
 * here as they would not in the app; a name seen twice does no harm. They go with the schema
 * (`drop schema … cascade`: the triggers depend on the function).
 */
const dirtyTracking = (tables: string[]) => [
  `create table ${DIRTY} (name text not null)`,
  `create function ${SAVED}.written() returns trigger language plpgsql as $f$ begin
    if not exists (select from ${DIRTY} where name = tg_table_name) then
      insert into ${DIRTY} values (tg_table_name);
    end if;
    return null;
  end $f$`,
  ...tables.map(
    (table) => `create trigger orgraph_test_written
      after insert or update or delete or truncate on public."${table}"
      for each statement execute function ${SAVED}.written()`,
  ),
];

interface Reference {
  child: string;
  parent: string;
}

/** The app's tables, each after every table its foreign keys point to, and those keys. */
async function foreignKeys(
  database: Database,
): Promise<{ tables: string[]; references: Reference[] }> {
  const tables = await rows<{ name: string }>(
    database,
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const references = await rows<Reference>(
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
  return { tables: ordered, references };
}

/**
 * Every table's ancestors: the tables its foreign keys point to, theirs, and so on. `tables`
 * is parents first, so a table's parents are complete when it is reached.
 */
function ancestors(tables: string[], references: Reference[]): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const table of tables) {
    const of = new Set<string>();
    for (const { child, parent } of references) {
      if (child !== table || parent === table) continue;
      of.add(parent);
      for (const further of found.get(parent) ?? []) of.add(further);
    }
    found.set(table, of);
  }
  return found;
}
