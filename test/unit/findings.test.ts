import { describe, expect, it } from 'vitest';
import {
  type FindingKind,
  type FindingsOptions,
  findingKey,
  findingsFor,
} from '../../src/core/findings/findings.js';
import { addDays } from '../../src/core/org/days.js';
import { defaultThresholds } from '../../src/core/policy.js';
import { buildState, crew, line, type OrgSpec, TODAY } from './state-builder.js';

/** Findings of the whole org, of some kinds, as one-line strings. */
function lines(spec: OrgSpec, kinds: FindingKind[], options: FindingsOptions = {}) {
  const { state } = buildState(spec);
  return findingsFor(state, null, defaultThresholds, { kinds, ...options }).map((f) =>
    line(state, f),
  );
}

const team = (more: Partial<OrgSpec['units'][number]> = {}) => ({
  slug: 'storage',
  layer: 'TEAM' as const,
  ...more,
});
const area = (more: Partial<OrgSpec['units'][number]> = {}) => ({
  slug: 'infra',
  layer: 'AREA' as const,
  ...more,
});

describe('VACANT_SEAT', () => {
  it.each<[string, OrgSpec, string[]]>([
    [
      'empty Eng Lead seat',
      { units: [team({ tl: 'dee' })] },
      ['CRITICAL VACANT_SEAT storage ENG_LEAD'],
    ],
    [
      'empty Eng Lead seat with an OPEN role',
      { units: [team({ tl: 'dee' })], openRoles: [{ unit: 'storage', seat: 'ENG_LEAD' }] },
      ['HIGH VACANT_SEAT storage ENG_LEAD'],
    ],
    [
      'empty Eng Lead seat whose role was filled',
      {
        units: [team({ tl: 'dee' })],
        openRoles: [
          { unit: 'storage', seat: 'ENG_LEAD', status: 'FILLED', closedOn: '2026-01-01' },
        ],
      },
      ['CRITICAL VACANT_SEAT storage ENG_LEAD'],
    ],
    [
      'empty Eng Lead seat with an open role for the other seat',
      { units: [team({ tl: 'dee' })], openRoles: [{ unit: 'storage', seat: 'TECH_LEAD' }] },
      ['CRITICAL VACANT_SEAT storage ENG_LEAD'],
    ],
    [
      'a Team with neither seat',
      { units: [team()] },
      ['CRITICAL VACANT_SEAT storage ENG_LEAD', 'HIGH VACANT_SEAT storage TECH_LEAD'],
    ],
    [
      'a Team with neither seat, hiring a Tech Lead',
      { units: [team()], openRoles: [{ unit: 'storage', seat: 'TECH_LEAD' }] },
      ['CRITICAL VACANT_SEAT storage ENG_LEAD', 'MEDIUM VACANT_SEAT storage TECH_LEAD'],
    ],
    ['a TLM Team (its Eng Lead covers the Tech Lead seat)', { units: [team({ el: 'ana' })] }, []],
    ['a Team whose Eng Lead holds both seats', { units: [team({ el: 'ana', tl: 'ana' })] }, []],
    ['a STAFFED Team', { units: [team({ el: 'ana', tl: 'dee' })] }, []],
    [
      'an Area with an Eng Lead only',
      { units: [area({ el: 'ana' })] },
      ['HIGH VACANT_SEAT infra TECH_LEAD'],
    ],
    [
      'an Area whose Eng Lead holds the Tech Lead seat',
      { units: [area({ el: 'ana', tl: 'ana' })] },
      ['HIGH VACANT_SEAT infra TECH_LEAD'],
    ],
    [
      'an Area without a Tech Lead, hiring one',
      { units: [area({ el: 'ana' })], openRoles: [{ unit: 'infra', seat: 'TECH_LEAD' }] },
      ['MEDIUM VACANT_SEAT infra TECH_LEAD'],
    ],
    [
      'a Pillar with neither seat',
      { units: [{ slug: 'platform', layer: 'PILLAR' }] },
      ['CRITICAL VACANT_SEAT platform ENG_LEAD', 'HIGH VACANT_SEAT platform TECH_LEAD'],
    ],
    [
      'a Pillar with a Tech Lead only',
      { units: [{ slug: 'platform', layer: 'PILLAR', tl: 'cy' }] },
      ['CRITICAL VACANT_SEAT platform ENG_LEAD'],
    ],
  ])('%s', (_, spec, expected) => {
    expect(lines(spec, ['VACANT_SEAT'])).toEqual(expected);
  });
});

