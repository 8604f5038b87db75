import { describe, expect, it } from 'vitest';
import { seatCoverage } from '../../src/core/coverage/seat.js';
import { defaultThresholds } from '../../src/core/policy.js';
import { evaluateDeparture } from '../../src/impact/evaluate.js';
import { planChanges } from '../../src/scenarios/evaluate.js';
import { type BuiltState, buildState, line, type OrgSpec, TODAY } from './state-builder.js';

const impactOf = (built: BuiltState, key: string) =>
  evaluateDeparture(built.history, built.state, built.p(key), defaultThresholds);
/** The org once the person's departure on the day is recorded, in memory. */
const withoutPerson = (built: BuiltState, key: string) =>
  planChanges(built.history, built.state, [
    { depart: { person: `${key}@example.com`, on: built.state.asOf } },
  ]).after;

const org: OrgSpec = {
  people: [
    { key: 'ana', manager: 'bo' },
    { key: 'dee', manager: 'ana' },
    { key: 'fay', manager: 'ana' },
    { key: 'eli', manager: 'ana' },
  ],
  units: [
    { slug: 'platform', layer: 'PILLAR', el: 'bo', tl: 'cy' },
    { slug: 'infra', layer: 'AREA', parent: 'platform', el: 'ana', tl: 'ivy' },
    {
      slug: 'storage',
      layer: 'TEAM',
      parent: 'infra',
      el: 'ana',
      tl: 'dee',
      members: ['ana', 'dee', 'eli', 'fay'],
    },
    { slug: 'compute', layer: 'TEAM', parent: 'infra', el: 'gus', tl: 'hal' },
  ],
  candidates: [
    { unit: 'platform', seat: 'ENG_LEAD', person: 'ana', readiness: 'READY_NOW' },
    { unit: 'platform', seat: 'TECH_LEAD', person: 'jo', readiness: 'READY_NOW' },
    // Eli comes first by name, but READY_NOW comes before READY_SOON.
    { unit: 'infra', seat: 'ENG_LEAD', person: 'eli', readiness: 'READY_SOON' },
    { unit: 'infra', seat: 'ENG_LEAD', person: 'gus', readiness: 'READY_NOW' },
    { unit: 'infra', seat: 'TECH_LEAD', person: 'kit', readiness: 'READY_NOW' },
    { unit: 'storage', seat: 'ENG_LEAD', person: 'dee', readiness: 'READY_NOW' },
    { unit: 'compute', seat: 'ENG_LEAD', person: 'hal', readiness: 'READY_SOON' },
  ],
  aors: [
    { slug: 'blob', unit: 'storage', owner: 'ana', backups: ['eli'] },
    { slug: 'queue', unit: 'storage', owner: 'dee', backups: ['ana'] },
    { slug: 'cache', unit: 'compute', owner: 'gus', backups: ['ana', 'hal'] },
  ],
};

describe('departureImpact', () => {
  const built = buildState(org);
  const { state, u, p } = built;
  const before = structuredClone(state);
  const impact = impactOf(built, 'ana');
  const slug = (id: number) => state.unitsById.get(id)?.slug;

  it('changes nothing', () => {
    expect(state).toEqual(before);
  });

  it('lists the seats vacated, each with its ready candidates, READY_NOW first', () => {
    expect(impact.vacatedSeats).toEqual([
      {
        unitId: u('infra'),
        seat: 'ENG_LEAD',
        readyCandidateIds: [p('gus'), p('eli')],
        readyNowCount: 1,
      },
      { unitId: u('storage'), seat: 'ENG_LEAD', readyCandidateIds: [p('dee')], readyNowCount: 1 },
    ]);
  });

  it('lists AoRs left unowned and AoRs losing their only backup', () => {
    expect(impact.unownedAorIds).toEqual([500]);
    expect(impact.aorsWithoutBackupIds).toEqual([501]);
  });

  it('lists the direct reports, by name', () => {
    expect(impact.orphanedReportIds).toEqual([p('dee'), p('eli'), p('fay')]);
  });

  it('lists the units whose coverage changes', () => {
    expect(impact.coverageChanges.map((c) => [slug(c.unitId), c.from, c.to])).toEqual([
      ['infra', 'STAFFED', 'MISSING_ENG_LEAD'],
      ['storage', 'STAFFED', 'MISSING_ENG_LEAD'],
    ]);
  });

  it('lists the findings that would appear and disappear', () => {
    const after = withoutPerson(built, 'ana');
    expect(impact.newFindings.map((f) => line(after, f))).toEqual([
      'CRITICAL VACANT_SEAT infra ENG_LEAD',
      'CRITICAL VACANT_SEAT storage ENG_LEAD',
      'HIGH NO_SUCCESSOR platform ENG_LEAD bo',
      'HIGH UNOWNED_AOR storage',
      'MEDIUM SOLE_AOR_OWNER storage dee',
    ]);
    expect(impact.resolvedFindings.map((f) => line(state, f))).toEqual([
      'HIGH MULTI_SEAT_HOLDER infra ana',
    ]);
  });

  it('follows the vacancy chain, breadth first', () => {
    expect(
      impact.vacancyChain.map((s) => [
        s.depth,
        slug(s.unitId),
        s.seat,
        state.people.get(s.vacatedById)?.name,
        s.successorId === null ? null : state.people.get(s.successorId)?.name,
      ]),
    ).toEqual([
      [0, 'infra', 'ENG_LEAD', 'Ana', 'Gus'],
      [0, 'storage', 'ENG_LEAD', 'Ana', 'Dee'],
      [1, 'compute', 'ENG_LEAD', 'Gus', 'Hal'],
      [1, 'storage', 'TECH_LEAD', 'Dee', null],
      [2, 'compute', 'TECH_LEAD', 'Hal', null],
    ]);
  });

  it('is empty for someone who holds and owns nothing', () => {
    const none = impactOf(built, 'jo');
    expect(none).toMatchObject({
      vacatedSeats: [],
      unownedAorIds: [],
      aorsWithoutBackupIds: [],
      orphanedReportIds: [],
      coverageChanges: [],
      vacancyChain: [],
    });
    // Jo was the only ready candidate for the Platform Tech Lead seat.
    expect(none.newFindings.map((f) => line(state, f))).toEqual([
      'MEDIUM NO_SUCCESSOR platform TECH_LEAD cy',
    ]);
    expect(none.resolvedFindings).toEqual([]);
  });
});

