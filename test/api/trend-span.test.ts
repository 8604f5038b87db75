import { describe, expect, it } from 'vitest';
import { useTestOrg } from '../helpers/test-org.js';
import { expectWritten } from '../helpers/writes.js';

// A trend steps from each point to the one before by what changed in force between them.
// A report who leaves in between has no changed row, only a change of presence: their
// manager's span must still count them on the days before they left (WIDE_SPAN).
const e = (n: string) => `${n}@example.com`;
const t = useTestOrg(
  {
    people: [
      { email: e('m'), name: 'M' },
      { email: e('t'), name: 'T' },
      ...['a', 'b', 'c'].map((n) => ({ email: e(n), name: n.toUpperCase(), manager: e('m') })),
    ],
    units: [
      {
        slug: 'p',
        name: 'P',
        layer: 'PILLAR',
        engLead: { person: e('m'), since: '2025-01-01' },
        techLead: { person: e('t'), since: '2025-01-01' },
      },
    ],
    policy: { spanLimit: 2, kinds: [{ kind: 'NO_SUCCESSOR', off: true }] },
  },
  {
    setup: async (app) => {
      await expectWritten(
        app,
        `mutation ($input: RecordDepartureInput!) { recordDeparture(input: $input) { userErrors { message } } }`,
        { email: e('c'), on: '2027-03-01' },
      );
    },
  },
);

const TREND = `query ($to: Date!) {
  coverageTrend(from: "2027-01-01", to: $to, every: MONTH) { on findings { severity count } }
}`;
const FINDINGS = `query ($asOf: Date!) {
  singlePointsOfFailure(asOf: $asOf, first: 100) { nodes { kind severity } }
}`;

describe("coverageTrend and a manager's span", () => {
  it('counts a report who leaves on the last point on every day before it', async () => {
    const { coverageTrend } = await t.data(TREND, { to: '2027-03-01' });
    const medium = (coverageTrend as { findings: { severity: string; count: number }[] }[]).map(
      (p) => p.findings.find((f) => f.severity === 'MEDIUM')?.count,
    );
    const wide = async (asOf: string) =>
      (await t.data(FINDINGS, { asOf })).singlePointsOfFailure.nodes.length;
    expect(await wide('2027-02-01')).toBe(1);
    expect(await wide('2027-03-01')).toBe(0);
    expect(medium).toEqual([1, 1, 0]);
  });
});
