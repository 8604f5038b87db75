import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/client.js';
import { pgliteTemplateKey } from '../../src/db/pglite-template.js';
import { giveBack, takePglite } from './pglite.js';

/**
 * A database of the test file's own: an in-memory PGlite by default (a copy of a migrated
 * template, or one emptied after another file's use: pglite.ts), or — when
 * DATABASE_URL is set — a fresh database created on that server and dropped afterwards,
 * so parallel test files and CI runs never see each other's data.
 */
export async function openTestDatabase(
  onQuery?: (sql: string, params: unknown[]) => void,
): Promise<Database & { drop(): Promise<void>; url?: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const pglite = await takePglite();
    const database = await openDatabase({ onQuery, pglite });
    return { ...database, drop: () => giveBack(pglite) };
  }
  const name = `orgraph_test_${randomBytes(6).toString('hex')}`;
  migrated ??= migratedDatabase(serverUrl);
  await adminQuery(serverUrl, `create database ${name} template ${await migrated}`);
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