describe('TLM_BEYOND_THRESHOLD', () => {
  it.each<[string, OrgSpec, string[]]>([
    [
      'a TLM Team of 4 engineers (Eng Lead not counted)',
      { units: [team({ el: 'ana', members: ['ana', ...crew('e', 4)] })] },
      ['MEDIUM TLM_BEYOND_THRESHOLD storage ana'],
    ],
    [
      'a TLM Team of 3 engineers',
      { units: [team({ el: 'ana', members: ['ana', ...crew('e', 3)] })] },
      [],
    ],
    [
      'a Team whose Eng Lead holds both seats, 4 engineers',
      { units: [team({ el: 'ana', tl: 'ana', members: crew('e', 4) })] },
      ['MEDIUM TLM_BEYOND_THRESHOLD storage ana'],
    ],
    ['a STAFFED Team of 9', { units: [team({ el: 'ana', tl: 'dee', members: crew('e', 9) })] }, []],
    ['a TLM Area with 9 members', { units: [area({ el: 'ana', members: crew('e', 9) })] }, []],
  ])('%s', (_, spec, expected) => {
    expect(lines(spec, ['TLM_BEYOND_THRESHOLD'])).toEqual(expected);
  });
});

describe('LONG_RUNNING_TLM (more than 180 days)', () => {
  const since = (days: number) => addDays(TODAY, -days);
  it.each<[string, OrgSpec, string[]]>([
    [
      'Eng Lead alone for 180 days',
      {
        units: [team()],
        seats: [{ unit: 'storage', seat: 'ENG_LEAD', person: 'ana', from: since(180) }],
      },
      [],
    ],
    [
      'Eng Lead alone for 181 days',
      {
        units: [team()],
        seats: [{ unit: 'storage', seat: 'ENG_LEAD', person: 'ana', from: since(181) }],
      },
      ['LOW LONG_RUNNING_TLM storage ana'],
    ],
    [
      "Tech Lead's end 180 days ago",
      {
        units: [team({ el: 'ana' })],
        seats: [{ unit: 'storage', seat: 'TECH_LEAD', person: 'dee', to: since(180) }],
      },
      [],
    ],
    [
      "Tech Lead's end 181 days ago",
      {
        units: [team({ el: 'ana' })],
        seats: [{ unit: 'storage', seat: 'TECH_LEAD', person: 'dee', to: since(181) }],
      },
      ['LOW LONG_RUNNING_TLM storage ana'],
    ],
    [
      'a long-running TLM Area (the Tech Lead vacancy covers it)',
      { units: [area({ el: 'ana' })] },
      [],
    ],
    ['a STAFFED Team', { units: [team({ el: 'ana', tl: 'dee' })] }, []],
  ])('%s', (_, spec, expected) => {
    expect(lines(spec, ['LONG_RUNNING_TLM'])).toEqual(expected);
  });
});

