import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg, SIZES } from '../../src/demo/generate.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

// Every read answers from the dated snapshot: the statements a query issues must not grow
// with the org (with a warm snapshot, a read is its version check alone). The same queries
// run on a small org and on one of 2,000 teams / 18,000 people; counts must match.
const TREE = `{
  units(layer: PILLAR, first: 100) { totalCount nodes {
    slug name engLead { name } techLead { name } coverage { status healthy engineerCount }
    children {
      slug name engLead { name } techLead { name } coverage { status healthy engineerCount }
      children {
        slug name engLead { name email } techLead { name } members { email }
        coverage { status healthy engineerCount tlmBeyondThreshold }
      }
    }
  } }
}`;
const FINDINGS = `{ singlePointsOfFailure(first: 100) { totalCount nodes {
  kind severity seat message unit { slug } people { email manager { email } } aor { slug }
} } }`;
const PEOPLE = `{ people(first: 100) { nodes {
  email team { slug } manager { email } directReports { email } seats { seat unit { slug } }
  aors { role aor { slug primaryOwner { email } backupOwners { email } } }
} } }`;

const loadedApp = (size: (typeof SIZES)[keyof typeof SIZES]) =>
  startTestApp({ org: generateOrg(size), importOnce: true }); // not a test of the import

async function statementsOf(app: TestApp, query: string): Promise<number> {
  app.statements.length = 0;
  await app.data(query);
  return app.statements.length;
}

let small: TestApp;
let large: TestApp;
beforeAll(async () => {
  small = await loadedApp(SIZES.XS);
  large = await loadedApp(SIZES.M);
  // Both org snapshots loaded, as a running server's are (`people` reads it too), so the
  // counts below compare the queries themselves, never one org's load with the other's.
  await Promise.all([small, large].map((app) => app.data('{ people(first: 1) { totalCount } }')));
}, 600_000);
afterAll(async () => {
  await small?.close();
  await large?.close();
});

describe('SQL statements per query do not grow with the org', () => {
  it('the large org really is large', async () => {
    const { units, people } = await large.data(
      '{ units(layer: TEAM) { totalCount nodes { slug } } people { totalCount } }',
    );
    expect(units.totalCount).toBeGreaterThanOrEqual(2_000);
    expect(units.nodes).toHaveLength(100); // a full page without `first`
    expect(people.totalCount).toBeGreaterThanOrEqual(15_000);
  });

  // The tree, a page of findings, a page of people with their reports, team, seats and
  // AoRs (today, and as of a past day): the version check alone, on either org.
  for (const [name, query] of [
    ['the whole tree', TREE],
    ['findings', FINDINGS],
    ['people', PEOPLE],
    ['people as of a past day', PEOPLE.replace('first: 100', 'first: 100, asOf: "2026-06-01"')],
  ] as const) {
    it(`${name}: the version check alone, on 40 and on 2,000 teams`, async () => {
      expect(await statementsOf(small, query)).toBe(1);
      expect(await statementsOf(large, query)).toBe(1);
    });
  }

  it('a warm snapshot costs one version check, whatever the org', async () => {
    await statementsOf(large, '{ coverage { benchStrength } }');
    expect(await statementsOf(large, '{ coverage { benchStrength } }')).toBe(1);
  });

  it('a one-team drill-down (leads, members, coverage) is the version check alone', async () => {
    const team = `{ unit(slug: "team-0007") {
      slug engLead { name } techLead { name } members { name email }
      coverage { status engineerCount hiring }
    } }`;
    await statementsOf(large, team);
    expect(await statementsOf(large, team)).toBe(1);
    const { unit } = await large.data(team);
    expect(unit.members.length).toBeGreaterThan(2);
    const names = unit.members.map((m: { name: string; email: string }) => m.name);
    expect(names).toEqual([...names].sort());
  });

  it('answers the whole tree of 2,000 teams in one request within the limits', async () => {
    const { units } = await large.data(TREE);
    const teams = units.nodes.flatMap((p: any) => p.children.flatMap((a: any) => a.children));
    expect(teams).toHaveLength(2_000);
    expect(teams[0].coverage.status).toMatch(/STAFFED|TECH_LEAD_MANAGER|MISSING_ENG_LEAD|VACANT/);
  });

  it('admits a coverage trend of 400 points on 2,000 teams, answered from memory', async () => {
    // 400 daily points, every field a dashboard draws: the complexity plugin's own price.
    const trend = `{ coverageTrend(from: "2025-10-20", to: "2026-11-23", every: DAY) {
      on benchStrength findings { severity count }
      byLayer { layer units healthy staffed techLeadManager missingEngLead vacant tlmBeyondThreshold hiring }
    } }`;
    await statementsOf(large, trend);
    expect(await statementsOf(large, trend)).toBe(1);
    const { coverageTrend } = await large.data(trend);
    expect(coverageTrend).toHaveLength(400);
    const teams = coverageTrend
      .at(-1)
      .byLayer.find((row: { layer: string }) => row.layer === 'TEAM');
    expect(teams.units).toBe(2_000);
  });
});
