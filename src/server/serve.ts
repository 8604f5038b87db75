import cluster from 'node:cluster';
import { createServer, type Server } from 'node:http';
import { isIPv6, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { todayUtc } from '../core/org/days.js';
import { loadDemoIfFirstStart, showDemoToken } from '../demo/load.js';
import { seedPolicy } from '../policy/seed.js';
import { newTokenSecret } from '../tokens/tokens.js';
import { anyUnit } from '../units/data.js';
import { type App, createApp } from './app.js';
import { type Config, ignoredSettings, loadConfig } from './config.js';
import { type FolderLock, lockDataFolder } from './data-lock.js';
import { describeFailure } from './failures.js';
import { takeHandedConnections } from './hand-off.js';
import { refuseBadHost } from './host-guard.js';
import {
  drain,
  isEveryInterface,
  limitConnections,
  listen,
  localUrl,
  openConnections,
} from './http-server.js';
import { createLogger, type Logger } from './logging.js';
import { openConfiguredDatabase } from './open-database.js';
import { type Started, startNotes } from './start-notes.js';
import { superviseWorkers } from './workers.js';

// What is open, in the order it was opened: closed newest first on a failed start and on
// shutdown, so the embedded folder's lock is released only after its database is closed.
const opened: (() => Promise<void>)[] = [];
let config: Config | undefined;
let logger: Logger | undefined;
let app: App | undefined;
let server: Server | undefined;
let connections: Set<Socket> | undefined;
let stopping = false;
/** When the first stop signal came. */
let stoppedAt = 0;
let starting: Promise<void> | undefined;

async function closeAll(): Promise<void> {
  for (const close of opened.reverse()) {
    await close().catch((error) =>
      (logger ?? createLogger('error')).error({ error: error.message }, 'while closing'),
    );
  }
}

async function start(): Promise<void> {
  config = loadConfig();
  logger = createLogger(config.logLevel);
  const embedded = !config.databaseUrl;
  let lock: FolderLock | undefined;
  if (embedded) {
    lock = await lockDataFolder(config.dataDir, 'server', (error) =>
      stop(`the lock on ${config?.dataDir} was taken from us (${error.message})`, 3),
    );
    opened.push(() => (lock as FolderLock).release());
  }
  if (stopping) return;
  const database = await openConfiguredDatabase(config, (message) => logger?.warn(message));
  opened.push(() => database.close());
  if (stopping) return;
  await seedPolicy(database.db, config.thresholds, todayUtc());
  if (stopping) return;
  if (embedded) await loadDemoIfFirstStart(database.db, config.dataDir, config.demo);
  if (stopping) return;
  // The CLI's way in while this process holds the embedded folder (data-lock.ts).
  const cliToken = embedded ? newTokenSecret() : undefined;
  app = createApp({ database, config: { ...config, cliToken }, logger });
  server = createServer(refuseBadHost(app, logger));
  connections = openConnections(server);
  limitConnections(server, connections, config);
  // A worker serves what its primary accepts (hand-off.ts), and says nothing of its own.
  if (cluster.isWorker) return takeHandedConnections(server, !(await anyUnit(database.db)));
  const address = await listen(server, config.port, config.host);
  if (stopping) return;
  lock?.publish({ url: localUrl(address), token: cliToken });

  // Minted before anything is printed: the banner is one write, token included.
  let demoToken: string | undefined;
  if (embedded) {
    await showDemoToken(database.db, config.dataDir, (secret) => {
      demoToken = secret;
    });
  }
  announce(config, address.port, { demoToken, orgEmpty: !(await anyUnit(database.db)) });
}

/**
 * Says the server is up, in one write (a supervisor waiting for it sees the token too). On a
 * terminal, as text for a person, the demo token on a line of its own to copy; anywhere else
 * (a container, a supervisor, a pipe), as one JSON line like every other log line, at info
 * whatever ORGRAPH_LOG_LEVEL says: the operator must see where it listens, and the token.
 */
function announce(config: Config, port: number, started: Omit<Started, 'tty'> = {}): void {
  // A URL to open: `http://[::1]:4000`, and on a HOST of every interface (0.0.0.0, which a
  // browser refuses) this machine's address, the binding said beside it.
  const family = isIPv6(config.host) ? 'IPv6' : 'IPv4';
  const url = `${localUrl({ address: config.host, family, port })}/graphql`;
  const everywhere = isEveryInterface(config.host) ? `every interface, HOST=${config.host}; ` : '';
  const workers = config.workers > 1 ? `, ${config.workers} workers` : '';
  const database = config.databaseUrl
    ? `PostgreSQL${workers}`
    : `embedded PGlite in ${config.dataDir}`;
  const tty = Boolean(process.stdout.isTTY);
  const notes = startNotes(config, { ...started, tty, ignored: ignoredSettings() });
  const { demoToken } = started;
  const listening = `orgraph listening on ${url} (${everywhere}${database})`;
  if (tty) {
    console.log([listening, ...notes].join('\n'));
  } else {
    const fields = { url, database, notes, ...(demoToken ? { demoToken } : {}) };
    logger?.child({}, { level: 'info' }).info(fields, listening);
  }
}

/**
 * Finishes the requests in flight (up to the grace period), then closes the database.
 * Subscriptions never finish by themselves: disposing the app ends their streams (clients
 * see them complete and reconnect elsewhere) and closes its LISTEN connection.
 */
async function stop(reason: string, exitCode: number): Promise<void> {
  if (stopping) {
    // One Ctrl-C arrives twice: the terminal signals npm and the server alike, and npm passes
    // its own on (a worker gets its primary's SIGTERM after the terminal's SIGINT).
    if (Date.now() - stoppedAt < SAME_STOP_MS) return;
    // A second signal: the operator does not wait for what is left (it was ignored).
    logger?.warn({ reason }, `${reason} again: exiting now`);
    process.exit(1);
  }
  stopping = true;
  stoppedAt = Date.now();
  const graceMs = config?.shutdownGraceMs ?? 0;
  logger?.info(
    { reason, graceMs },
    `${reason}: finishing requests in flight (up to ${graceMs} ms), then closing`,
  );
  // Asked while starting: the start gives up at its next step (each checks `stopping`),
  // and what it opened is closed below, the folder lock last.
  await starting?.catch(() => {});
  const draining = server && connections ? drain(server, connections, graceMs) : Promise.resolve(0);
  // A database that stopped answering holds its connections: closing waits so long at most.
  const closing = async () => {
    await app?.dispose();
    const cut = await draining;
    if (cut > 0)
      logger?.warn({ cut, graceMs }, 'cut connections still open after the grace period');
    await closeAll();
  };
  const closed = await Promise.race([
    closing().then(
      () => true,
      () => true, // closeAll logs what failed
    ),
    sleep(graceMs + CLOSE_MS, false), // the process exits next: no timer to clear
  ]);
  if (!closed) {
    logger?.warn({ graceMs }, `the database did not close within ${CLOSE_MS} ms: exiting`);
  }
  process.exit(exitCode);
}

const CLOSE_MS = 5_000;
/** A signal this soon after the first is the same stop, delivered twice. */
const SAME_STOP_MS = 1_000;

/** The configuration when it asks for workers (and this is their primary), else null. */
function workersWanted(): Config | null {
  if (!cluster.isPrimary) return null;
  try {
    const wanted = loadConfig();
    return wanted.workers > 1 ? wanted : null;
  } catch {
    return null; // the start below says what is wrong with the setting, in one line
  }
}

/** A start that cannot serve: one line, what it opened closed, and the exit code. */
async function cannotStart(error: unknown): Promise<void> {
  const failure = describeFailure(error, config ?? {});
  console.error(`orgraph could not start: ${failure.line}`);
  await closeAll();
  process.exit(failure.exitCode);
}

const supervising = workersWanted();
if (supervising) {
  config = supervising;
  const log = createLogger(supervising.logLevel);
  await superviseWorkers(supervising, log, (port, started) => {
    logger = log;
    announce(supervising, port, started);
  }).catch(cannotStart);
} else {
  // From the first moment: a stop asked while starting still closes what is open, in order.
  process.on('SIGTERM', () => stop('SIGTERM', 0));
  process.on('SIGINT', () => stop('SIGINT', 0));
  try {
    starting = start();
    await starting;
  } catch (error) {
    // A stop in progress closes everything and sets the exit code itself.
    if (!stopping) await cannotStart(error);
  }
}
