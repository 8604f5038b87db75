import { afterAll, beforeAll, beforeEach } from 'vitest';
import { readOrgVersion } from '../../src/db/version.js';
import { readOrgHistory } from '../../src/store/history.js';
import type { HeldOrg } from '../../src/store/org-views.js';
import {
  openImportedDatabase,
  openWatchedDatabase,
  type TestApp,
  testAppOn,
  type WatchedDatabase,
} from './app.js';
import { type OrgTemplate, saveTemplate } from './template.js';

/** A person of an org document, named by their email, with their manager when given. */
export const person = (email: string, manager?: string) => ({
  email,
  name: email,
  ...(manager && { manager }),
});

/** The Core pillar, its Infra area and Infra's two empty teams, Databases and Web. */
export const coreWithDbAndWeb = () => [
  { slug: 'core', name: 'Core', layer: 'PILLAR' },
  { slug: 'infra', name: 'Infra', layer: 'AREA', parent: 'core' },
  { slug: 'db', name: 'Databases', layer: 'TEAM', parent: 'infra' },
  { slug: 'web', name: 'Web', layer: 'TEAM', parent: 'infra' },
];

/**
 * The Platform pillar, its Infra area and Infra's Storage team with the seats and members
 * given: the org the policy and gauge tests start from (each adds its own teams to Infra).
 */
export const platformWithStorage = (storage: {
  /** An email, or `{ person, since }` for a seat held from a given day. */
  engLead: string | { person: string; since: string };
  techLead: string;
  members: string[];
}) => [
  { slug: 'platform', name: 'Platform', layer: 'PILLAR' },
  { slug: 'infra', name: 'Infra', layer: 'AREA', parent: 'platform' },
  { slug: 'storage', parent: 'infra', name: 'Storage', layer: 'TEAM', ...storage },
];

export interface TestOrgOptions {
  /** Environment on top of the admin token, as the server would read it. */
  env?: Record<string, string>;
  /**
   * Runs once, after the import, on the app of the template: what it writes (API tokens, a
   * scenario) every test then starts with.
   */
  setup?: (t: TestApp) => Promise<void>;
  /** How long building the template may take (a big generated org), in ms. */
  timeout?: number;
  /** The apps' today; TODAY unless the tests ask about another day. */
  today?: string;
  /**
   * Start from a copy of `document` as imported once and saved (`openImportedDatabase`), not
   * a new import: for files of a large org whose tests are not about its import.
   */
  importOnce?: boolean;
}

/**
 * Each test of the file (or of the `describe` it is called in) gets its own app over the org
 * `document` — imported through the API, then `setup` — as if nothing had run before it: the
 * database is built once, saved as a template, and put back before every test, and the app
 * (its in-memory store, statements and logs) is new, holding the saved org as read once
 * (reading it again cost each test tens of milliseconds). So a test passes alone (`it.only`, `-t`)
 * and in any order.
 *
 * The returned object is the app of the running test; use it inside tests and `beforeEach`.
 */
export function useTestOrg(
  document?: unknown,
  { env = {}, setup, timeout, today, importOnce }: TestOrgOptions = {},
): TestApp {
  let watched: WatchedDatabase | undefined;
  let template: OrgTemplate;
  /** The saved org as read once: each test's new app holds it instead of reading it again. */
  let saved: HeldOrg;
  let current: TestApp | undefined;
  beforeAll(async () => {
    const imported = importOnce && document !== undefined;
    watched = imported
      ? await openImportedDatabase(document, env, today)
      : await openWatchedDatabase();
    const builder = testAppOn(watched, env, today);
    if (document !== undefined && !imported) await builder.importOrg(document);
    await setup?.(builder);
    template = await saveTemplate(watched.database);
    const { db } = watched.database;
    saved = { version: (await readOrgVersion(db)).version, history: await readOrgHistory(db) };
  }, timeout);
  beforeEach(async () => {
    current = undefined;
    if (!watched) throw new Error('useTestOrg: the template could not be built');
    await template.restore();
    current = testAppOn(watched, env, today, saved);
  });
  afterAll(async () => {
    current = undefined;
    await watched?.database.drop();
  });
  return new Proxy({} as TestApp, {
    get(_, key) {
      if (!current) throw new Error('useTestOrg: the app exists inside a test or beforeEach');
      return Reflect.get(current, key);
    },
  });
}
