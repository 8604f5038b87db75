import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/org/days.js';
import { createApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { createLogger } from '../../src/server/logging.js';
import {
  ADMIN_TOKEN,
  openWatchedDatabase,
  startTestApp,
  TODAY,
  testAppOn,
} from '../helpers/app.js';
import { STATUS_FIELDS, samples } from '../helpers/scrape.js';
import { person, platformWithStorage } from '../helpers/test-org.js';

// SPEC "The org's health as metrics": `/metrics` tells the *current* coverage and findings. On
// an org of this size a scrape equals what the API answers for today right after a write, a
// setPolicy and the day's change (it served the values of before until worked out again).

const ORG = {
  people: [
    person('ana@x.io'),
    person('dee@x.io', 'ana@x.io'),
    person('eli@x.io', 'ana@x.io'),
    person('fay@x.io', 'ana@x.io'),
    person('gus@x.io'),
  ],
  units: [
    ...platformWithStorage({
      engLead: 'ana@x.io',
      techLead: 'dee@x.io',
      members: ['ana@x.io', 'dee@x.io', 'eli@x.io', 'fay@x.io'],
    }),
    {
      // An acting Eng Lead for exactly 90 days on TODAY: LONG_ACTING from TODAY + 1.
      slug: 'queue',
      parent: 'infra',
      name: 'Queue',
      layer: 'TEAM',
      engLead: { person: 'gus@x.io', since: addDays(TODAY, -90), acting: true },
      members: ['gus@x.io'],
    },
  ],
};

const COVERAGE = `{ coverage { byLayer { layer units healthy staffed techLeadManager missingEngLead vacant } } }`;
const FINDINGS = `{ singlePointsOfFailure(first: 100) { nodes { kind severity } } }`;

type Gql = (query: string, variables?: Record<string, unknown>) => Promise<any>;

/** The gauges the API says they must be, for today. */
async function expected(data: Gql) {
  const want = new Map<string, number>();
  const { coverage } = await data(COVERAGE);
  for (const row of coverage.byLayer) {
    for (const [status, field] of Object.entries(STATUS_FIELDS)) {
      want.set(`orgraph_units{layer="${row.layer}",status="${status}"}`, row[field]);
    }
    want.set(`orgraph_unhealthy_units{layer="${row.layer}"}`, row.units - row.healthy);
  }
  const { singlePointsOfFailure } = await data(FINDINGS);
  for (const f of singlePointsOfFailure.nodes) {
    if (f.kind === 'SUCCESSOR_CONCENTRATION') continue; // not gauged on an open /metrics
    const key = `orgraph_findings{kind="${f.kind}",severity="${f.severity}"}`;
    want.set(key, (want.get(key) ?? 0) + 1);
  }
  return want;
}

/** The non-zero gauges of a scrape, plus each gauge the API expects (zero or not). */
function served(text: string, want: Map<string, number>) {
  const got = new Map<string, number>();
  for (const name of ['orgraph_units', 'orgraph_unhealthy_units', 'orgraph_findings']) {
    for (const [labels, value] of samples(text, name)) {
      const key = `${name}{${labels}}`;
      if (value !== 0 || want.has(key)) got.set(key, value);
    }
  }
  for (const key of want.keys()) if (!got.has(key)) got.set(key, 0);
  const nonZeroWant = new Map([...want].filter(([k, v]) => v !== 0 || got.get(k) !== 0));
  const nonZeroGot = new Map([...got].filter(([k, v]) => v !== 0 || nonZeroWant.has(k)));
  return { got: nonZeroGot, want: nonZeroWant };
}

describe('the org gauges answer today, right away', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('a scrape right after a write shows the write (a Team that lost its Tech Lead)', async () => {
    const t = await startTestApp({ org: ORG });
    close = t.close;
    const scrape = async () => (await t.app.fetch('http://localhost/metrics')).text();
    await scrape(); // the first values
    await new Promise((resolve) => setTimeout(resolve, 200));
    const vacate = await t.data(
      'mutation { vacateSeat(input: { unit: "storage", seat: TECH_LEAD }) { userErrors { message } } }',
    );
    expect(vacate.vacateSeat.userErrors).toEqual([]);
    const text = await scrape();
    const { got, want } = served(text, await expected(t.data));
    // The alerting rule of docs/hygiene.md counts TLM|VACANT Teams: it must see this Team now.
    expect(got).toEqual(want);
  });

  it('a scrape right after setPolicy shows the new severities and the kinds turned off', async () => {
    const t = await startTestApp({ org: ORG });
    close = t.close;
    const scrape = async () => (await t.app.fetch('http://localhost/metrics')).text();
    await scrape();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const set = await t.data(
      `mutation { setPolicy(input: { kinds: [{ kind: NO_SUCCESSOR, severity: CRITICAL },
        { kind: VACANT_SEAT, off: true }] }) { userErrors { message } } }`,
    );
    expect(set.setPolicy.userErrors).toEqual([]);
    const text = await scrape();
    const { got, want } = served(text, await expected(t.data));
    expect(got).toEqual(want);
  });

  it("the first scrape of a new day answers that day (an acting Eng Lead's 91st day)", async () => {
    let today = TODAY;
    const watched = await openWatchedDatabase();
    const config = loadConfig({ ORGRAPH_ADMIN_TOKEN: ADMIN_TOKEN });
    const logger = createLogger(config.logLevel, { write: () => {} });
    const app = createApp({ database: watched.database, config, today: () => today, logger });
    close = async () => {
      await app.dispose();
      await watched.database.drop(); // closed only, it stayed on the server after every run
    };
    const data: Gql = async (query, variables = {}) => {
      const response = await app.fetch('http://orgraph.test/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${ADMIN_TOKEN}`,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data: any; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const imported = await data(
      'mutation ($d: JSONObject!) { importOrg(document: $d) { userErrors { message } } }',
      { d: ORG },
    );
    expect(imported.importOrg.userErrors).toEqual([]);
    const scrape = async () => (await app.fetch('http://localhost/metrics')).text();
    const longActing = (text: string) =>
      samples(text, 'orgraph_findings').get('kind="LONG_ACTING",severity="MEDIUM"');

    expect(longActing(await scrape())).toBe(0); // 90 days acting: not yet
    today = addDays(TODAY, 1); // midnight: 91 days acting
    const api = await data('{ singlePointsOfFailure(kinds: [LONG_ACTING]) { totalCount } }');
    expect(api.singlePointsOfFailure.totalCount).toBe(1);
    expect(longActing(await scrape())).toBe(1);
  });

  it("a scrape right after another instance's write shows it, no request between", async () => {
    // A scrape asked no version: the gauges told the org this instance last heard of.
    const t = await startTestApp({ org: ORG });
    const other = testAppOn({ database: t.database, watch: () => {} });
    close = async () => {
      await other.app.dispose();
      await t.close();
    };
    const scrape = async () => (await t.app.fetch('http://localhost/metrics')).text();
    await scrape();
    const vacate = await other.data(
      'mutation { vacateSeat(input: { unit: "storage", seat: TECH_LEAD }) { userErrors { message } } }',
    );
    expect(vacate.vacateSeat.userErrors).toEqual([]);
    const { got, want } = served(await scrape(), await expected(other.data));
    expect(got).toEqual(want);
  });
});
