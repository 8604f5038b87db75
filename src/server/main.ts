import { createServer, type Server } from 'node:http';
import { openConfiguredDatabase } from '../db/open.js';
import { loadDemoIfEmpty, showDemoToken } from '../demo/load.js';
import { newTokenSecret } from '../tokens/tokens.js';
import { createApp } from './app.js';
import { type Config, loadConfig } from './config.js';
import { type FolderLock, lockDataFolder } from './data-lock.js';
import { describeFailure } from './failures.js';
import { drain, listen, localUrl } from './http-server.js';

// What is open, in the order it was opened: closed newest first on a failed start and on
// shutdown, so the embedded folder's lock is released only after its database is closed.
const opened: (() => Promise<void>)[] = [];
let config: Config | undefined;
let server: Server | undefined;
let stopping = false;

async function closeAll(): Promise<void> {
  for (const close of opened.reverse()) {
    await close().catch((error) => console.error(`[orgraph] while closing: ${error.message}`));
  }
}

async function start(): Promise<void> {
  config = loadConfig();
  const embedded = !config.databaseUrl;
  let lock: FolderLock | undefined;
  if (embedded) {
    lock = await lockDataFolder(config.dataDir, 'server', (error) =>
      stop(`the lock on ${config?.dataDir} was taken from us (${error.message})`, 3),
    );
    opened.push(() => (lock as FolderLock).release());
  }
  const database = await openConfiguredDatabase(config);
  opened.push(() => database.close());
  if (embedded && config.demo) await loadDemoIfEmpty(database.db, config.dataDir);
  // The CLI's way in while this process holds the embedded folder (data-lock.ts).
  const cliToken = embedded ? newTokenSecret() : undefined;
  server = createServer(createApp({ database, config: { ...config, cliToken } }));
  const address = await listen(server, config.port, config.host);
  lock?.publish({ url: localUrl(address), token: cliToken });
  process.on('SIGTERM', () => stop('SIGTERM', 0));
  process.on('SIGINT', () => stop('SIGINT', 0));

  // Minted before anything is printed: the banner is one write, token included.
  let demoToken: string | undefined;
  if (embedded) {
    await showDemoToken(database.db, config.dataDir, (secret) => {
      demoToken = secret;
    });
  }
  console.log(banner(config, address.port, demoToken).join('\n'));
}

function banner(config: Config, port: number, demoToken: string | undefined): string[] {
  const where = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
  const lines = [`orgraph listening on http://${config.host}:${port}/graphql (${where})`];
  if (config.adminToken && config.adminToken.length < 16) {
    lines.push('ORGRAPH_ADMIN_TOKEN is short: use 16 characters or more outside local use.');
  }
  if (demoToken) {
    lines.push(`Loaded the demo org. An ADMIN token for it, shown this once:\n  ${demoToken}`);
    lines.push('Send it as "Authorization: Bearer <token>" (GraphiQL: the Headers tab).');
  } else if (!config.adminToken && !config.openRead) {
    lines.push('Set ORGRAPH_ADMIN_TOKEN (or ORGRAPH_OPEN_READ=VIEWER for local use) to query.');
  }
  return lines;
}

/** Finishes the requests in flight (up to the grace period), then closes the database. */
async function stop(reason: string, exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const graceMs = config?.shutdownGraceMs ?? 0;
  console.log(`${reason}: finishing requests in flight (up to ${graceMs} ms), then closing`);
  const cut = server ? await drain(server, graceMs) : 0;
  if (cut > 0) console.warn(`cut ${cut} connection(s) still open after ${graceMs} ms`);
  await closeAll();
  process.exit(exitCode);
}

try {
  await start();
} catch (error) {
  const failure = describeFailure(error, config ?? {});
  console.error(`orgraph could not start: ${failure.line}`);
  await closeAll();
  process.exit(failure.exitCode);
}
