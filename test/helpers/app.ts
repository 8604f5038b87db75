import { createHash } from 'node:crypto';
import type { ExecutionResult } from 'graphql';
import { hashFolder, pgliteTemplateKey } from '../../src/db/pglite-template.js';
import { createApp } from '../../src/server/app.js';
import { type Config, loadConfig } from '../../src/server/config.js';
import { createLogger } from '../../src/server/logging.js';
import type { HeldOrg } from '../../src/store/org-views.js';
import { openSavedDatabase, openTestDatabase, type TestDatabase } from './database.js';

/** The day every test runs on, so answers do not drift with the calendar. */
export const TODAY = '2026-11-23';
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestAppOptions {
  /** Environment on top of the admin token, as the server would read it. */
  env?: Record<string, string>;
  /** An org document to import (through the API) before the app is handed over. */
  org?: unknown;
  /** The app's today; TODAY unless a test asks about another day. */
  today?: string;
  /**
   * Start from a copy of `org` as imported once and saved (`openImportedDatabase`), not a new
   * import: for files that read or write a large org but do not test its import.
   */
  importOnce?: boolean;
}

export interface GqlOptions {
  /** Bearer token; defaults to the bootstrap admin token. `null` sends none. */
  token?: string | null;
}

const IMPORT_ORG = `mutation ($d: JSONObject!) { importOrg(document: $d) {
  created { units people } userErrors { path message code }
} }`;

/** What the test database does with each statement drizzle sends (the app of the moment). */
type QueryListener = (sql: string, params: unknown[]) => void;

/**
 * A test database (a new one, unless `open` opens another) whose statements go to whichever
 * app `watch` was last given.
 */
export async function openWatchedDatabase(
  open: (onQuery: QueryListener) => Promise<TestDatabase> = openTestDatabase,
) {
  let listener: QueryListener = () => {};
  const database = await open((sql, params) => listener(sql, params));
  const watch = (next: QueryListener) => {
    listener = next;
  };
  return { database, watch };
}

export type WatchedDatabase = Awaited<ReturnType<typeof openWatchedDatabase>>;

/**
 * A watched database holding `document` as the API's importOrg (by an app with `env` and
 * `today`) left it. Importing a generated org of thousands of people takes seconds of CPU
 * (each dated history row is checked against its exclusion constraint), so the first import
 * is saved (`openSavedDatabase`: a PGlite tarball in the system's temporary folder, or a
 * database on the server) under a key of everything its result depends on, and later files
 * and runs get a copy.
 */
export async function openImportedDatabase(
  document: unknown,
  env: Record<string, string> = {},
  today = TODAY,
): Promise<WatchedDatabase> {
  const importOnce = async (database: TestDatabase) => {
    const importer = testAppOn({ database, watch: () => {} }, env, today);
    try {
      await importer.importOrg(document);
    } finally {
      await importer.app.dispose();
    }
  };
  const key = importKey(document, env, today);
  return openWatchedDatabase((onQuery) => openSavedDatabase(key, importOnce, onQuery));
}

let codeHash: string | undefined;
/**
 * Changes whenever an import's result could: with the document, the importing app's
 * environment and day, our code and migrations, and PGlite's version.
 */