describe('NO_SUCCESSOR', () => {
  const staffed = { units: [team({ el: 'ana', tl: 'dee' })] };
  it.each<[string, OrgSpec, string[]]>([
    [
      'held seats without candidates',
      staffed,
      ['HIGH NO_SUCCESSOR storage ENG_LEAD ana', 'MEDIUM NO_SUCCESSOR storage TECH_LEAD dee'],
    ],
    [
      'a READY_LATER candidate only',
      {
        ...staffed,
        candidates: [
          { unit: 'storage', seat: 'ENG_LEAD', person: 'eli', readiness: 'READY_LATER' },
        ],
      },
      ['HIGH NO_SUCCESSOR storage ENG_LEAD ana', 'MEDIUM NO_SUCCESSOR storage TECH_LEAD dee'],
    ],
    [
      'READY_SOON and READY_NOW candidates',
      {
        ...staffed,
        candidates: [
          { unit: 'storage', seat: 'ENG_LEAD', person: 'eli', readiness: 'READY_SOON' },
          { unit: 'storage', seat: 'TECH_LEAD', person: 'eli', readiness: 'READY_NOW' },
        ],
      },
      [],
    ],
    [
      'one person holding both seats: each seat counted',
      { units: [team({ el: 'ana', tl: 'ana' })] },
      ['HIGH NO_SUCCESSOR storage ENG_LEAD ana', 'MEDIUM NO_SUCCESSOR storage TECH_LEAD ana'],
    ],
    ['empty seats', { units: [team()] }, []],
  ])('%s', (_, spec, expected) => {
    expect(lines(spec, ['NO_SUCCESSOR'])).toEqual(expected);
  });
});

describe('MULTI_SEAT_HOLDER', () => {
  it.each<[string, OrgSpec, string[]]>([
    ['both seats of one unit count once', { units: [team({ el: 'ana', tl: 'ana' })] }, []],
    [
      'an Area Eng Lead who also leads a Team: on the Area',
      {
        units: [
          area({ el: 'ana' }),
          { slug: 'storage', layer: 'TEAM', parent: 'infra', el: 'ana', tl: 'dee' },
        ],
      },
      ['HIGH MULTI_SEAT_HOLDER infra ana'],
    ],
    [
      'two Teams of one layer: on the first by slug',
      {
        units: [
          { slug: 'beta', layer: 'TEAM', tl: 'dee' },
          { slug: 'alpha', layer: 'TEAM', el: 'dee' },
        ],
      },
      ['HIGH MULTI_SEAT_HOLDER alpha dee'],
    ],
  ])('%s', (_, spec, expected) => {
    expect(lines(spec, ['MULTI_SEAT_HOLDER'])).toEqual(expected);
  });

  it('lists every unit involved, highest layer first, and says what is at stake', () => {
    const { state, u } = buildState({
      units: [
        { slug: 'web', layer: 'TEAM', el: 'bo' },
        { slug: 'api', layer: 'TEAM', tl: 'bo' },
        { slug: 'platform', layer: 'PILLAR', el: 'bo' },
      ],
    });
    const [finding] = findingsFor(state, null, defaultThresholds, { kinds: ['MULTI_SEAT_HOLDER'] });
    expect(finding?.unitIds).toEqual([u('platform'), u('api'), u('web')]);
    expect(finding?.seat).toBeNull();
    expect(finding?.message).toBe(
      'Bo holds leadership seats in 3 units (Platform, Api, Web): one departure would empty all of them.',
    );
  });
});

