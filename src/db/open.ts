import { mkdirSync } from 'node:fs';
import { type Config, loadConfig } from '../server/config.js';
import { type Database, openDatabase } from './client.js';

/**
 * Opens the database the way the server does — PostgreSQL when `DATABASE_URL` is set, else
 * the embedded PGlite in the configured data folder — and applies the migrations.
 */
export async function openConfiguredDatabase(config: Config = loadConfig()): Promise<Database> {
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  return database;
}