function importKey(document: unknown, env: Record<string, string>, today: string): string {
  if (codeHash === undefined) {
    // The migrations and PGlite's version are the template's key.
    const code = createHash('sha256').update(pgliteTemplateKey());
    hashFolder(code, new URL('../../src/', import.meta.url).pathname);
    codeHash = code.digest('hex');
  }
  const hash = createHash('sha256').update(codeHash);
  hash.update(JSON.stringify({ document, env, today }));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The real app on a real database of the test file's own, plus a `gql()` caller that goes
 * through HTTP handling (app.fetch) exactly as a client would. `useTestOrg` (test-org.ts)
 * gives each test one of its own instead.
 */
export async function startTestApp({ env = {}, org, today, importOnce }: TestAppOptions = {}) {
  if (importOnce && org !== undefined) {
    return testAppOn(await openImportedDatabase(org, env, today), env, today);
  }
  const watched = await openWatchedDatabase();
  const testApp = testAppOn(watched, env, today);
  if (org !== undefined) {
    try {
      await testApp.importOrg(org);
    } catch (error) {
      await testApp.close();
      throw error;
    }
  }
  return testApp;
}

/**
 * A new app (so a new in-memory store, read afresh from the database) over `watched`, with
 * its own record of statements and logs.
 */
export function testAppOn(
  { database, watch }: WatchedDatabase,
  env: Record<string, string> = {},
  today: string | (() => string) = TODAY,
  heldOrg?: HeldOrg,
) {
  const statements: string[] = [];
  /** The parameters of each statement, in step with `statements`. */
  const parameters: unknown[][] = [];
  /** Tests acting the moment a statement is sent (`onStatement`). */
  const hearing = new Set<QueryListener>();
  watch((sql, params) => {
    statements.push(sql);
    parameters.push(params);
    for (const listener of hearing) listener(sql, params);
  });
  // The tests' requests go to http://orgraph.test/: a name open reads answer once listed.
  const config: Config = loadConfig({
    ORGRAPH_ADMIN_TOKEN: ADMIN_TOKEN,
    ORGRAPH_OPEN_READ_HOSTS: 'orgraph.test',
    ...env,
  });
  /** The JSON lines the app logged, one a string. */
  const logs: string[] = [];
  const logger = createLogger(config.logLevel, { write: (line: string) => logs.push(line) });
  // A function: a day that moves on while the app runs (midnight, in a test of it).
  const app = createApp({
    database,
    config,
    today: typeof today === 'function' ? today : () => today,
    logger,
    heldOrg,
  });

  async function gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    { token = ADMIN_TOKEN }: GqlOptions = {},
  ): Promise<ExecutionResult<T> & { status: number }> {
    const response = await app.fetch('http://orgraph.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { ...((await response.json()) as ExecutionResult<T>), status: response.status };
  }

  /** Like gql() but fails the test on any GraphQL error, returning `data`. */
  async function data<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: GqlOptions = {},
  ): Promise<T> {
    const result = await gql<T>(query, variables, options);
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors, null, 2));
    return result.data as T;
  }

  /** Imports an org document through the API; throws listing the userErrors, if any. */
  async function importOrg(document: unknown): Promise<Record<string, any>> {
    const { importOrg: payload } = await data(IMPORT_ORG, { d: document });
    if (payload.userErrors.length) {
      throw new Error(`importOrg refused: ${JSON.stringify(payload.userErrors, null, 2)}`);
    }
    return payload;
  }

  /** How many changes the audit log holds. */
  const changeCount = async () =>
    (await data<{ changes: { totalCount: number } }>('{ changes { totalCount } }')).changes
      .totalCount;

  return {
    app,
    database,
    config,
    statements,
    parameters,
    logs,
    gql,
    data,
    importOrg,
    changeCount,
    /** Hears each statement as it is sent, until the returned function is called. */
    onStatement: (listener: QueryListener) => {
      hearing.add(listener);
      return () => void hearing.delete(listener);
    },
    /** Ends the app (its subscriptions and LISTEN connection), then drops the database. */
    close: async () => {
      await app.dispose();
      await database.drop();
    },
  };
}

export type TestApp = ReturnType<typeof testAppOn>;

/**
 * A second app (its own store and counters) over a test app's database and settings, as a
 * second instance would be; its logs go nowhere (a test reads them from its own app).
 */
export function secondApp(
  t: { database: TestApp['database']; config: Config },
  settings: Partial<Config> = {},
) {
  return createApp({
    database: t.database,
    config: { ...t.config, ...settings },
    today: () => TODAY,
    logger: createLogger('silent'),
  });
}
