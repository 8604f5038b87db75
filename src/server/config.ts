import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { MOST_THRESHOLD, type Thresholds } from '../core/policy.js';
import type { DatabaseTimeouts } from '../db/connections.js';
import { sslModeAsPgReadsIt } from '../db/ssl-mode.js';
import type { AccessSettings } from '../tokens/authenticate.js';
import { checkJwtEnv, jwtConfigOf, jwtEnv } from '../tokens/jwt-config.js';
import { ConfigError } from './config-error.js';
import { milliseconds, onOff, port, postgresUrl, secret, whole } from './config-values.js';
import type { ConnectionLimits } from './http-server.js';

/**
 * The project's own `.orgraph` (two levels up), wherever the command runs from: `node
 * …/dist/cli/org.js check` run elsewhere read a new, empty org made there, and passed.
 */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../.orgraph', import.meta.url));

const envSchema = z
  .object({
    PORT: port.default(4000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: postgresUrl.transform(sslModeAsPgReadsIt).optional(),
    ORGRAPH_DATA_DIR: z.string().min(1).optional(),
    ORGRAPH_DEMO: onOff.default(true),
    ORGRAPH_ADMIN_TOKEN: secret(1).optional(),
    // Explicitly opens read access (VIEWER, or the role named) to requests without a token.
    // Any case, as roles are everywhere else (`--role admin`, a JWT's `viewer`).
    ORGRAPH_OPEN_READ: z
      .string()
      .transform((value) => (value.toLowerCase() === 'off' ? 'off' : value.toUpperCase()))
      .pipe(z.enum(['off', 'VIEWER', 'PLANNER'], { error: 'off, VIEWER or PLANNER' }))
      .default('off'),
    // Host names open reads answer beside IP addresses and localhost (open-read-host.ts).
    ORGRAPH_OPEN_READ_HOSTS: z
      .string()
      .default('')
      .refine(
        (list) => list.split(',').every((name) => /^[a-z0-9.-]*$/i.test(name.trim())),
        'a comma-separated list of host names like orgraph.internal',
      ),
    // Origins as a browser sends them: scheme, host and port (`https://dash.example.com`).
    ORGRAPH_CORS_ORIGINS: z
      .string()
      .default('')
      .refine(
        (list) => list.split(',').every((o) => o.trim() === '' || isOrigin(o.trim())),
        'a comma-separated list of origins like https://dash.example.com',
      ),
    ORGRAPH_GRAPHIQL: onOff.default(true),
    ORGRAPH_TLM_THRESHOLD: whole(1, MOST_THRESHOLD).default(4),
    ORGRAPH_LONG_TLM_DAYS: whole(1, MOST_THRESHOLD).default(180),
    ORGRAPH_SPAN_LIMIT: whole(1, MOST_THRESHOLD).default(10),
    ORGRAPH_ACTING_DAYS: whole(1, MOST_THRESHOLD).default(90),
    ORGRAPH_LOG_LEVEL: z
      .enum(['debug', 'info', 'warn', 'error', 'silent'], {
        error: 'debug, info, warn, error or silent',
      })
      .default('info'),
    // 6 MiB: the 2,000-team / 20,000-person import document is 3.4 MB (4.9 MB pretty-printed).
    ORGRAPH_MAX_BODY_BYTES: whole(1_024).default(6 * 1024 * 1024),
    // When set, GET /metrics needs it as a bearer token.
    ORGRAPH_METRICS_TOKEN: secret(16).optional(),
    ORGRAPH_DB_CONNECT_TIMEOUT_MS: milliseconds().default(5_000),
    ORGRAPH_DB_STATEMENT_TIMEOUT_MS: milliseconds().default(30_000),
    ORGRAPH_SHUTDOWN_GRACE_MS: milliseconds().default(10_000),
    ORGRAPH_MAX_CONNECTIONS: whole(1).default(1_000),
    // At least a minute: a request the server is still working on (a large import over HTTP,
    // some 20 s at 20,000 people) sends nothing meanwhile, and must not be cut.
    ORGRAPH_STALL_TIMEOUT_MS: milliseconds(60_000, 'a large import takes some 20 s').default(
      120_000,
    ),
    ORGRAPH_WORKERS: whole(1, 256).optional(),
    // Per process: each worker has its own pool, so the server takes workers × (this + 1 LISTEN).
    // Unset: sized by the worker count (poolMaxPerWorker).
    ORGRAPH_DB_POOL_MAX: whole(1).optional(),
    ...jwtEnv,
  })
  .superRefine(checkJwtEnv);

/** The name a workers' primary gives its workers to sign their writes with (sibling-steps.ts). */
export const WORKERS_INSTANCE_ENV = 'ORGRAPH_INSTANCE_OF_WORKERS';

/** The settings a server reads, as `npm start -- --help` lists them (the heap's: start.sh). */
export const SERVER_SETTINGS = [...Object.keys(envSchema.shape), 'ORGRAPH_HEAP_MB'];

/** Settings read by no server: bench, CI, tests, and the name workers are given. */
const READ_ELSEWHERE = [
  'ORGRAPH_BENCH_WORKERS',
  'ORGRAPH_CI_NO_APT',
  'ORGRAPH_CHROMIUM',
  WORKERS_INSTANCE_ENV,
];

/** A name as a typo leaves it comparable: any case, underscores aside. */
const loosely = (name: string) => name.toUpperCase().replaceAll('_', '');

/**
 * The `ORGRAPH_*` variables set that have no effect, each said: one orgraph does not read,
 * with the setting it looks like (`ORGRAPH_OPENREAD`: `ORGRAPH_OPEN_READ?`), since a
 * misspelt setting is otherwise silently not in force; and `ORGRAPH_WORKERS` without
 * PostgreSQL, since the embedded database serves one process.
 */
export function ignoredSettings(env: NodeJS.ProcessEnv = process.env): string[] {
  const known = [...SERVER_SETTINGS, ...READ_ELSEWHERE];
  const unknown = Object.keys(env)
    .filter((name) => name.toUpperCase().startsWith('ORGRAPH_') && !known.includes(name))
    .sort()
    .map((name) => {
      const like = known.find((setting) => loosely(setting) === loosely(name));
      return `${name} is not a setting orgraph reads${like ? ` (${like}?)` : ''}: it has no effect.`;
    });
  const workers = env.ORGRAPH_WORKERS && !env.DATABASE_URL;
  const oneProcess = `ORGRAPH_WORKERS=${env.ORGRAPH_WORKERS} has no effect on the embedded database, which one process serves: workers need DATABASE_URL.`;
  return workers ? [...unknown, oneProcess] : unknown;
}

/** `https://host[:port]`, nothing after: what a browser's Origin header holds. */
function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return /^https?:$/.test(url.protocol) && url.origin === text.replace(/\/$/, '');
  } catch {
    return false;
  }
}

