import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { buildPgliteTemplate } from '../../src/db/pglite-template.js';
import { ORG_CHANGED_CHANNEL } from '../../src/db/version.js';

/**
 * The PGlite databases of the tests. A new PGlite runs initdb and then the migrations:
 * seconds of CPU, paid by every test file. Instead, one migrated database is built once per
 * set of migrations and saved as a data folder tarball: the one a new data folder of the
 * server starts from (`buildPgliteTemplate`, src/db/pglite-template.ts); a test file
 * gets a database loaded from it, and a database given back (`drop()`) is emptied to that
 * same state and handed to the next file the worker runs (vitest runs files one after the
 * other in a worker, with `isolate: false` in one process).
 */

const PGLITE_DIST = new URL('../../node_modules/@electric-sql/pglite/dist/', import.meta.url);
/** Where a pooled database keeps the rows the migrations wrote (org_state's one row). */
const PRISTINE = 'orgraph_test_pristine';
/** How many emptied databases a worker keeps for its next files. */
const KEPT = 2;

/**
 * How long a saved org (`orgraph-test-org-…`) is kept unused: an hour, as each change to src/
 * makes new ones (tens of megabytes each), and an org left an hour costs one import again.
 */
export const KEPT_UNUSED_MS = 60 * 60 * 1000;

/**
 * Marks `file` used, and removes the tarballs named like it (`prefix…`) left unused for
 * `KEPT_UNUSED_MS`.
 */
export function keepUsed(file: string, prefix: string): void {
  const now = new Date();
  utimesSync(file, now, now);
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(prefix)) continue;
    const other = join(tmpdir(), name);
    try {
      if (now.getTime() - statSync(other).mtimeMs > KEPT_UNUSED_MS) rmSync(other);
    } catch {
      // Removed by another worker meanwhile.
    }
  }
}

/** What every new PGlite of this process shares: the template, the compiled engine. */
interface Artifacts {
  template: Blob;
  engine: WebAssembly.Module;
  bundle: Blob;
}
let artifacts: Promise<Artifacts> | undefined;
const loadArtifacts = async (): Promise<Artifacts> => ({
  template: new Blob([readFileSync(await buildPgliteTemplate())]),
  engine: await WebAssembly.compile(readFileSync(new URL('pglite.wasm', PGLITE_DIST))),
  bundle: new Blob([readFileSync(new URL('pglite.data', PGLITE_DIST))]),
});

/** A migrated database nobody else uses, with what `giveBack` needs to empty it. */
interface Pooled {
  client: PGlite;
  tables: string[];
  /** One statement that empties it back to the migrated state. */
  emptying: string;
}
const idle: Pooled[] = [];

/**
 * A migrated, empty PGlite of the caller's own; or, given `file`, a copy of the database
 * `dumpPglite` saved there (one taken here: it keeps what `giveBack` empties it back to).
 */
export async function takePglite(file?: string): Promise<PGlite> {
  const kept = file === undefined ? idle.pop() : undefined;
  if (kept) {
    lent.set(kept.client, kept);
    return kept.client;
  }
  artifacts ??= loadArtifacts();
  const { template, engine, bundle } = await artifacts;
  const client = new PGlite({
    extensions: { btree_gist },
    loadDataDir: file === undefined ? template : new Blob([readFileSync(file)]),
    pgliteWasmModule: engine,
    fsBundle: bundle,
  });
  lent.set(client, await poolable(client));
  return client;
}
const lent = new WeakMap<PGlite, Pooled>();

/**
 * Ends a database's use: emptied back to the migrated state and kept for the next caller,
 * or closed when it cannot be (closed already, a table renamed or added, enough kept).
 */
export async function giveBack(client: PGlite): Promise<void> {
  const pooled = lent.get(client);
  lent.delete(client);
  if (client.closed) return;
  if (!pooled || idle.length >= KEPT || !(await emptied(pooled))) return client.close();
  idle.push(pooled);
}

async function poolable(client: PGlite): Promise<Pooled> {
  const tables = await publicTables(client);
  // The rows the migrations wrote, saved to be written back after each emptying (a copy of a
  // saved database has them already).
  const { rows } = await client.query('select from pg_namespace where nspname = $1', [PRISTINE]);
  if (rows.length === 0) {
    await client.exec(
      `create schema ${PRISTINE};
       ${tables.map((t) => `create table ${PRISTINE}."${t}" as table public."${t}";`).join('\n')}`,
    );
  }
  const truncate = `truncate ${tables.map((t) => `public."${t}"`).join(', ')} restart identity cascade`;
  const refill = tables.map(
    (t) => `insert into public."${t}" overriding system value select * from ${PRISTINE}."${t}"`,
  );
  // Whatever a test saved with saveTemplate (template.ts) goes too.
  const statements = ['drop schema if exists orgraph_test_template cascade', truncate, ...refill];
  return { client, tables, emptying: `do $$ begin ${statements.join('; ')}; end $$` };
}

/** Back to the migrated state; false when the database is no longer the one that was lent. */
async function emptied({ client, tables, emptying }: Pooled): Promise<boolean> {
  try {
    // A feed left listening (an app never disposed) must not hear the next file's writes.
    await client.unlisten(ORG_CHANGED_CHANNEL);
    if ((await publicTables(client)).join() !== tables.join()) return false;
    await client.exec(emptying);
    return true;
  } catch {
    return false;
  }
}

async function publicTables(client: PGlite): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  return rows.map((row) => row.name);
}
