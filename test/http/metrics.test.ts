import { describe, expect, it } from 'vitest';
import { demoDocument } from '../../src/demo/load.js';
import { ADMIN_TOKEN, secondApp, startTestApp, type TestApp } from '../helpers/app.js';
import { samples } from '../helpers/scrape.js';
import { useTestOrg } from '../helpers/test-org.js';
import { specDocument } from '../orgdoc/fixtures.js';

const METRICS_TOKEN = 'metrics-token-0123456789';

const app = useTestOrg(specDocument());
const guarded = useTestOrg(demoDocument(), { env: { ORGRAPH_METRICS_TOKEN: METRICS_TOKEN } });

async function scrape(target: TestApp, token?: string) {
  const response = await target.app.fetch('http://localhost/metrics', {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

/** The value of one sample line, e.g. `name{label="x"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('HEAD /metrics', () => {
  it('answers as GET does, without the body (a probe that checks the route; it was 404)', async () => {
    for (const path of ['/metrics', '/health', '/ready']) {
      const response = await app.app.fetch(`http://localhost${path}`, { method: 'HEAD' });
      expect([path, response.status]).toEqual([path, 200]);
    }
    const head = await guarded.app.fetch('http://localhost/metrics', { method: 'HEAD' });
    expect(head.status).toBe(401);
  });
});

describe('GET /metrics', () => {
  it('counts requests and errors by operation, with durations as histograms', async () => {
    await app.data('query Pillars { units(layer: PILLAR) { totalCount } }');
    await app.data('query Pillars { units(layer: PILLAR) { totalCount } }');
    await app.gql(
      'query Missing { departureImpact(email: "nobody@example.com") { person { email } } }',
    );
    const { status, type, text } = await scrape(app);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(text, 'orgraph_graphql_requests_total{operation="Pillars",status="200"}')).toBe(
      2,
    );
    expect(
      sample(text, 'orgraph_graphql_request_errors_total{operation="Missing",code="NOT_FOUND"}'),
    ).toBe(1);
    expect(
      sample(text, 'orgraph_graphql_request_duration_seconds_count{operation="Pillars"}'),
    ).toBe(2);
    expect(
      sample(
        text,
        'orgraph_graphql_request_duration_seconds_bucket{le="+Inf",operation="Pillars"}',
      ),
    ).toBe(2);
  });

  it('times the snapshot reloads: none after its own write, one after another instance’s', async () => {
    const loads = async () =>
      sample((await scrape(app)).text, 'orgraph_snapshot_load_duration_seconds_count') ?? 0;
    // The test's app starts holding the org as read for the test (useTestOrg): answering
    // loads nothing.
    await app.data('{ coverage { benchStrength } }');
    const before = await loads();
    expect(before).toBe(0);
    // Its own write is applied to the org in memory: answering after it reloads nothing.
    await app.data(`mutation { createPerson(input: { email: "gus@example.com", name: "Gus" }) {
      userErrors { code } } }`);
    await app.data('{ coverage { benchStrength } }');
    expect(await loads()).toBe(before);
    // A write by another instance on the same database: the next answer reloads once.
    const other = secondApp(app);
    await other.fetch('http://orgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({
        query:
          'mutation { createPerson(input: { email: "hal@example.com", name: "Hal" }) { userErrors { code } } }',
      }),
    });
    await app.data('{ coverage { benchStrength } }');
    expect(await loads()).toBe(before + 1);
  });

  it("reports the PostgreSQL pool's connections and waiting queries", async () => {
    const { text } = await scrape(app);
    if (app.database.kind === 'pglite') {
      expect(text).not.toContain('orgraph_db_pool');
    } else {
      expect(sample(text, 'orgraph_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'orgraph_db_pool_waiting')).toBe(0);
    }
    expect(text).toContain('orgraph_process_cpu_seconds_total');
  });

  it('keeps the operation label bounded whatever names clients choose', async () => {
    for (let i = 0; i < 210; i++) await app.gql(`query Op${i} { __typename }`);
    await app.gql('query Op0 { __typename }');
    const { text } = await scrape(app);
    const names = new Set(
      [...text.matchAll(/orgraph_graphql_requests_total\{operation="(\w+)"/g)].map((m) => m[1]),
    );
    expect(names.size).toBeLessThanOrEqual(201);
    expect(names).toContain('other');
    expect(sample(text, 'orgraph_graphql_requests_total{operation="Op0",status="200"}')).toBe(2);
  });

  it('counts a request refused for its credential as unauthenticated, whatever its name', async () => {
    // A caller without a credential could fill the 200 names and push the clients' into `other`.
    const fresh = secondApp(app);
    const ask = (name: string, authorization?: string) =>
      fresh.fetch('http://orgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization && { authorization }) },
        body: JSON.stringify({ query: `query ${name} { units(first: 1) { totalCount } }` }),
      });
    for (let i = 0; i < 105; i++) {
      expect((await ask(`NoToken${i}`)).status).toBe(401);
      expect((await ask(`BadToken${i}`, 'Bearer not-a-token-of-ours')).status).toBe(401);
    }
    expect((await ask('Mine', `Bearer ${ADMIN_TOKEN}`)).status).toBe(200);
    const text = await (await fresh.fetch('http://localhost/metrics')).text();
    const requests = 'orgraph_graphql_requests_total';
    expect(sample(text, `${requests}{operation="unauthenticated",status="401"}`)).toBe(210);
    expect(sample(text, `${requests}{operation="Mine",status="200"}`)).toBe(1);
    expect(text).not.toMatch(/NoToken|BadToken/);
    await fresh.dispose();
  });

  it('counts a request refused before its operation was read as unread, by status', async () => {
    // A body too large, not JSON, or of another type: answered and logged, but never counted,
    // so an alert on the 4xx rate missed a dashboard the body limit turned away.
    const fresh = secondApp(app);
    const post = (body: string, type = 'application/json') =>
      fresh.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': type, authorization: `Bearer ${ADMIN_TOKEN}` },
        body,
      });
    const statuses = [
      (await post('{"query": "{ viewer { role } }"')).status,
      (await post('a,b', 'text/csv')).status,
      (await post(JSON.stringify({ query: 'a'.repeat(7_000_000) }))).status,
      // Yoga answers at /graphql/ too.
      (
        await fresh.fetch('http://localhost/graphql/', {
          method: 'POST',
          headers: { 'content-type': 'text/csv', authorization: `Bearer ${ADMIN_TOKEN}` },
          body: 'a,b',
        })
      ).status,
    ];
    expect(statuses).toEqual([400, 415, 413, 415]);
    // The GraphiQL page and the dashboard are no GraphQL requests.
    await fresh.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    await fresh.fetch('http://localhost/', { headers: { accept: 'text/html' } });
    const text = await (await fresh.fetch('http://localhost/metrics')).text();
    const requests = 'orgraph_graphql_requests_total';
    expect(sample(text, `${requests}{operation="unread",status="400"}`)).toBe(1);
    expect(sample(text, `${requests}{operation="unread",status="413"}`)).toBe(1);
    expect(sample(text, `${requests}{operation="unread",status="415"}`)).toBe(2);
    const counted = [...samples(text, requests).values()];
    expect(counted.reduce((sum, n) => sum + n, 0)).toBe(4);
    // And as answered with errors, by their code: the 413's was not (it ended the request
    // before Yoga had a result), so a panel of errors by code never showed one.
    const errors = 'orgraph_graphql_request_errors_total';
    expect(sample(text, `${errors}{operation="unread",code="PAYLOAD_TOO_LARGE"}`)).toBe(1);
    expect(sample(text, `${errors}{operation="unread",code="BAD_REQUEST"}`)).toBe(3);
    await fresh.dispose();
    // Nor is the page a browser is told it cannot have, GraphiQL off (a 406 in text).
    const noPage = secondApp(app, { graphiql: false });
    const page = await noPage.fetch('http://localhost/graphql', {
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(406);
    const after = await (await noPage.fetch('http://localhost/metrics')).text();
    expect(samples(after, requests).size).toBe(0);
    await noPage.dispose();
  });

  it('serves the process metrics once per app, with the app’s own counters, however many apps', async () => {
    await app.data('query Mine { __typename }');
    const others = Array.from({ length: 3 }, () => secondApp(app));
    const texts = [
      (await scrape(app)).text,
      ...(await Promise.all(
        others.map(async (other) => (await other.fetch('http://localhost/metrics')).text()),
      )),
    ];
    for (const text of texts) {
      const helps = text.split('\n').filter((l) => l.startsWith('# HELP '));
      expect(new Set(helps).size).toBe(helps.length);
      expect(text.match(/^orgraph_process_cpu_seconds_total /gm)).toHaveLength(1);
      expect(text).toContain('orgraph_nodejs_gc_duration_seconds');
    }
    const mine = 'orgraph_graphql_requests_total{operation="Mine",status="200"}';
    expect(texts.map((text) => sample(text, mine))).toEqual([1, undefined, undefined, undefined]);
    await Promise.all(others.map((other) => other.dispose()));
  });

  it('gauges the findings that reveal candidates only behind ORGRAPH_METRICS_TOKEN', async () => {
    const revealing = (text: string) =>
      [...samples(text, 'orgraph_findings')].filter(([labels]) =>
        labels.includes('"SUCCESSOR_CONCENTRATION"'),
      );
    const { singlePointsOfFailure } = await guarded.data(
      '{ singlePointsOfFailure(kinds: [SUCCESSOR_CONCENTRATION]) { totalCount } }',
    );
    expect(singlePointsOfFailure.totalCount).toBeGreaterThan(0);
    // Open to anyone: a VIEWER is not shown them, so a scraper without a token has no series.
    expect(revealing((await scrape(app)).text)).toEqual([]);
    const counted = revealing((await scrape(guarded, METRICS_TOKEN)).text);
    expect(counted).toHaveLength(4);
    expect(counted.reduce((sum, [, n]) => sum + n, 0)).toBe(singlePointsOfFailure.totalCount);
  });

  it('open, answers only a name that cannot be rebound: the org gauges are internal', async () => {
    // A page of another site rebinding its name to this machine read the org's health (the
    // GraphQL refused it the same counts: 401).
    const at = (host: string) => app.app.fetch(`http://${host}/metrics`);
    const refused = await at('attacker.example');
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('ORGRAPH_OPEN_READ_HOSTS');
    for (const host of ['127.0.0.1:4000', '[::1]', 'localhost:4000', '10.0.0.5']) {
      expect([host, (await at(host)).status]).toEqual([host, 200]);
    }
    const listed = await startTestApp({
      org: specDocument(),
      env: { ORGRAPH_OPEN_READ_HOSTS: 'prometheus-target' },
    });
    expect((await listed.app.fetch('http://prometheus-target:4000/metrics')).status).toBe(200);
    await listed.close();
    // With a token, the token decides whatever the name.
    const tokened = guarded.app.fetch('http://attacker.example/metrics', {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect((await tokened).status).toBe(200);
  });

  it('needs ORGRAPH_METRICS_TOKEN when it is set', async () => {
    expect((await scrape(guarded)).status).toBe(401);
    expect((await scrape(guarded, 'wrong-token-0123456789')).status).toBe(401);
    expect((await scrape(guarded, METRICS_TOKEN)).status).toBe(200);
  });
});

describe('an Accept header the server cannot answer (406)', () => {
  it('is told which types it answers in (it was an empty 406)', async () => {
    const response = await app.app.fetch('http://orgraph.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/xml;q=0.9, text/html;q=0.5',
        authorization: `Bearer ${ADMIN_TOKEN}`,
      },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(406);
    const types =
      'text/event-stream, multipart/mixed, application/graphql-response+json, application/json';
    // The Accept as the client wrote it, not as the server reordered it.
    expect(await response.text()).toBe(
      `This answer can be sent as ${types}; the request accepts "application/xml;q=0.9, text/html;q=0.5".\n`,
    );
    expect(response.headers.get('accept')).toContain('application/graphql-response+json');
  });
});

describe('a subscription refused for its Accept header (406)', () => {
  it('holds nothing: its stream is ended, not left subscribed', async () => {
    // Each left a subscriber behind: twenty thousand ran the server out of memory.
    const refused = Array.from({ length: 20 }, () =>
      app.app.fetch('http://orgraph.test/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${ADMIN_TOKEN}`,
        },
        body: JSON.stringify({ query: 'subscription { orgChanged { version } }' }),
      }),
    );
    for (const response of await Promise.all(refused)) expect(response.status).toBe(406);
    // Said, not a bare 406.
    expect(await (await refused[0])?.text()).toBe(
      'This answer can be sent as text/event-stream; the request accepts "application/json".\n',
    );
    await expect.poll(async () => sample((await scrape(app)).text, 'orgraph_subscribers')).toBe(0);
  });
});
