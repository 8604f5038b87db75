import { describe, expect, it } from 'vitest';
import { coverageRollup, teamsWithoutTechLead } from '../../src/core/coverage/rollup.js';
import { defaultThresholds } from '../../src/core/policy.js';
import { buildState, crew, type OrgSpec } from './state-builder.js';

const org: OrgSpec = {
  units: [
    { slug: 'platform', layer: 'PILLAR', el: 'bo', tl: 'cy' }, // STAFFED
    { slug: 'infra', layer: 'AREA', parent: 'platform', el: 'ana' }, // TLM, not healthy
    { slug: 'storage', layer: 'TEAM', parent: 'infra', el: 'gus', tl: 'dee' }, // STAFFED
    { slug: 'compute', layer: 'TEAM', parent: 'infra', el: 'hal', members: crew('c', 2) }, // TLM ok
    { slug: 'network', layer: 'TEAM', parent: 'infra', el: 'ivy', members: crew('n', 5) }, // TLM beyond
    { slug: 'edge', layer: 'TEAM', parent: 'infra', tl: 'jo' }, // MISSING_ENG_LEAD, hiring
    { slug: 'web', layer: 'TEAM', parent: 'infra' }, // VACANT
  ],
  openRoles: [{ unit: 'edge', seat: 'ENG_LEAD' }],
  candidates: [
    { unit: 'platform', seat: 'ENG_LEAD', person: 'ana', readiness: 'READY_NOW' },
    { unit: 'storage', seat: 'TECH_LEAD', person: 'eli', readiness: 'READY_NOW' },
    { unit: 'storage', seat: 'ENG_LEAD', person: 'eli', readiness: 'READY_SOON' },
  ],
};
const row = (layer: string, counts: Record<string, number>) => ({
  layer,
  units: 0,
  healthy: 0,
  staffed: 0,
  techLeadManager: 0,
  missingEngLead: 0,
  vacant: 0,
  tlmBeyondThreshold: 0,
  hiring: 0,
  ...counts,
});

describe('coverageRollup', () => {
  const { state, u } = buildState(org);

  it('counts the whole org per layer, Pillars first', () => {
    expect(coverageRollup(state, null, defaultThresholds).byLayer).toEqual([
      row('PILLAR', { units: 1, healthy: 1, staffed: 1 }),
      row('AREA', { units: 1, techLeadManager: 1 }),
      row('TEAM', {
        units: 5,
        healthy: 2,
        staffed: 1,
        techLeadManager: 2,
        missingEngLead: 1,
        vacant: 1,
        tlmBeyondThreshold: 1,
        hiring: 1,
      }),
    ]);
  });

  it('counts the scope unit at its own layer and leaves out empty layers', () => {
    const byLayer = coverageRollup(state, u('infra'), defaultThresholds).byLayer;
    expect(byLayer.map((r) => [r.layer, r.units])).toEqual([
      ['AREA', 1],
      ['TEAM', 5],
    ]);
    expect(coverageRollup(state, u('web'), defaultThresholds).byLayer).toEqual([
      row('TEAM', { units: 1, vacant: 1 }),
    ]);
  });

  it.each([
    // held: platform 2, infra 1, storage 2, compute 1, network 1, edge 1 = 8; READY_NOW: 2
    ['the whole org', null, 2 / 8],
    ['a team with one of two held seats covered', 'storage', 1 / 2],
    ['a team with no seat held', 'web', null],
  ])('bench strength of %s', (_, scope, expected) => {
    const rollup = coverageRollup(state, scope === null ? null : u(scope), defaultThresholds);
    expect(rollup.benchStrength).toBe(expected);
  });

  it('counts a Tech Lead seat held by the Eng Lead as a second held seat', () => {
    const built = buildState({
      units: [{ slug: 'solo', layer: 'TEAM', el: 'ana', tl: 'ana' }],
      candidates: [{ unit: 'solo', seat: 'ENG_LEAD', person: 'eli', readiness: 'READY_NOW' }],
    });
    expect(coverageRollup(built.state, null, defaultThresholds).benchStrength).toBe(1 / 2);
  });

  it('is empty for an empty org or an unknown scope', () => {
    const empty = { byLayer: [], benchStrength: null };
    expect(coverageRollup(buildState({ units: [] }).state, null, defaultThresholds)).toEqual(empty);
    expect(coverageRollup(state, 99_999, defaultThresholds)).toEqual(empty);
  });
});

describe('teamsWithoutTechLead', () => {
  const { state, u } = buildState({
    ...org,
    units: [...org.units, { slug: 'api', layer: 'TEAM', parent: 'infra', el: 'kai', tl: 'kai' }],
  });
  const list = (scope: string | null) =>
    teamsWithoutTechLead(state, scope === null ? null : u(scope)).map((t) => [
      t.unit.slug,
      t.techLeadManager,
    ]);

  it('lists TLM teams (marked) and teams with no lead at all, by slug; never Areas', () => {
    expect(list(null)).toEqual([
      ['api', true],
      ['compute', true],
      ['network', true],
      ['web', false],
    ]);
  });

  it.each([
    ['an area', 'infra', 4],
    ['a staffed team', 'storage', 0],
    ['a team with a Tech Lead but no Eng Lead', 'edge', 0],
  ])('within %s', (_, scope, count) => {
    expect(list(scope)).toHaveLength(count);
  });
});
