import type { Database, OpenOptions } from './database.js';

/**
 * Opens the database `options` name: PostgreSQL through `pg` when given a URL, else the
 * embedded PGlite. Each is loaded only when chosen: `pg` costs a CLI command on PGlite about
 * 0.1 s to load (its check for Cloudflare's runtime builds a fetch `Response`), PGlite a
 * server on PostgreSQL its 0.8 MB of JavaScript.
 */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) return (await import('./postgres.js')).openPostgres(options.url, options);
  return (await import('./embedded.js')).openEmbedded(options);
}