describe('AoR findings', () => {
  it.each<[string, OrgSpec['aors'], string[]]>([
    [
      'HIGH AoR with a sole owner',
      [{ slug: 'blob', unit: 'storage', criticality: 'HIGH', owner: 'dee' }],
      ['HIGH SOLE_AOR_OWNER storage dee'],
    ],
    [
      'MEDIUM AoR with a sole owner',
      [{ slug: 'blob', unit: 'storage', criticality: 'MEDIUM', owner: 'dee' }],
      ['MEDIUM SOLE_AOR_OWNER storage dee'],
    ],
    [
      'LOW AoR with a sole owner',
      [{ slug: 'blob', unit: 'storage', criticality: 'LOW', owner: 'dee' }],
      ['MEDIUM SOLE_AOR_OWNER storage dee'],
    ],
    [
      'an AoR with a backup',
      [{ slug: 'blob', unit: 'storage', owner: 'dee', backups: ['eli'] }],
      [],
    ],
    [
      'HIGH AoR without owner',
      [{ slug: 'blob', unit: 'storage', criticality: 'HIGH' }],
      ['CRITICAL UNOWNED_AOR storage'],
    ],
    ['MEDIUM AoR without owner', [{ slug: 'blob', unit: 'storage' }], ['HIGH UNOWNED_AOR storage']],
    [
      'LOW AoR without owner but with a backup',
      [{ slug: 'blob', unit: 'storage', criticality: 'LOW', backups: ['eli'] }],
      ['HIGH UNOWNED_AOR storage'],
    ],
  ])('%s', (_, aors, expected) => {
    expect(lines({ units: [team()], aors }, ['SOLE_AOR_OWNER', 'UNOWNED_AOR'])).toEqual(expected);
  });

  it('names the AoR, its unit and criticality', () => {
    const { state } = buildState({
      units: [team()],
      aors: [
        { slug: 'blob', unit: 'storage', criticality: 'HIGH', owner: 'dee' },
        { slug: 'queue', unit: 'storage' },
      ],
    });
    const findings = findingsFor(state, null, defaultThresholds, {
      kinds: ['SOLE_AOR_OWNER', 'UNOWNED_AOR'],
    });
    // Both HIGH on one unit: SPEC §2's table order of kinds breaks the tie.
    expect(findings.map((f) => [f.aorId, f.message])).toEqual([
      [500, 'Dee is the only owner of Blob (Storage, high criticality), with no backup.'],
      [501, 'Queue (Storage, medium criticality) has no owner.'],
    ]);
  });
});

describe('SUCCESSOR_CONCENTRATION', () => {
  const units: OrgSpec['units'] = [
    area({ el: 'ana', tl: 'cy' }),
    { slug: 'storage', layer: 'TEAM', parent: 'infra', el: 'gus', tl: 'dee' },
  ];
  it.each<[string, OrgSpec['candidates'], string[]]>([
    [
      'the only ready candidate for two seats: on the highest unit',
      [
        { unit: 'storage', seat: 'ENG_LEAD', person: 'eli', readiness: 'READY_NOW' },
        { unit: 'infra', seat: 'TECH_LEAD', person: 'eli', readiness: 'READY_SOON' },
      ],
      ['MEDIUM SUCCESSOR_CONCENTRATION infra eli'],
    ],
    [
      'the only ready candidate for both seats of one unit',
      [
        { unit: 'storage', seat: 'ENG_LEAD', person: 'eli', readiness: 'READY_NOW' },
        { unit: 'storage', seat: 'TECH_LEAD', person: 'eli', readiness: 'READY_NOW' },
      ],
      ['MEDIUM SUCCESSOR_CONCENTRATION storage eli'],
    ],
    [
      'the only ready candidate for one seat',
      [{ unit: 'storage', seat: 'ENG_LEAD', person: 'eli', readiness: 'READY_NOW' }],
      [],
    ],
    [
      'one of two ready candidates for one of the seats',
      [
        { unit: 'storage', seat: 'ENG_LEAD', person: 'eli', readiness: 'READY_NOW' },
        { unit: 'infra', seat: 'TECH_LEAD', person: 'eli', readiness: 'READY_NOW' },
        { unit: 'infra', seat: 'TECH_LEAD', person: 'fay', readiness: 'READY_SOON' },
      ],
      [],
    ],
    [
      'READY_LATER does not count',
      [
        { unit: 'storage', seat: 'ENG_LEAD', person: 'eli', readiness: 'READY_NOW' },
        { unit: 'infra', seat: 'TECH_LEAD', person: 'eli', readiness: 'READY_LATER' },
      ],
      [],
    ],
  ])('%s', (_, candidates, expected) => {
    expect(lines({ units, candidates }, ['SUCCESSOR_CONCENTRATION'])).toEqual(expected);
  });
});

