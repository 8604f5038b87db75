import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/db/client.js';
import type { Database } from '../../src/db/database.js';
import { dumpPglite, pgliteTemplateKey } from '../../src/db/pglite-template.js';
import { giveBack, KEPT_UNUSED_MS, keepUsed, takePglite } from './pglite.js';

export type TestDatabase = Database & { drop(): Promise<void>; url?: string };
type OnQuery = (sql: string, params: unknown[]) => void;

/**
 * A database of the test file's own: an in-memory PGlite by default (a copy of a migrated
 * template, or one emptied after another file's use: pglite.ts), or — when
 * DATABASE_URL is set — a fresh database created on that server and dropped afterwards,
 * so parallel test files and CI runs never see each other's data.
 */
export async function openTestDatabase(onQuery?: OnQuery): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return (await openPglite(onQuery)).database;
  migrated ??= migratedDatabase(serverUrl);
  return copyOnServer(serverUrl, await migrated, onQuery);
}

/** Where the database saved under a key waits: a PGlite data folder tarball, or a database. */
const SAVED_PREFIX = 'orgraph-test-org-';
const savedFile = (key: string) => join(tmpdir(), `${SAVED_PREFIX}${key}.tar`);
const savedDatabase = (key: string) => `orgraph_test_org_${key}`;

/**
 * Like `openTestDatabase`, but holding what `fill` writes into a new one: the first time, it
 * is filled and saved under `key` (kept across runs); afterwards each caller gets a copy of
 * the saved one. Like the migrated template, it is saved aside and renamed, so a copy never
 * starts from half of it; two workers saving it at once both end with one.
 */
export async function openSavedDatabase(
  key: string,
  fill: (database: TestDatabase) => Promise<void>,
  onQuery?: OnQuery,
): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = savedDatabase(key);
    if (!(await existsOnServer(serverUrl, name))) await saveOnServer(serverUrl, name, fill);
    await keepUsedOnServer(serverUrl, name);
    return copyOnServer(serverUrl, name, onQuery);
  }
  const file = savedFile(key);
  if (existsSync(file)) {
    keepUsed(file, SAVED_PREFIX);
    return (await openPglite(onQuery, file)).database;
  }
  // The one filled is the caller's: loading the copy just saved would cost a PGlite start.
  const { pglite, database } = await openPglite(onQuery);
  try {
    await fill(database);
    await dumpPglite(pglite, file);
  } catch (error) {
    await database.drop();
    throw error;
  }
  keepUsed(file, SAVED_PREFIX);
  return database;
}

async function openPglite(onQuery?: OnQuery, file?: string) {
  const pglite = await takePglite(file);
  const database: TestDatabase = {
    ...(await openDatabase({ onQuery, pglite })),
    drop: () => giveBack(pglite),
  };
  return { pglite, database };
}

/** A new database on the server, a copy of `template`, dropped with `drop()`. */
async function copyOnServer(
  serverUrl: string,
  template: string,
  onQuery?: OnQuery,
  name = `orgraph_test_${randomBytes(6).toString('hex')}`,
): Promise<TestDatabase> {
  await adminQuery(serverUrl, `create database ${name} template ${template}`);
  const url = databaseUrl(serverUrl, name);
  const database = await openDatabase({ url, onQuery });
  return {
    ...database,
    /** Where a second instance (a second app on the same database) connects. */
    url,
    drop: async () => {
      await database.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * Marks the saved database `name` used (its comment: when), and drops the saved databases
 * left unused for as long as a tarball is kept (pglite.ts): each change to src/ makes new ones.
 */
async function keepUsedOnServer(serverUrl: string, name: string): Promise<void> {
  await adminQuery(serverUrl, `comment on database ${name} is '${Date.now()}'`);
  const unused = await adminQuery(
    serverUrl,
    `select datname as name from pg_database
     where datname ~ '^orgraph_test_org_[0-9a-f]{16}$'
       and coalesce(shobj_description(oid, 'pg_database'), '0')::bigint < $1`,
    [Date.now() - KEPT_UNUSED_MS],
  );
  for (const { name: old } of unused) {
    // In use as a template this very moment: left for the next time.
    await adminQuery(serverUrl, `drop database if exists ${old}`).catch(() => {});
  }
}

const existsOnServer = async (serverUrl: string, name: string) =>
  (await adminQuery(serverUrl, 'select from pg_database where datname = $1', [name])).length > 0;

/** Fills a new database under a name of its own, then renames it `name`. */
async function saveOnServer(
  serverUrl: string,
  name: string,
  fill: (database: TestDatabase) => Promise<void>,
): Promise<void> {
  migrated ??= migratedDatabase(serverUrl);
  const building = `${name}_${randomBytes(4).toString('hex')}`;
  const database = await copyOnServer(serverUrl, await migrated, undefined, building);
  try {
    await fill(database);
    await database.close(); // a template has no connections
    // Used now, before it has its name: another run's pruning never takes it for an old one.
    await adminQuery(serverUrl, `comment on database ${building} is '${Date.now()}'`);
    await adminQuery(serverUrl, `alter database ${building} rename to ${name}`);
  } catch (error) {
    await database.close().catch(() => {}); // closed already when the rename failed
    await adminQuery(serverUrl, `drop database if exists ${building} with (force)`);
    // Another run saved it first; anything else is the caller's failure.
    if (!(await existsOnServer(serverUrl, name))) throw error;
  }
}

const databaseUrl = (serverUrl: string, name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

let migrated: Promise<string> | undefined;
/**
 * The name of a database on the server holding the migrated schema and nothing else, made
 * once per set of migrations: a test file's database is a copy of it (`create database …
 * template`), cheaper than migrating each. It is migrated under a name of its own, then
 * renamed, so a copy never starts from half a migration, and two runs making it at once
 * both end with one.
 */
async function migratedDatabase(serverUrl: string): Promise<string> {
  const name = `orgraph_test_migrated_${pgliteTemplateKey()}`;
  const exists = await adminQuery(serverUrl, 'select 1 from pg_database where datname = $1', [
    name,
  ]);
  if (exists.length > 0) return name;
  const building = `${name}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${building}`);
  const database = await openDatabase({ url: databaseUrl(serverUrl, building) });
  await database.migrate();
  await database.close();
  try {
    await adminQuery(serverUrl, `alter database ${building} rename to ${name}`);
  } catch {
    await adminQuery(serverUrl, `drop database if exists ${building} with (force)`);
  }
  return name;
}

/** Runs one statement on the server `url` names, over a connection of its own; its rows. */
export async function adminQuery(
  url: string,
  statement: string,
  values: unknown[] = [],
): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(statement, values)).rows;
  } finally {
    await client.end();
  }
}
