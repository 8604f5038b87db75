import { createHash, type Hash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { holdsCluster } from './cluster-folder.js';
import { migrationsFolder } from './migrations.js';

/**
 * A new embedded database starts as a copy of one migrated, empty cluster instead of running
 * initdb: initdb in PGlite's WebAssembly takes five seconds of a first start, loading a copy
 * one. `npm run build` makes the copy (`buildPgliteTemplate`); without it (a build never run,
 * or one from other migrations or another PGlite) a new folder is made by initdb as before.
 */

// Two levels up from src/db, dist/db and dist/server (the bundles) alike: the checkout.
const PGLITE_PACKAGE = new URL(
  '../../node_modules/@electric-sql/pglite/package.json',
  import.meta.url,
);
const TEMPLATES = fileURLToPath(new URL('../../dist/pglite/', import.meta.url));

/** Changes with the migrations and with PGlite's version (its data folder's format). */
export function pgliteTemplateKey(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(PGLITE_PACKAGE));
  hashFolder(hash, migrationsFolder);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Adds every file under `folder` that `keep` keeps (by name), each by its path inside the
 * folder and its bytes, in one order wherever the folder lies and however the system lists it.
 */
export function hashFolder(hash: Hash, folder: string, keep = (_name: string) => true): void {
  const entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
  for (const file of files.sort()) {
    hash.update(file.slice(folder.length));
    hash.update(readFileSync(file));
  }
}

const templateFile = () => join(TEMPLATES, `${pgliteTemplateKey()}.tar`);

/**
 * The tarball of a freshly migrated PGlite for these migrations, made unless it exists; the
 * templates of other keys go.
 */
export async function buildPgliteTemplate(): Promise<string> {
  const file = templateFile();
  if (existsSync(file)) return file;
  const client = new PGlite({ extensions: { btree_gist } });
  await migratePglite(client);
  mkdirSync(TEMPLATES, { recursive: true });
  for (const old of readdirSync(TEMPLATES)) {
    if (old.endsWith('.tar')) rmSync(join(TEMPLATES, old), { force: true });
  }
  await dumpPglite(client, file);
  await client.close();
  return file;
}

/**
 * Saves `client`'s data folder as the tarball `file` (what `loadDataDir` takes). Written aside
 * and renamed: no reader ever sees half a file, and two writers both win.
 */
export async function dumpPglite(client: PGlite, file: string): Promise<void> {
  const tarball = await client.dumpDataDir('none');
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
  renameSync(partial, file);
}

/**
 * What a PGlite on `dataDir` starts from: the template when the folder holds no cluster yet
 * (no PG_VERSION) and a template of these migrations was built; else nothing (initdb, or the
 * folder's own cluster).
 */
export function newFolderTemplate(dataDir: string | undefined): Blob | undefined {
  if (dataDir !== undefined && holdsCluster(dataDir)) return undefined;
  const file = templateFile();
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}

/** Applies the committed migrations to an embedded database (idempotent). */
export async function migratePglite(client: PGlite): Promise<void> {
  await migrate(drizzle(client), { migrationsFolder });
}
