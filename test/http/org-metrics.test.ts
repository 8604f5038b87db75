import { describe, expect, it } from 'vitest';
import { ORG_VERSION_SQL } from '../../src/db/version.js';
import { generateOrg, SIZES } from '../../src/demo/generate.js';
import { startTestApp } from '../helpers/app.js';
import { STATUS_FIELDS, samples, scrape, settledScrape } from '../helpers/scrape.js';
import { useTestOrg } from '../helpers/test-org.js';

// SPEC "The org's health as metrics": gauges of the org today, from the org in memory.
const t = useTestOrg(generateOrg(SIZES.XS), { timeout: 120_000 });

interface FindingPage {
  nodes: { kind: string; severity: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The coverage gauges of a scrape equal `coverage { byLayer benchStrength }` asked now. */
async function expectCoverageOf(text: string) {
  const { coverage } = await t.data(`{ coverage { byLayer { layer units healthy staffed
    techLeadManager missingEngLead vacant } benchStrength } }`);
  const units = samples(text, 'orgraph_units');
  const unhealthy = samples(text, 'orgraph_unhealthy_units');
  expect(coverage.byLayer).toHaveLength(3);
  for (const row of coverage.byLayer) {
    for (const [status, field] of Object.entries(STATUS_FIELDS)) {
      expect(units.get(`layer="${row.layer}",status="${status}"`)).toBe(row[field]);
    }
    expect(unhealthy.get(`layer="${row.layer}"`)).toBe(row.units - row.healthy);
  }
  expect(samples(text, 'orgraph_bench_strength').get('')).toBeCloseTo(coverage.benchStrength);
}

describe('the org gauges of /metrics', () => {
  it('equal coverage { byLayer benchStrength } of the same org', async () => {
    await expectCoverageOf(await scrape(t));
  });

  it('count the findings of singlePointsOfFailure by kind and severity', async () => {
    const { singlePointsOfFailure } = await t.data(
      '{ singlePointsOfFailure(first: 100) { totalCount } }',
    );
    const expected = new Map<string, number>();
    for (let after: string | null = null; ; ) {
      const { singlePointsOfFailure: page }: { singlePointsOfFailure: FindingPage } = await t.data(
        `query ($after: String) { singlePointsOfFailure(first: 100, after: $after) {
          nodes { kind severity } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      // Without a metrics token the kinds revealing candidates are not gauged (metrics.test.ts).
      for (const f of page.nodes.filter((f) => f.kind !== 'SUCCESSOR_CONCENTRATION')) {
        const key = `kind="${f.kind}",severity="${f.severity}"`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const findings = samples(await scrape(t), 'orgraph_findings');
    const nonZero = new Map([...findings].filter(([, n]) => n > 0));
    expect(nonZero).toEqual(expected);
    const { singlePointsOfFailure: revealing } = await t.data(
      '{ singlePointsOfFailure(kinds: [SUCCESSOR_CONCENTRATION]) { totalCount } }',
    );
    expect([...nonZero.values()].reduce((a, b) => a + b, 0)).toBe(
      singlePointsOfFailure.totalCount - revealing.totalCount,
    );
    expect(findings.size).toBe(11 * 4); // zeros too: every kind gauged and severity has a series
  });

  it('ask the database only the org version when scraped, and follow a write', async () => {
    const team = 'team-0001';
    await t.data('{ coverage { benchStrength } }');
    const before = t.statements.length;
    const firstText = await scrape(t);
    const first = samples(firstText, 'orgraph_units');
    // The version check a request makes: a write of another instance would be loaded.
    const versionChecks = (from: number) => t.statements.slice(from);
    expect(new Set(versionChecks(before))).toEqual(new Set([ORG_VERSION_SQL]));
    const version = (text: string, name: string) => samples(text, name).get('') as number;
    expect(version(firstText, 'orgraph_org_gauges_version')).toBeGreaterThan(0);
    const vacate = `mutation { vacateSeat(input: { unit: "${team}", seat: ENG_LEAD }) {
      userErrors { message } } }`;
    const { vacateSeat } = await t.data(vacate);
    expect(vacateSeat.userErrors).toEqual([]);
    const written = t.statements.length;
    // Right after the write the instance holds the new version; the gauges follow it.
    expect(version(await scrape(t), 'orgraph_org_version')).toBe(
      version(firstText, 'orgraph_org_version') + 1,
    );
    const settled = await settledScrape(t);
    expect(new Set(versionChecks(written))).toEqual(new Set([ORG_VERSION_SQL]));
    const after = samples(settled, 'orgraph_units');
    const missing = 'layer="TEAM",status="MISSING_ENG_LEAD"';
    const vacant = 'layer="TEAM",status="VACANT"';
    const gone = (s: Map<string, number>) => (s.get(missing) ?? 0) + (s.get(vacant) ?? 0);
    expect(gone(after)).toBe(gone(first) + 1);
    await expectCoverageOf(settled);
  });
});

describe('an org where no seat is held', () => {
  it('has no orgraph_bench_strength sample, as its benchStrength is null', async () => {
    const app = await startTestApp({ org: { units: [{ slug: 'p', name: 'P', layer: 'PILLAR' }] } });
    try {
      const { coverage } = await app.data('{ coverage { benchStrength } }');
      expect(coverage.benchStrength).toBeNull();
      const text = await settledScrape(app);
      expect(text).toContain('# TYPE orgraph_bench_strength gauge');
      // A 0 would fire an alert on bench strength below some share for an org with no seats.
      expect(samples(text, 'orgraph_bench_strength')).toEqual(new Map());
    } finally {
      await app.close();
    }
  });
});
