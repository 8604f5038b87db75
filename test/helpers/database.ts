import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/client.js';

/**
 * A database of the test file's own: an in-memory PGlite by default, or — when
 * DATABASE_URL is set — a fresh database created on that server and dropped afterwards,
 * so parallel test files and CI runs never see each other's data.
 */
export async function openTestDatabase(
  onQuery?: (sql: string, params: unknown[]) => void,
): Promise<Database & { drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ onQuery });
    await database.migrate();
    return { ...database, drop: () => database.close() };
  }
  const name = `orgraph_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), onQuery });
  await database.migrate();
  return {
    ...database,
    drop: async () => {
      await database.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
