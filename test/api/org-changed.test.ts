import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOrgVersion } from '../../src/db/version.js';
import { drain, listen, openConnections } from '../../src/server/http-server.js';
import { STREAMS_PER_CALLER } from '../../src/tokens/credential-watch.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { subscribeToChanges } from '../helpers/subscriptions.js';

const ORG = { units: [{ slug: 'core', name: 'Core', layer: 'PILLAR' }] };
const CREATE_UNIT = `mutation ($input: CreateUnitInput!) {
  createUnit(input: $input) { unit { slug } userErrors { code } }
}`;
const IMPORT = `mutation ($d: JSONObject!, $dryRun: Boolean) {
  importOrg(document: $d, dryRun: $dryRun) { created { units } userErrors { code } }
}`;
const NEW_PILLAR = { units: [{ slug: 'biz', name: 'Business', layer: 'PILLAR' }] };
const CREATE_TOKEN = `mutation ($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token }
}`;

let t: TestApp;
let viewerToken: string;

beforeAll(async () => {
  t = await startTestApp({ org: ORG });
  const { createApiToken } = await t.data(CREATE_TOKEN, {
    input: { name: 'wallboard', role: 'VIEWER' },
  });
  viewerToken = createApiToken.token;
});
afterAll(() => t?.close());

const createArea = (slug: string) =>
  t.data(CREATE_UNIT, { input: { slug, name: slug, layer: 'AREA', parent: 'core' } });

/** The `orgraph_subscribers` gauge as /metrics shows it. */
async function subscribersOf(app: TestApp['app']): Promise<number> {
  const text = await (await app.fetch('http://localhost/metrics')).text();
  return Number(/^orgraph_subscribers (\d+)$/m.exec(text)?.[1]);
}

describe('subscription { orgChanged }', () => {
  it('a VIEWER hears each committed write: its version and when it was made', async () => {
    const stream = await subscribeToChanges(t.app, viewerToken);
    try {
      const before = (await readOrgVersion(t.database.db)).version;
      const started = Date.now();
      await createArea('infra');
      const change = await stream.next();
      expect(change.version).toBe(before + 1);
      expect(change.version).toBe((await readOrgVersion(t.database.db)).version);
      expect(new Date(change.at).toISOString()).toBe(change.at);
      expect(Date.parse(change.at)).toBeGreaterThanOrEqual(started);
      await createArea('apps');
      expect((await stream.next()).version).toBe(before + 2);
    } finally {
      stream.close();
    }
  });

  it('a dry run, a refused write and a write that changes nothing raise nothing', async () => {
    const stream = await subscribeToChanges(t.app);
    try {
      const before = (await readOrgVersion(t.database.db)).version;
      const { importOrg: dryRun } = await t.data(IMPORT, { d: NEW_PILLAR, dryRun: true });
      expect(dryRun).toMatchObject({ userErrors: [], created: { units: 1 } });
      const refused = await t.data(CREATE_UNIT, {
        input: { slug: 'lost', name: 'Lost', layer: 'TEAM', parent: 'nowhere' },
      });
      expect(refused.createUnit.userErrors).not.toEqual([]);
      // Already as the document says: nothing to write.
      expect((await t.data(IMPORT, { d: ORG })).importOrg.userErrors).toEqual([]);
      await stream.quiet(500);
      expect((await readOrgVersion(t.database.db)).version).toBe(before);
      await createArea('data');
      expect((await stream.next()).version).toBe(before + 1);
    } finally {
      stream.close();
    }
  });

  it('without a token: refused with a 401, as queries are', async () => {
    await expect(subscribeToChanges(t.app, null)).rejects.toThrow(/401|Authentication required/);
  });

  it('holds at most 32 streams open for one caller: the next is refused until one closes', async () => {
    // One VIEWER token could open streams without end, each a connection and its listeners.
    const own = await startTestApp({ org: ORG });
    const server = createServer(own.app);
    const connections = openConnections(server);
    const { port } = await listen(server, 0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}`;
    const token = async (name: string) =>
      (await own.data(CREATE_TOKEN, { input: { name, role: 'VIEWER' } })).createApiToken.token;
    const [wallboard, other] = [await token('wallboard'), await token('other')];
    try {
      const open = await Promise.all(
        Array.from({ length: STREAMS_PER_CALLER }, () => subscribeToChanges(url, wallboard)),
      );
      // Answered with the error, and the stream ended: read whole.
      const refused = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          authorization: `Bearer ${wallboard}`,
        },
        body: JSON.stringify({ query: 'subscription { orgChanged { version } }' }),
      });
      expect(await refused.text()).toMatch(/"code":"TOO_MANY_STREAMS","limit":32/);
      (await subscribeToChanges(url, other)).close();
      open[0]?.close();
      await expect.poll(() => subscribersOf(own.app)).toBe(STREAMS_PER_CALLER - 1);
      open.push(await subscribeToChanges(url, wallboard));
      for (const stream of open) stream.close();
    } finally {
      await drain(server, connections, 0);
      server.closeAllConnections();
      await own.close();
    }
  });

  it('counts open streams in /metrics; shutting down ends them, not held up', async () => {
    const own = await startTestApp({ org: ORG, env: { ORGRAPH_OPEN_READ: 'VIEWER' } });
    const server = createServer(own.app);
    const connections = openConnections(server);
    const { port } = await listen(server, 0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}`;
    const gauge = () => subscribersOf(own.app);
    try {
      // Open read access admits a subscriber without a token, as it does a query.
      const [leaving, staying] = [
        await subscribeToChanges(url, null),
        await subscribeToChanges(url),
      ];
      expect(await gauge()).toBe(2);
      leaving?.close();
      await expect.poll(gauge).toBe(1);
      // As serve.ts stops: the open stream completes, so the drain needs no grace period.
      const started = Date.now();
      const draining = drain(server, connections, 30_000);
      await own.app.dispose();
      expect(await draining).toBe(0);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(staying.completed).toBe(true);
      expect(await gauge()).toBe(0);
    } finally {
      server.closeAllConnections();
      await own.close();
    }
  });
});
