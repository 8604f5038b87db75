import { describe, expect, it } from 'vitest';
import { successionBench } from '../../src/core/bench.js';
import { coverageRollup } from '../../src/core/coverage/rollup.js';
import { defaultThresholds } from '../../src/core/policy.js';
import { buildState, type OrgSpec } from './state-builder.js';

const org: OrgSpec = {
  people: [
    { key: 'kim2', name: 'Kim' },
    { key: 'kim1', name: 'Kim' },
  ],
  units: [
    { slug: 'web', layer: 'TEAM', parent: 'infra', el: 'ana', tl: 'dee' },
    { slug: 'api', layer: 'TEAM', parent: 'infra' },
    { slug: 'infra', layer: 'AREA', parent: 'platform', el: 'bo' },
    { slug: 'platform', layer: 'PILLAR', el: 'cy', tl: 'cy' },
  ],
  seats: [{ unit: 'api', seat: 'ENG_LEAD', person: 'old', from: '2024-01-01', to: '2026-02-28' }],
  candidates: [
    { unit: 'web', seat: 'ENG_LEAD', person: 'zed', readiness: 'READY_NOW' },
    { unit: 'web', seat: 'ENG_LEAD', person: 'kim2', readiness: 'READY_NOW' },
    { unit: 'web', seat: 'ENG_LEAD', person: 'kim1', readiness: 'READY_NOW' },
    { unit: 'web', seat: 'ENG_LEAD', person: 'eli', readiness: 'READY_SOON' },
    { unit: 'web', seat: 'ENG_LEAD', person: 'fay', readiness: 'READY_LATER' },
    { unit: 'platform', seat: 'TECH_LEAD', person: 'dee', readiness: 'READY_NOW' },
  ],
};

describe('successionBench', () => {
  const { state, u, p } = buildState(org);

  it('lists every seat, units by layer then slug, Eng Lead first', () => {
    const seats = successionBench(state, null).seats.map(
      (s) => `${state.unitsById.get(s.unitId)?.slug} ${s.seat}`,
    );
    expect(seats).toEqual([
      'platform ENG_LEAD',
      'platform TECH_LEAD',
      'infra ENG_LEAD',
      'infra TECH_LEAD',
      'api ENG_LEAD',
      'api TECH_LEAD',
      'web ENG_LEAD',
      'web TECH_LEAD',
    ]);
  });

  it('groups candidates by readiness, by name then email', () => {
    const web = successionBench(state, u('web')).seats[0];
    expect(web).toMatchObject({
      holderId: p('ana'),
      heldSince: '2025-01-01',
      tenureDays: 516,
      readyNow: [p('kim1'), p('kim2'), p('zed')],
      readySoon: [p('eli')],
      readyLater: [p('fay')],
    });
  });

  it('tells since when an empty seat is vacant', () => {
    const api = successionBench(state, u('api')).seats[0];
    expect(api).toMatchObject({ holderId: null, vacantSince: '2026-03-01', tenureDays: null });
  });

  it.each([
    ['the whole org', null],
    ['an area', 'infra'],
    ['a team', 'web'],
    ['a team with no held seat', 'api'],
  ])('has the bench strength of the rollup for %s', (_, scope) => {
    const id = scope === null ? null : u(scope);
    expect(successionBench(state, id).benchStrength).toBe(
      coverageRollup(state, id, defaultThresholds).benchStrength,
    );
  });

  it('counts a Tech Lead seat held by the Eng Lead: 2 of 5 held seats covered', () => {
    expect(successionBench(state, null).benchStrength).toBe(2 / 5);
  });

  it('is empty for an unknown scope', () => {
    expect(successionBench(state, 99_999)).toEqual({ seats: [], benchStrength: null });
  });
});
