import { todayUtc } from '../core/org/days.js';
import { holdsCluster } from '../db/cluster-folder.js';
import type { Database } from '../db/database.js';
import type { Config } from '../server/config.js';
import {
  FolderInUse,
  type FolderOwner,
  listeningHolder,
  serverHolding,
} from '../server/data-lock.js';
import { openAsWriter } from '../server/open-database.js';
import { requireDataFolder } from '../server/owner-only.js';
import { answer, type Operator } from './answer.js';
import { badInput, cannotRun } from './failures.js';
import { ctrlC, isWrite } from './interrupt.js';

export type { Operator } from './answer.js';

// A server that accepts the connection but never answers (stopped, wedged) is given up on.
const SERVER_TIMEOUT_MS = 120_000;

/**
 * The CLI's commands sent to the server holding the data folder. One not answered within
 * `timeoutMs` is given up on: a change may still be made when the server wakes, so it is to be
 * checked before being sent again; a read changed nothing.
 */
export function throughServer(url: string, token: string, timeoutMs = SERVER_TIMEOUT_MS): Operator {
  const unanswered = (query: string, variables: Record<string, unknown>) => {
    const late = `the orgraph server at ${url} did not answer within ${timeoutMs / 1000} s`;
    return isWrite(query, variables)
      ? `${late}; it may still make this change: check before running it again, or restart the server`
      : `${late} (nothing was changed): restart the server, or try again`;
  };
  // The request was sent: the server may have made a change before it went (stopped, died).
  const cutOff = (query: string, variables: Record<string, unknown>) => {
    const cut = `the orgraph server at ${url} closed the connection before answering (stopped?)`;
    return isWrite(query, variables)
      ? `${cut}; it may have made this change: check before running it again`
      : `${cut} (nothing was changed): try again once it runs`;
  };
  return {
    async ask<T>(query: string, variables: Record<string, unknown> = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      }).catch((error) => {
        if (error.name === 'TimeoutError') throw cannotRun(unanswered(query, variables));
        const code = error.cause?.code ?? error.message;
        if (code === 'ECONNREFUSED') {
          throw cannotRun(
            `the orgraph server holding the data folder does not answer at ${url} (connection refused): restart it`,
          );
        }
        throw cannotRun(cutOff(query, variables));
      });
      return answer<T>(await response.json());
    },
    close: async () => {},
  };
}

/**
 * The commands that may make the embedded database: the others act on an org, and on a
 * folder holding none they make none, and say so (a gate run on a mistyped folder read a new,
 * empty org there, and passed; a token made there worked nowhere).
 */
const MAKES_ORG = new Set(['import', 'seed']);

/**
 * The operator for a command: PostgreSQL in-process; the embedded folder in-process while
 * this command holds its lock, or through the server that holds it. `today` pins the day
 * the command runs on; a server answers for its own today, so it cannot be pinned there:
 * refused, unless the day is only `preferred` (the server's today then does). A `dryRun` on a
 * folder holding no org plans against an empty one in memory: it makes none there.
 */
export async function connect(
  config: Config,
  command: string,
  today?: string,
  options: { preferred?: boolean; dryRun?: boolean } = {},
): Promise<Operator> {
  const interrupts = ctrlC(); // heard from the entry's start (org.ts); here for in-process use
  return interrupts.watch(await reach(config, command, today, options));
}

async function reach(
  config: Config,
  command: string,
  today: string | undefined,
  { preferred = false, dryRun = false },
  again = false,
): Promise<Operator> {
  // A dry run plans against an empty org in memory: it makes none there either.
  if (config.databaseUrl && (dryRun || !MAKES_ORG.has(command))) {
    const { holdsOrgTables } = await import('../db/migrate-postgres.js');
    if (!(await holdsOrgTables(config.databaseUrl, config.databaseTimeouts))) {
      if (dryRun) return inProcessOn(await emptyOrg(), config, today);
      throw cannotRun(
        `DATABASE_URL's database holds no org (orgraph's tables are not there), so no ${command}; ` +
          'fix DATABASE_URL, or make them first (npm run db:migrate, a server start, or an import)',
      );
    }
  }
  // A server starting on a new folder holds it before its database is made: waited for below.
  const starting = !config.databaseUrl && serverHolding(config.dataDir) !== null;
  if (!config.databaseUrl && !holdsCluster(config.dataDir) && !starting) {
    requireDataFolder(config.dataDir); // a folder of the user's own files says that first
    if (dryRun) return inProcessOn(await emptyOrg(), config, today);
    if (!MAKES_ORG.has(command)) {
      throw cannotRun(
        `ORGRAPH_DATA_DIR ${config.dataDir} holds no org (no database there), so no ${command}; ` +
          'set ORGRAPH_DATA_DIR to the folder that holds yours, or start the server there first',
      );
    }
  }
  let database: Awaited<ReturnType<typeof openAsWriter>>;
  try {
    database = await openAsWriter(config, `CLI (org ${command})`);
  } catch (error) {
    const owner = await serverOf(config, error);
    // A server that stopped while waited for (its port taken, say) left the folder free.
    if (owner === 'gone' && !again)
      return reach(config, command, today, { preferred, dryRun }, true);
    if (owner === 'gone' || !owner?.url || !owner.token) throw error;
    if (today && !preferred) {
      const holder = `the server at ${owner.url} holds ${config.dataDir}`;
      throw badInput(`--today cannot be used while ${holder}: it runs on its own today`);
    }
    return throughServer(owner.url, owner.token);
  }
  return inProcessOn(database, config, today);
}

/** How long a command waits for a server that holds the folder but does not listen yet. */
const SERVER_START_MS = 30_000;

/**
 * The server holding the folder, listening (waited for in its first seconds), if any; 'gone'
 * when the starting server waited for stopped instead (the error names a dead process then).
 */
async function serverOf(config: Config, error: unknown): Promise<FolderOwner | null | 'gone'> {
  const owner = error instanceof FolderInUse ? error.owner : null;
  if (owner?.what !== 'server' || owner.url) return owner;
  const listening = await listeningHolder(config.dataDir, owner, SERVER_START_MS);
  return listening ?? (serverHolding(config.dataDir) ? null : 'gone');
}

async function inProcessOn(database: Database, config: Config, today?: string): Promise<Operator> {
  await seededPolicy(database, config);
  // Loaded here: a command sent through the running server never needs the schema.
  return (await import('./in-process.js')).inProcess(database, config, today);
}

/** A new org in memory, for a plan that must not make one on disk. */
async function emptyOrg(): Promise<Database> {
  const { openDatabase } = await import('../db/client.js');
  const database = await openDatabase({});
  await database.migrate().catch(async (error) => {
    await database.close();
    throw error;
  });
  return database;
}

/**
 * A new database gets its policy from this environment, whichever opens it first (SPEC
 * "Policies": the environment gives the default of a new database); the server does the same.
 */
export async function seededPolicy(database: Database, config: Config): Promise<void> {
  const { seedPolicy } = await import('../policy/seed.js');
  await seedPolicy(database.db, config.thresholds, todayUtc()).catch(async (error) => {
    await database.close();
    throw error;
  });
}
