import { describe, expect, it } from 'vitest';
import { useTestOrg } from '../helpers/test-org.js';

// The SPEC §2 rules end to end: an org imported through importOrg, answered through GraphQL.
const e = (name: string) => `${name}@example.com`;
const ORG = {
  people: ['pa', 'pt', 'aa', 'e1', 'm1', 'm2', 'm3', 'm4', 't2', 'o1', 'c1'].map((n) => ({
    email: e(n),
    name: n.toUpperCase(),
    ...(n.startsWith('m') ? { manager: e('e1') } : {}),
  })),
  units: [
    { slug: 'p', name: 'P', layer: 'PILLAR', engLead: e('pa'), techLead: e('pt') },
    // An Area whose Eng Lead also holds the Tech Lead seat: a TL vacancy all the same.
    { slug: 'a', name: 'A', layer: 'AREA', parent: 'p', engLead: e('aa'), techLead: e('aa') },
    {
      slug: 't1',
      name: 'T1',
      layer: 'TEAM',
      parent: 'a',
      engLead: { person: e('e1'), since: '2025-01-01' },
      members: [e('e1'), e('m1'), e('m2'), e('m3'), e('m4')],
    },
    { slug: 't2', name: 'T2', layer: 'TEAM', parent: 'a', techLead: e('pt') },
    { slug: 't3', name: 'T3', layer: 'TEAM', parent: 'a' },
  ],
  aors: [
    { slug: 'x', name: 'X', unit: 't1', criticality: 'HIGH' },
    { slug: 'y', name: 'Y', unit: 't2', criticality: 'LOW', owner: e('o1') },
  ],
  succession: [
    { unit: 'p', seat: 'ENG_LEAD', candidate: e('c1'), readiness: 'READY_NOW' },
    { unit: 'a', seat: 'ENG_LEAD', candidate: e('c1'), readiness: 'READY_SOON' },
  ],
  openRoles: [
    { unit: 'a', seat: 'TECH_LEAD', status: 'OPEN', openedOn: '2026-10-01' },
    { unit: 't3', seat: 'ENG_LEAD', status: 'OPEN', openedOn: '2026-10-01' },
  ],
};

const FINDINGS = `query ($scope: String, $kinds: [FindingKind!], $min: Severity) {
  singlePointsOfFailure(scope: $scope, kinds: $kinds, minSeverity: $min, first: 100) {
    totalCount
    nodes { kind severity unit { slug } seat people { email } units { slug } aor { slug } }
  }
}`;

const t = useTestOrg(ORG);

type Row = { kind: string; severity: string; unit: { slug: string }; seat: string | null };
const line = (f: Row & { people: { email: string }[] }) =>
  [f.severity, f.kind, f.unit.slug, f.seat ?? '-', ...f.people.map((p) => p.email)].join(' ');

async function findings(variables: Record<string, unknown> = {}) {
  const { singlePointsOfFailure } = await t.data(FINDINGS, variables);
  return singlePointsOfFailure.nodes.map(line);
}

describe('single points of failure', () => {
  it('finds every kind with its exact severity, seat and people, in order', async () => {
    expect(
      await findings({ kinds: ['VACANT_SEAT', 'TLM_BEYOND_THRESHOLD', 'LONG_RUNNING_TLM'] }),
    ).toEqual([
      'CRITICAL VACANT_SEAT t2 ENG_LEAD',
      'HIGH VACANT_SEAT t3 ENG_LEAD',
      'HIGH VACANT_SEAT t3 TECH_LEAD',
      'MEDIUM VACANT_SEAT a TECH_LEAD',
      `MEDIUM TLM_BEYOND_THRESHOLD t1 - ${e('e1')}`,
      `LOW LONG_RUNNING_TLM t1 - ${e('e1')}`,
    ]);
    expect(await findings({ kinds: ['UNOWNED_AOR', 'SOLE_AOR_OWNER'] })).toEqual([
      'CRITICAL UNOWNED_AOR t1 -',
      `MEDIUM SOLE_AOR_OWNER t2 - ${e('o1')}`,
    ]);
    expect(await findings({ kinds: ['MULTI_SEAT_HOLDER', 'SUCCESSOR_CONCENTRATION'] })).toEqual([
      `HIGH MULTI_SEAT_HOLDER p - ${e('pt')}`,
      `MEDIUM SUCCESSOR_CONCENTRATION p - ${e('c1')}`,
    ]);
  });

  it('counts a seat held by the Eng Lead on both sides as held, each seat', async () => {
    expect(await findings({ kinds: ['NO_SUCCESSOR'], scope: 'a' })).toEqual([
      `HIGH NO_SUCCESSOR t1 ENG_LEAD ${e('e1')}`,
      `MEDIUM NO_SUCCESSOR a TECH_LEAD ${e('aa')}`,
      `MEDIUM NO_SUCCESSOR t2 TECH_LEAD ${e('pt')}`,
    ]);
  });

  it('filters by minimum severity and scope; per-person findings sit on the highest unit', async () => {
    expect(await findings({ min: 'CRITICAL' })).toEqual([
      'CRITICAL UNOWNED_AOR t1 -',
      'CRITICAL VACANT_SEAT t2 ENG_LEAD',
    ]);
    // pt holds seats in p and t2: the finding is on p, so not in a's subtree.
    expect(await findings({ scope: 'a', kinds: ['MULTI_SEAT_HOLDER'] })).toEqual([]);
    const { singlePointsOfFailure } = await t.data(FINDINGS, { kinds: ['MULTI_SEAT_HOLDER'] });
    expect(singlePointsOfFailure.nodes[0].units).toEqual([{ slug: 'p' }, { slug: 't2' }]);
  });
});