describe('departureImpact of a Tech Lead Manager holding both seats', () => {
  const built = buildState({
    units: [{ slug: 'solo', layer: 'TEAM', el: 'ana', tl: 'ana' }],
  });
  const { state, u } = built;
  const impact = impactOf(built, 'ana');

  it('vacates both seats and empties the team', () => {
    expect(impact.vacatedSeats.map((s) => s.seat)).toEqual(['ENG_LEAD', 'TECH_LEAD']);
    expect(impact.coverageChanges).toEqual([
      { unitId: u('solo'), from: 'TECH_LEAD_MANAGER', to: 'VACANT' },
    ]);
  });

  it('trades the NO_SUCCESSOR of each seat (and the TLM) for a vacancy of each', () => {
    expect(impact.resolvedFindings.map((f) => line(state, f))).toEqual([
      'HIGH NO_SUCCESSOR solo ENG_LEAD ana',
      'MEDIUM NO_SUCCESSOR solo TECH_LEAD ana',
      'LOW LONG_RUNNING_TLM solo ana',
    ]);
    expect(impact.newFindings.map((f) => line(state, f))).toEqual([
      'CRITICAL VACANT_SEAT solo ENG_LEAD',
      'HIGH VACANT_SEAT solo TECH_LEAD',
    ]);
  });
});

describe('vacancy chain without loops', () => {
  it('moves each person at most once and never the departing person', () => {
    const built = buildState({
      units: [
        { slug: 'a', layer: 'TEAM', el: 'yan' },
        { slug: 'b', layer: 'TEAM', el: 'zoe' },
        { slug: 'c', layer: 'TEAM', el: 'xia' },
      ],
      candidates: [
        { unit: 'c', seat: 'ENG_LEAD', person: 'yan', readiness: 'READY_NOW' },
        { unit: 'a', seat: 'ENG_LEAD', person: 'xia', readiness: 'READY_NOW' },
        { unit: 'a', seat: 'ENG_LEAD', person: 'zoe', readiness: 'READY_SOON' },
        { unit: 'b', seat: 'ENG_LEAD', person: 'yan', readiness: 'READY_NOW' },
      ],
    });
    const { state, p } = built;
    const chain = impactOf(built, 'xia').vacancyChain;
    expect(chain.map((s) => [s.depth, state.unitsById.get(s.unitId)?.slug, s.successorId])).toEqual(
      [
        [0, 'c', p('yan')],
        [1, 'a', p('zoe')],
        [2, 'b', null], // Yan, its only candidate, has already moved
      ],
    );
  });
});

describe('the org once a departure is recorded', () => {
  const built = buildState(org);
  const { u, p } = built;
  const after = withoutPerson(built, 'ana');

  it('keeps the person, departed, with their reports; ends their membership and candidacies', () => {
    expect(after.people.get(p('ana'))?.departedOn).toBe(TODAY);
    expect(after.people.get(p('dee'))?.managerId).toBe(p('ana'));
    expect(after.members.get(u('storage'))).not.toContain(p('ana'));
    expect(after.candidates.some((c) => c.personId === p('ana'))).toBe(false);
  });

  it('empties their seats from the day looked at', () => {
    expect(seatCoverage(after, u('storage'), 'ENG_LEAD')).toMatchObject({
      holderId: null,
      vacantSince: TODAY,
    });
  });

  it('removes their ownerships, keeping the other owners', () => {
    expect(after.aors.map((a) => [a.slug, a.primaryOwnerId, a.backupOwnerIds])).toEqual([
      ['blob', null, [p('eli')]],
      ['cache', p('gus'), [p('hal')]],
      ['queue', p('dee'), []],
    ]);
  });
});
