import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOrgVersion } from '../../src/db/version.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { adminQuery } from '../helpers/database.js';
import { startPeerApp, subscribeToChanges } from '../helpers/subscriptions.js';

// Instances share one PostgreSQL and hear of each other's writes through LISTEN/NOTIFY.
// PGlite is one process's embedded database: a second instance cannot open it.
const ORG = { units: [{ slug: 'core', name: 'Core', layer: 'PILLAR' }] };
const CREATE_UNIT = `mutation ($input: CreateUnitInput!) {
  createUnit(input: $input) { userErrors { code } }
}`;

/** The backends LISTENing on a database: one per instance with a subscriber. */
const LISTENERS = `select pid from pg_stat_activity where datname = $1 and query ilike 'listen %'`;

describe.skipIf(!process.env.DATABASE_URL)(
  'orgChanged across instances (PostgreSQL only: needs DATABASE_URL)',
  () => {
    let a: TestApp;
    let b: Awaited<ReturnType<typeof startPeerApp>>;
    beforeAll(async () => {
      a = await startTestApp({ org: ORG });
      b = await startPeerApp(a);
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
    });

    const createArea = (slug: string) =>
      a.data(CREATE_UNIT, { input: { slug, name: slug, layer: 'AREA', parent: 'core' } });
    /** Statements on the test database, from outside it (as an operator's psql). */
    const admin = (statement: string, values: unknown[] = []) =>
      adminQuery(process.env.DATABASE_URL as string, statement, values);
    const name = () => new URL(a.database.url as string).pathname.slice(1);
    const listeners = async () => (await admin(LISTENERS, [name()])).map((row) => row.pid);

    it('a write on instance A reaches a subscriber of instance B', async () => {
      const stream = await subscribeToChanges(b.app);
      try {
        const latencies: number[] = [];
        for (const slug of ['infra', 'apps', 'data']) {
          const written = performance.now();
          await createArea(slug);
          const change = await stream.next();
          latencies.push(performance.now() - written);
          expect(change.version).toBe((await readOrgVersion(a.database.db)).version);
        }
        // The figure for the README (write committed on A → event on B, mutation included).
        console.info(`orgChanged A→B: ${latencies.map((ms) => ms.toFixed(1)).join(', ')} ms`);
      } finally {
        stream.close();
      }
    });

    it('survives its LISTEN connection being killed: reconnects and catches up', async () => {
      const stream = await subscribeToChanges(b.app);
      try {
        await expect.poll(async () => (await listeners()).length).toBe(1);
        const [listener] = await listeners();
        // Kept away long enough to miss a write: the database takes no new connection.
        await admin(`alter database ${name()} with allow_connections false`);
        try {
          await admin('select pg_terminate_backend($1)', [listener]);
          await createArea('missed');
        } finally {
          await admin(`alter database ${name()} with allow_connections true`);
        }
        // The missed write is announced once B listens again (NOTIFY went to no one), as
        // written when it was (it said when it was heard, up to the reconnection's backoff).
        const caughtUp = await stream.next(15_000);
        expect(caughtUp.version).toBe((await readOrgVersion(a.database.db)).version);
        const { changes } = await a.data('{ changes(first: 1) { nodes { at } } }');
        expect(Date.parse(caughtUp.at)).toBe(Date.parse(changes.nodes[0].at));
        const [again] = await listeners();
        expect(again).not.toBe(listener);
        await createArea('after');
        expect((await stream.next()).version).toBe((await readOrgVersion(a.database.db)).version);
      } finally {
        stream.close();
      }
    });
  },
);
