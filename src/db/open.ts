import { mkdirSync } from 'node:fs';
import { type Config, loadConfig } from '../server/config.js';
import { type Database, openDatabase } from './client.js';

/**
 * Opens the database the way the server does — PostgreSQL when `DATABASE_URL` is set, else
 * the embedded PGlite in the configured data folder — and applies the migrations. The
 * embedded folder has one writer: the caller holds its lock first (server/data-lock.ts).
 */
export async function openConfiguredDatabase(config: Config = loadConfig()): Promise<Database> {
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    timeouts: config.databaseTimeouts,
  });
  try {
    await database.migrate();
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  return database;
}
