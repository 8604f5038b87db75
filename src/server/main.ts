import { createServer } from 'node:http';
import { openConfiguredDatabase } from '../db/open.js';
import { loadDemoIfEmpty } from '../demo/load.js';
import { createApp } from './app.js';
import { loadConfig } from './config.js';

const config = loadConfig();
const database = await openConfiguredDatabase(config);
const demoToken =
  database.kind === 'pglite' && config.demo ? await loadDemoIfEmpty(database.db) : null;

const app = createApp({ database, config });
const server = createServer(app);
server.listen(config.port, config.host, () => {
  const where = database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
  console.log(`orgraph listening on http://${config.host}:${config.port}/graphql (${where})`);
  if (config.adminToken && config.adminToken.length < 16) {
    console.warn('ORGRAPH_ADMIN_TOKEN is short: use 16 characters or more outside local use.');
  }
  if (demoToken) {
    console.log(`Loaded the demo org. An ADMIN token for it, shown this once:\n  ${demoToken}`);
    console.log('Send it as "Authorization: Bearer <token>" (GraphiQL: the Headers tab).');
  } else if (!config.adminToken && !config.openRead) {
    console.log('Set ORGRAPH_ADMIN_TOKEN (or ORGRAPH_OPEN_READ=VIEWER for local use) to query.');
  }
});

// SIGTERM: stop accepting, let requests in flight finish, then close the pool.
let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing requests in flight, then closing the database`);
  server.close(async () => {
    await database.close();
    process.exit(0);
  });
  server.closeIdleConnections();
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
