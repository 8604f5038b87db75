import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../src/core/findings/findings.js';
import { useTestOrg } from '../helpers/test-org.js';
import { expectWritten } from '../helpers/writes.js';

// Every point of coverageTrend is what coverage(asOf:) and singlePointsOfFailure(asOf:)
// answer that day, through GraphQL, over an org whose history was written with past- and
// future-dated changes (the trend works each point out from its neighbour by those changes).
const e = (n: string) => `${n}@example.com`;
const ORG = {
  people: ['pa', 'pt', 'aa', 'at', 'e1', 'e2', 't1', 'm1', 'm2', 'm3', 'm4', 'c1', 'o1'].map(
    (n) => ({ email: e(n), name: n.toUpperCase() }),
  ),
  units: [
    { slug: 'p', name: 'P', layer: 'PILLAR', engLead: e('pa'), techLead: e('pt') },
    { slug: 'a', name: 'A', layer: 'AREA', parent: 'p', engLead: e('aa'), techLead: e('at') },
    {
      slug: 'x',
      name: 'X',
      layer: 'TEAM',
      parent: 'a',
      engLead: { person: e('e1'), since: '2025-09-01' },
      members: [e('e1'), e('m1'), e('m2'), e('m3'), e('m4')],
    },
    {
      slug: 'y',
      name: 'Y',
      layer: 'TEAM',
      parent: 'a',
      engLead: { person: e('e2'), since: '2025-01-01' },
      techLead: { person: e('t1'), since: '2025-01-01' },
      members: [e('e2'), e('t1')],
    },
  ],
  aors: [{ slug: 'k', name: 'K', unit: 'y', criticality: 'HIGH', owner: e('o1') }],
  succession: [{ unit: 'y', seat: 'ENG_LEAD', candidate: e('c1'), readiness: 'READY_NOW' }],
};

const ASSIGN = `mutation ($input: AssignSeatInput!) { assignSeat(input: $input) { userErrors { message } } }`;
const VACATE = `mutation ($input: VacateSeatInput!) { vacateSeat(input: $input) { userErrors { message } } }`;
const DEPART = `mutation ($input: RecordDepartureInput!) { recordDeparture(input: $input) { userErrors { message } } }`;
const SET_TEAM = `mutation ($input: SetTeamInput!) { setTeam(input: $input) { userErrors { message } } }`;
const SET_MANAGER = `mutation ($input: SetManagerInput!) { setManager(input: $input) { userErrors { message } } }`;

const t = useTestOrg(ORG, {
  setup: async (app) => {
    // Past: a Tech Lead for X in spring, gone again in summer (X a TLM before and after).
    await expectWritten(app, ASSIGN, {
      unit: 'x',
      seat: 'TECH_LEAD',
      person: e('m1'),
      startedOn: '2026-03-10',
    });
    await expectWritten(app, VACATE, { unit: 'x', seat: 'TECH_LEAD', on: '2026-07-01' });
    // Managers: X's spring Tech Lead reports to its Eng Lead from May (no longer "reports
    // elsewhere"); Y's Tech Lead from mid-December; one of X's members moves to Y's lead.
    await expectWritten(app, SET_MANAGER, { email: e('m1'), manager: e('e1'), on: '2026-05-04' });
    await expectWritten(app, SET_MANAGER, { email: e('t1'), manager: e('e2'), on: '2026-12-14' });
    await expectWritten(app, SET_MANAGER, { email: e('m3'), manager: e('e2'), on: '2027-03-01' });
    await expectWritten(app, SET_TEAM, { email: e('m2'), team: 'y', on: '2027-01-20' });
    // Future: M2 moves to Y, Y's Tech Lead leaves, then the AoR owner; A's TL seat empties.
    await expectWritten(app, DEPART, { email: e('t1'), on: '2027-02-15' });
    await expectWritten(app, DEPART, { email: e('o1'), on: '2027-04-02' });
    await expectWritten(app, VACATE, { unit: 'a', seat: 'TECH_LEAD', on: '2027-01-10' });
  },
});

const TREND = `query ($scope: String, $from: Date!, $to: Date!, $every: Interval!) {
  coverageTrend(scope: $scope, from: $from, to: $to, every: $every) {
    on byLayer { layer units healthy staffed techLeadManager missingEngLead vacant tlmBeyondThreshold hiring }
    benchStrength findings { severity count }
  }
}`;
const AS_OF = `query ($scope: String, $asOf: Date!) {
  coverage(scope: $scope, asOf: $asOf) {
    byLayer { layer units healthy staffed techLeadManager missingEngLead vacant tlmBeyondThreshold hiring }
    benchStrength
  }
  singlePointsOfFailure(scope: $scope, asOf: $asOf, first: 100) { nodes { severity } }
}`;

type Point = { on: string; findings: { severity: string; count: number }[] };

async function expectEachPointAsOfItsDay(variables: Record<string, unknown>) {
  const { coverageTrend } = await t.data(TREND, variables);
  for (const { on, findings, ...rollup } of coverageTrend as Point[]) {
    const day = await t.data(AS_OF, { scope: variables.scope, asOf: on });
    const severities = day.singlePointsOfFailure.nodes.map((f: { severity: string }) => f.severity);
    expect({ on, ...rollup }).toEqual({ on, ...day.coverage });
    expect(findings).toEqual(
      SEVERITIES.map((severity) => ({
        severity,
        count: severities.filter((s: string) => s === severity).length,
      })),
    );
  }
  return coverageTrend as Point[];
}

describe('coverageTrend over past- and future-dated changes', () => {
  it('answers each weekly point as coverage and findings asOf that day', async () => {
    const points = await expectEachPointAsOfItsDay({
      from: '2026-02-02',
      to: '2027-05-03',
      every: 'WEEK',
    });
    // The changes show: the points before, between and after them differ.
    const answers = new Set(points.map(({ on: _, ...answer }) => JSON.stringify(answer)));
    expect(answers.size).toBeGreaterThanOrEqual(5);
  });

  it('answers a scope monthly, and around the changes daily', async () => {
    await expectEachPointAsOfItsDay({
      scope: 'a',
      from: '2026-01-31',
      to: '2027-06-30',
      every: 'MONTH',
    });
    await expectEachPointAsOfItsDay({ from: '2026-06-25', to: '2026-07-06', every: 'DAY' });
    const around = { from: '2026-12-10', to: '2026-12-18', every: 'DAY' };
    const points = await expectEachPointAsOfItsDay(around);
    const low = points.map((p) => p.findings.find((f) => f.severity === 'LOW')?.count);
    expect(low[3]).toBe((low[4] ?? 0) + 1); // Y's Tech Lead reports to its Eng Lead from the 14th
    await expectEachPointAsOfItsDay({
      scope: 'y',
      from: '2027-02-10',
      to: '2027-02-18',
      every: 'DAY',
    });
  });
});

describe('coverageTrend over 400 points', () => {
  it('is refused naming `every`, with a remedy that exists (a QUARTER is the longest interval)', async () => {
    const over = async (from: string, every: string) =>
      (await t.gql(TREND, { from, to: '2026-11-23', every })).errors?.[0];
    expect(await over('2025-10-18', 'DAY')).toMatchObject({
      message:
        'every: gives more than 400 points from 2025-10-18 to 2026-11-23; take a longer interval, or a shorter range',
      extensions: { code: 'BAD_USER_INPUT', argument: 'every' },
    });
    // It said "take a longer interval" of the longest.
    expect((await over('1900-01-01', 'QUARTER'))?.message).toBe(
      'every: gives more than 400 points from 1900-01-01 to 2026-11-23; take a shorter range',
    );
  });
});