describe('findingsFor scope, filters and order', () => {
  const spec: OrgSpec = {
    // Dee is a Tech Lead as SPEC §1 has it (on the team, reporting to its Eng Lead).
    people: [{ key: 'dee', manager: 'ana' }],
    units: [
      { slug: 'platform', layer: 'PILLAR', el: 'bo', tl: 'cy' },
      { slug: 'infra', layer: 'AREA', parent: 'platform', el: 'ana', tl: 'hal' },
      { slug: 'storage', layer: 'TEAM', parent: 'infra', el: 'ana', tl: 'dee', members: ['dee'] },
      { slug: 'compute', layer: 'TEAM', parent: 'infra' },
    ],
    aors: [{ slug: 'blob', unit: 'storage', criticality: 'HIGH', owner: 'dee' }],
    candidates: [
      { unit: 'platform', seat: 'ENG_LEAD', person: 'ana', readiness: 'READY_NOW' },
      { unit: 'platform', seat: 'TECH_LEAD', person: 'hal', readiness: 'READY_NOW' },
      { unit: 'infra', seat: 'ENG_LEAD', person: 'eli', readiness: 'READY_NOW' },
      { unit: 'infra', seat: 'TECH_LEAD', person: 'dee', readiness: 'READY_NOW' },
      { unit: 'storage', seat: 'ENG_LEAD', person: 'eli', readiness: 'READY_SOON' },
      { unit: 'storage', seat: 'TECH_LEAD', person: 'fay', readiness: 'READY_SOON' },
    ],
  };
  const { state, u } = buildState(spec);
  const scoped = (scope: string | null, options: FindingsOptions = {}) =>
    findingsFor(state, scope === null ? null : u(scope), defaultThresholds, options).map((f) =>
      line(state, f),
    );

  it('orders the whole org by severity, then unit slug, then kind and seat', () => {
    expect(scoped(null)).toEqual([
      'CRITICAL VACANT_SEAT compute ENG_LEAD',
      'HIGH VACANT_SEAT compute TECH_LEAD',
      'HIGH MULTI_SEAT_HOLDER infra ana',
      'HIGH SOLE_AOR_OWNER storage dee',
      'MEDIUM SUCCESSOR_CONCENTRATION infra eli',
    ]);
  });

  it.each([
    [
      'a team: its own findings; a person found on a higher unit is not',
      'storage',
      ['HIGH SOLE_AOR_OWNER storage dee'],
    ],
    ['an area: its subtree', 'infra', 5],
    ['a pillar: everything under it', 'platform', 5],
  ])('scoped to %s', (_, scope, expected) => {
    const found = scoped(scope);
    if (typeof expected === 'number') expect(found).toHaveLength(expected);
    else expect(found).toEqual(expected);
  });

  it('is empty for an empty org and for an unknown scope', () => {
    expect(findingsFor(buildState({ units: [] }).state, null, defaultThresholds)).toEqual([]);
    expect(findingsFor(state, 99_999, defaultThresholds)).toEqual([]);
  });

  it.each<[string, FindingsOptions, number]>([
    ['no filter', {}, 5],
    ['empty kinds = all kinds', { kinds: [] }, 5],
    ['kinds', { kinds: ['VACANT_SEAT', 'SOLE_AOR_OWNER'] }, 3],
    ['minSeverity CRITICAL', { minSeverity: 'CRITICAL' }, 1],
    ['minSeverity HIGH', { minSeverity: 'HIGH' }, 4],
    ['minSeverity LOW', { minSeverity: 'LOW' }, 5],
    ['kinds and minSeverity', { kinds: ['VACANT_SEAT'], minSeverity: 'HIGH' }, 2],
  ])('filters: %s', (_, options, count) => {
    expect(scoped(null, options)).toHaveLength(count);
  });

  it('tells the vacancy in one sentence', () => {
    const messages = findingsFor(state, u('compute'), defaultThresholds).map((f) => f.message);
    expect(messages).toEqual([
      'Compute has no Eng Lead and no open role for one.',
      'Compute has no Tech Lead and no open role for one.',
    ]);
  });

  it('gives every finding a distinct, stable key', () => {
    const keys = findingsFor(state, null, defaultThresholds).map(findingKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(findingsFor(state, null, defaultThresholds).map(findingKey)).toEqual(keys);
  });
});

describe('finding messages', () => {
  it.each<[string, OrgSpec, string]>([
    [
      'hiring for a vacant seat',
      { units: [team({ tl: 'dee' })], openRoles: [{ unit: 'storage', seat: 'ENG_LEAD' }] },
      'Storage has no Eng Lead; an open role is hiring for one.',
    ],
    [
      'an Area Eng Lead holding both seats',
      { units: [area({ el: 'ana', tl: 'ana' })] },
      'Infra has no separate Tech Lead (Eng Lead Ana holds both seats) and no open role for one.',
    ],
    [
      'a TLM beyond the threshold',
      { units: [team({ el: 'ana', members: crew('e', 4) })] },
      'Ana is both Eng Lead and Tech Lead of Storage, a team of 4 engineers (a separate Tech Lead is expected from 4).',
    ],
    [
      'a long-running TLM',
      {
        units: [team()],
        seats: [{ unit: 'storage', seat: 'ENG_LEAD', person: 'ana', from: '2025-06-01' }],
      },
      'Storage has had Ana as Tech Lead Manager, with no separate Tech Lead, for 365 days (since 2025-06-01).',
    ],
    [
      'no successor',
      { units: [area({ el: 'ana', tl: 'dee' })] },
      'No one is ready now or soon to succeed Ana as Eng Lead of Infra.',
    ],
    [
      'successor concentration',
      {
        units: [area({ el: 'ana', tl: 'dee' })],
        candidates: [
          { unit: 'infra', seat: 'ENG_LEAD', person: 'eli', readiness: 'READY_NOW' },
          { unit: 'infra', seat: 'TECH_LEAD', person: 'eli', readiness: 'READY_NOW' },
        ],
      },
      'Eli is the only ready successor for 2 seats (Eng Lead of Infra, Tech Lead of Infra).',
    ],
  ])('%s', (_, spec, message) => {
    const { state } = buildState(spec);
    expect(findingsFor(state, null, defaultThresholds).map((f) => f.message)).toContain(message);
  });
});

describe('findings order tiebreaks', () => {
  it('orders findings of one kind on one unit by AoR slug, then by people', () => {
    const { state } = buildState({
      units: [
        team({ tl: 'dee' }),
        { slug: 'alpha', layer: 'TEAM', el: 'zoe' },
        { slug: 'beta', layer: 'TEAM', el: 'amy' },
        { slug: 'gamma', layer: 'TEAM', tl: 'zoe' },
        { slug: 'delta', layer: 'TEAM', tl: 'amy' },
      ],
      aors: [
        { slug: 'zulu', unit: 'storage', owner: 'dee' },
        { slug: 'alpha', unit: 'storage', owner: 'dee' },
      ],
    });
    const found = findingsFor(state, null, defaultThresholds, {
      kinds: ['SOLE_AOR_OWNER', 'MULTI_SEAT_HOLDER'],
    });
    expect(found.map((f) => [f.kind, f.aorId ?? line(state, f)])).toEqual([
      ['MULTI_SEAT_HOLDER', 'HIGH MULTI_SEAT_HOLDER alpha zoe'],
      ['MULTI_SEAT_HOLDER', 'HIGH MULTI_SEAT_HOLDER beta amy'],
      ['SOLE_AOR_OWNER', 501],
      ['SOLE_AOR_OWNER', 500],
    ]);
  });
});