describe('coverage rollups', () => {
  it('counts the scope unit at its own layer and its descendants at theirs', async () => {
    const { coverage } = await t.data(`{ coverage(scope: "a") {
      byLayer { layer units healthy staffed techLeadManager missingEngLead vacant tlmBeyondThreshold hiring }
      benchStrength
    } }`);
    expect(coverage.byLayer).toEqual([
      {
        layer: 'AREA',
        units: 1,
        healthy: 0,
        staffed: 0,
        techLeadManager: 1,
        missingEngLead: 0,
        vacant: 0,
        tlmBeyondThreshold: 0,
        hiring: 1,
      },
      {
        layer: 'TEAM',
        units: 3,
        healthy: 0,
        staffed: 0,
        techLeadManager: 1,
        missingEngLead: 1,
        vacant: 1,
        tlmBeyondThreshold: 1,
        hiring: 1,
      },
    ]);
    // Held seats in a's subtree: a ×2 (the Eng Lead on both sides), t1 EL, t2 TL; none has
    // a READY_NOW successor (c1 is only READY_SOON for a).
    expect(coverage.benchStrength).toBe(0);
    const whole = await t.data('{ coverage { benchStrength } }');
    expect(whole.coverage.benchStrength).toBeCloseTo(1 / 6);
  });

  it('lists teams without a Tech Lead, TLM teams marked by their status', async () => {
    const { teamsWithoutTechLead } = await t.data(`{ teamsWithoutTechLead(scope: "p") {
      totalCount nodes { slug coverage { status } }
    } }`);
    expect(teamsWithoutTechLead).toEqual({
      totalCount: 2,
      nodes: [
        { slug: 't1', coverage: { status: 'TECH_LEAD_MANAGER' } },
        { slug: 't3', coverage: { status: 'VACANT' } },
      ],
    });
  });
});

describe('departure impact', () => {
  it('answers what one departure would do, changing nothing', async () => {
    const { departureImpact } = await t.data(`{ departureImpact(email: "PT@example.com") {
      vacatedSeats { unit { slug } seat readyCandidates { email } }
      coverageChanges { unit { slug } from to }
      newFindings { kind severity unit { slug } seat }
      resolvedFindings { kind unit { slug } }
      vacancyChain { depth unit { slug } seat successor { email } }
    } }`);
    expect(departureImpact.vacatedSeats).toEqual([
      { unit: { slug: 'p' }, seat: 'TECH_LEAD', readyCandidates: [] },
      { unit: { slug: 't2' }, seat: 'TECH_LEAD', readyCandidates: [] },
    ]);
    expect(departureImpact.coverageChanges).toEqual([
      { unit: { slug: 'p' }, from: 'STAFFED', to: 'TECH_LEAD_MANAGER' },
      { unit: { slug: 't2' }, from: 'MISSING_ENG_LEAD', to: 'VACANT' },
    ]);
    expect(departureImpact.newFindings).toContainEqual({
      kind: 'VACANT_SEAT',
      severity: 'HIGH',
      unit: { slug: 'p' },
      seat: 'TECH_LEAD',
    });
    expect(departureImpact.resolvedFindings).toContainEqual({
      kind: 'MULTI_SEAT_HOLDER',
      unit: { slug: 'p' },
    });
    expect(departureImpact.vacancyChain).toEqual([
      { depth: 0, unit: { slug: 'p' }, seat: 'TECH_LEAD', successor: null },
      { depth: 0, unit: { slug: 't2' }, seat: 'TECH_LEAD', successor: null },
    ]);
    const { unit } = await t.data('{ unit(slug: "p") { techLead { email } } }');
    expect(unit.techLead.email).toBe(e('pt'));
  });

  it('follows the vacancy chain to the seats successors would leave', async () => {
    const { departureImpact } = await t.data(`{ departureImpact(email: "pa@example.com") {
      vacancyChain { depth unit { slug } seat vacatedBy { email } successor { email } }
    } }`);
    expect(departureImpact.vacancyChain).toEqual([
      {
        depth: 0,
        unit: { slug: 'p' },
        seat: 'ENG_LEAD',
        vacatedBy: { email: e('pa') },
        successor: { email: e('c1') },
      },
    ]);
  });
});

describe('asOf', () => {
  it('answers LONG_RUNNING_TLM from the history: not yet 180 days in mid-2025', async () => {
    expect(await findings({ kinds: ['LONG_RUNNING_TLM'] })).toHaveLength(1);
    const { singlePointsOfFailure } = await t.data(
      '{ singlePointsOfFailure(kinds: [LONG_RUNNING_TLM], asOf: "2025-06-30") { totalCount } }',
    );
    expect(singlePointsOfFailure.totalCount).toBe(0);
    const { unit } = await t.data(
      '{ unit(slug: "t1") { coverage(asOf: "2025-07-01") { tlmSince tlmDays } } }',
    );
    expect(unit.coverage).toEqual({ tlmSince: '2025-01-01', tlmDays: 181 });
  });
});

describe('lists asked asOf a day', () => {
  it('answer their units’ leads and coverage for that day', async () => {
    // Before 2025-01-01 t1 had no Eng Lead: it was VACANT, not a TLM.
    const { teamsWithoutTechLead } = await t.data(`{
      teamsWithoutTechLead(asOf: "2024-12-31") { nodes { slug engLead { email } coverage { status } } }
    }`);
    expect(teamsWithoutTechLead.nodes).toContainEqual({
      slug: 't1',
      engLead: null,
      coverage: { status: 'VACANT' },
    });
  });
});
