import { fileURLToPath } from 'node:url';

/** The committed drizzle migrations (drizzle/), two levels up from src/db and the bundles. */
export const migrationsFolder = fileURLToPath(new URL('../../drizzle/', import.meta.url));