/** A comma-separated setting's entries, blanks left out. */
const listOf = (list: string) =>
  list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

/** Every setting; those a request's credential is checked against are AccessSettings'. */
export interface Config extends AccessSettings, ConnectionLimits {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  demo: boolean;
  corsOrigins: string[];
  graphiql: boolean;
  /** The policy a new database starts with (SPEC "Policies"): the database keeps it after. */
  thresholds: Thresholds;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** The largest request body accepted; more is a 413. */
  maxBodyBytes: number;
  /** When set, `GET /metrics` needs it as a bearer token. */
  metricsToken?: string;
  databaseTimeouts: DatabaseTimeouts;
  /** How long SIGTERM waits for requests in flight before cutting them. */
  shutdownGraceMs: number;
  /**
   * Server processes sharing the port on PostgreSQL (default: one per core); the embedded
   * database has one writer, so it is always one process.
   */
  workers: number;
  /**
   * PostgreSQL only: the most connections one process's pool opens (its LISTEN is one more);
   * by default sized by `workers` (poolMaxPerWorker).
   */
  poolMax: number;
}

/** Parses the environment once; a bad value stops the start with the variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' `FOO= cmd`.
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(set);
  if (!parsed.success) {
    // Values are not repeated: DATABASE_URL and the admin token hold secrets.
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Bad setting ${problems.join('; ')}. Fix or unset it.`);
  }
  const e = parsed.data;
  const workers = e.DATABASE_URL ? (e.ORGRAPH_WORKERS ?? availableParallelism()) : 1;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.ORGRAPH_DATA_DIR ? resolve(e.ORGRAPH_DATA_DIR) : DEFAULT_DATA_DIR,
    demo: e.ORGRAPH_DEMO,
    adminToken: e.ORGRAPH_ADMIN_TOKEN,
    openRead: e.ORGRAPH_OPEN_READ === 'off' ? null : e.ORGRAPH_OPEN_READ,
    openReadHosts: listOf(e.ORGRAPH_OPEN_READ_HOSTS).map((name) =>
      name.toLowerCase().replace(/\.$/, ''),
    ),
    corsOrigins: listOf(e.ORGRAPH_CORS_ORIGINS),
    graphiql: e.ORGRAPH_GRAPHIQL,
    thresholds: {
      tlmEngineers: e.ORGRAPH_TLM_THRESHOLD,
      longTlmDays: e.ORGRAPH_LONG_TLM_DAYS,
      spanLimit: e.ORGRAPH_SPAN_LIMIT,
      actingDays: e.ORGRAPH_ACTING_DAYS,
    },
    logLevel: e.ORGRAPH_LOG_LEVEL,
    maxBodyBytes: e.ORGRAPH_MAX_BODY_BYTES,
    metricsToken: e.ORGRAPH_METRICS_TOKEN,
    jwt: jwtConfigOf(e),
    databaseTimeouts: {
      connectMs: e.ORGRAPH_DB_CONNECT_TIMEOUT_MS,
      statementMs: e.ORGRAPH_DB_STATEMENT_TIMEOUT_MS,
    },
    shutdownGraceMs: e.ORGRAPH_SHUTDOWN_GRACE_MS,
    maxConnections: e.ORGRAPH_MAX_CONNECTIONS,
    stallTimeoutMs: e.ORGRAPH_STALL_TIMEOUT_MS,
    workers,
    poolMax: e.ORGRAPH_DB_POOL_MAX ?? poolMaxPerWorker(workers),
  };
}

/** The connections the whole server may hold by default: its pools and LISTEN connections. */
export const SERVER_CONNECTIONS = 24;
const POOL_MAX = 10;

/**
 * Each worker's pool by default, so that all of them together, each with its LISTEN
 * connection, hold at most SERVER_CONNECTIONS of PostgreSQL's `max_connections` (100 by
 * default), whatever the core count: 10 a process up to 2 workers, 5 on 4, 2 on 8, and at
 * least 1 (then workers × 2). Writes take turns on the org's lock and reads come from memory,
 * so a few connections a process are enough.
 */
export function poolMaxPerWorker(workers: number): number {
  return Math.max(1, Math.min(POOL_MAX, Math.floor(SERVER_CONNECTIONS / workers) - 1));
}
