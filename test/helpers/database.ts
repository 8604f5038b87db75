import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/client.js';
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
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), onQuery });
  await database.migrate();
  return {
    ...database,
    /** Where a second instance (a second app on the same database) connects. */
    url: url.toString(),
    drop: async () => {
      await database.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
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
