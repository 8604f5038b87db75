import { migratedPgliteFile } from './pglite.js';

/**
 * vitest globalSetup: the migrated PGlite every test database is copied from (pglite.ts),
 * built once before the workers start rather than by each of them at once.
 */
export default async function setup(): Promise<void> {
  if (!process.env.DATABASE_URL) await migratedPgliteFile();
}
