import { migratedPgliteFile } from './pglite.js';

/**
 * Part of the global setup (global-setup.ts): the migrated PGlite every test database is
 * copied from (pglite.ts), built once before the workers start rather than by each of them.
 */
export default async function setup(): Promise<void> {
  if (!process.env.DATABASE_URL) await migratedPgliteFile();
}
