import { describe, expect, it } from 'vitest';
import { unitCoverage } from '../../src/core/coverage/coverage.js';
import { defaultThresholds } from '../../src/core/policy.js';
import type { Layer } from '../../src/db/tables.js';
import { buildState, crew, type OrgSpec } from './state-builder.js';

type UnitSpec = OrgSpec['units'][number];

function coverageOf(
  unit: Omit<UnitSpec, 'slug' | 'layer'> & { layer?: Layer },
  more: Partial<OrgSpec> = {},
) {
  const built = buildState({ ...more, units: [{ slug: 'storage', layer: 'TEAM', ...unit }] });
  return { ...built, coverage: unitCoverage(built.state, built.u('storage'), defaultThresholds) };
}

describe('unitCoverage status', () => {
  it.each([
    ['an Eng Lead and a different Tech Lead', { el: 'ana', tl: 'dee' }, 'STAFFED'],
    ['an Eng Lead and no Tech Lead', { el: 'ana' }, 'TECH_LEAD_MANAGER'],
    ['an Eng Lead holding the Tech Lead seat too', { el: 'ana', tl: 'ana' }, 'TECH_LEAD_MANAGER'],
    ['a Tech Lead but no Eng Lead', { tl: 'dee' }, 'MISSING_ENG_LEAD'],
    ['neither seat held', {}, 'VACANT'],
  ])('%s: %s', (_, unit, status) => {
    expect(coverageOf(unit).coverage.status).toBe(status);
  });
});

describe('unitCoverage health and engineers', () => {
  it.each([
    ['STAFFED team', { el: 'ana', tl: 'dee', members: ['ana', 'dee'] }, true, 1, false],
    ['TLM team of 3 engineers', { el: 'ana', members: ['ana', ...crew('e', 3)] }, true, 3, false],
    ['TLM team of 4 engineers', { el: 'ana', members: ['ana', ...crew('e', 4)] }, false, 4, true],
    [
      'TLM team whose Eng Lead holds both seats, 4 engineers',
      { el: 'ana', tl: 'ana', members: ['ana', ...crew('e', 4)] },
      false,
      4,
      true,
    ],
    ['TLM area', { layer: 'AREA' as const, el: 'ana' }, false, 0, false],
    ['STAFFED area', { layer: 'AREA' as const, el: 'ana', tl: 'dee' }, true, 0, false],
    ['MISSING_ENG_LEAD team', { tl: 'dee', members: ['dee'] }, false, 1, false],
    ['VACANT team', { members: crew('e', 2) }, false, 2, false],
  ])('%s: healthy %s, %i engineers, beyond threshold %s', (_, unit, healthy, engineers, beyond) => {
    const { coverage } = coverageOf(unit);
    expect(coverage).toMatchObject({
      healthy,
      engineerCount: engineers,
      tlmBeyondThreshold: beyond,
    });
  });

  it('counts the Tech Lead and not the Eng Lead', () => {
    const { coverage } = coverageOf({ el: 'ana', tl: 'dee', members: ['ana', 'dee', 'eli'] });
    expect(coverage.engineerCount).toBe(2);
  });

  it('takes the threshold from configuration', () => {
    const { state, u } = buildState({
      units: [{ slug: 'storage', layer: 'TEAM', el: 'ana', members: crew('e', 4) }],
    });
    const coverage = unitCoverage(state, u('storage'), { ...defaultThresholds, tlmEngineers: 5 });
    expect(coverage).toMatchObject({ healthy: true, tlmBeyondThreshold: false });
  });
});

describe('unitCoverage hiring', () => {
  it.each([
    ['empty Eng Lead seat with an open role', { tl: 'dee' }, 'ENG_LEAD', true],
    ['TLM team with an open Tech Lead role', { el: 'ana' }, 'TECH_LEAD', true],
    [
      'Eng Lead holding both seats, open Tech Lead role',
      { el: 'ana', tl: 'ana' },
      'TECH_LEAD',
      true,
    ],
    ['STAFFED unit with a stray Tech Lead role', { el: 'ana', tl: 'dee' }, 'TECH_LEAD', false],
    ['held Eng Lead seat with an open role', { el: 'ana' }, 'ENG_LEAD', false],
    ['an ENGINEER role only', {}, 'ENGINEER', false],
  ] as const)('%s: %s', (_, unit, seat, hiring) => {
    const { coverage } = coverageOf(unit, { openRoles: [{ unit: 'storage', seat }] });
    expect(coverage.hiring).toBe(hiring);
  });

  it('is not hiring with an empty seat and no open role', () => {
    expect(coverageOf({}).coverage.hiring).toBe(false);
  });
});

describe('unitCoverage seats', () => {
  it("tells a Tech Lead seat vacant from the end of its Eng Lead's own stint in it", () => {
    const { coverage } = coverageOf(
      { el: 'ana' },
      {
        seats: [
          {
            unit: 'storage',
            seat: 'TECH_LEAD',
            person: 'dee',
            from: '2025-01-01',
            to: '2026-03-31',
          },
          {
            unit: 'storage',
            seat: 'TECH_LEAD',
            person: 'ana',
            from: '2026-04-01',
            to: '2026-05-15',
          },
        ],
      },
    );
    expect(coverage.seats.TECH_LEAD).toMatchObject({ holderId: null, vacantSince: '2026-05-16' });
    // The TLM still counts from the last separate Tech Lead: Ana held both seats meanwhile.
    expect(coverage.tlmSince).toBe('2026-03-31');
  });

  it('counts tenure from the first day of an acting holder later confirmed', () => {
    const { coverage } = coverageOf(
      {},
      {
        seats: [
          {
            unit: 'storage',
            seat: 'ENG_LEAD',
            person: 'ana',
            from: '2026-03-01',
            to: '2026-04-30',
            acting: true,
          },
          { unit: 'storage', seat: 'ENG_LEAD', person: 'ana', from: '2026-05-01' },
        ],
      },
    );
    expect(coverage.seats.ENG_LEAD).toMatchObject({
      acting: false,
      heldSince: '2026-03-01',
      tenureDays: 92,
    });
  });

  it('tells holder, tenure, open role and the bench of each seat', () => {
    const { coverage, p } = coverageOf(
      {},
      {
        seats: [
          { unit: 'storage', seat: 'ENG_LEAD', person: 'ana', from: '2026-05-02', acting: true },
          {
            unit: 'storage',
            seat: 'TECH_LEAD',
            person: 'dee',
            from: '2025-01-01',
            to: '2026-03-31',
          },
        ],
        candidates: [
          { unit: 'storage', seat: 'ENG_LEAD', person: 'zed', readiness: 'READY_NOW' },
          { unit: 'storage', seat: 'ENG_LEAD', person: 'amy', readiness: 'READY_NOW' },
          { unit: 'storage', seat: 'ENG_LEAD', person: 'sol', readiness: 'READY_SOON' },
          { unit: 'storage', seat: 'TECH_LEAD', person: 'lea', readiness: 'READY_LATER' },
        ],
        openRoles: [{ unit: 'storage', seat: 'TECH_LEAD' }],
      },
    );
    expect(coverage.seats.ENG_LEAD).toMatchObject({
      holderId: p('ana'),
      acting: true,
      heldSince: '2026-05-02',
      tenureDays: 30,
      vacantSince: null,
      openRole: false,
      readyNow: [p('amy'), p('zed')],
      readySoon: [p('sol')],
      readyLater: [],
    });
    expect(coverage.seats.TECH_LEAD).toMatchObject({
      holderId: null,
      heldSince: null,
      tenureDays: null,
      vacantSince: '2026-04-01',
      openRole: true,
      readyNow: [],
      readyLater: [p('lea')],
    });
  });

  it('has no "vacant since" for a seat never held', () => {
    expect(coverageOf({}).coverage.seats.ENG_LEAD.vacantSince).toBeNull();
  });

  it('orders candidates of the same name by email', () => {
    const { coverage, p } = coverageOf(
      { el: 'ana' },
      {
        people: [
          { key: 'kim2', name: 'Kim' },
          { key: 'kim1', name: 'Kim' },
        ],
        candidates: [
          { unit: 'storage', seat: 'ENG_LEAD', person: 'kim2', readiness: 'READY_NOW' },
          { unit: 'storage', seat: 'ENG_LEAD', person: 'kim1', readiness: 'READY_NOW' },
        ],
      },
    );
    expect(coverage.seats.ENG_LEAD.readyNow).toEqual([p('kim1'), p('kim2')]);
  });
});

describe('unitCoverage tlmSince', () => {
  it.each([
    ['never had a Tech Lead: the Eng Lead start', [], '2025-01-01'],
    [
      "the last separate Tech Lead's end",
      [{ person: 'dee', from: '2025-01-01', to: '2025-06-30' }],
      '2025-06-30',
    ],
    [
      'the Eng Lead start when the Tech Lead left before it (Eng Lead since 2025-01-01)',
      [{ person: 'dee', from: '2024-01-01', to: '2024-06-30' }],
      '2025-01-01',
    ],
    [
      "ignoring the Eng Lead's own stint as Tech Lead",
      [
        { person: 'dee', from: '2025-01-01', to: '2025-02-28' },
        { person: 'ana', from: '2025-03-01', to: '2025-05-31' },
      ],
      '2025-02-28',
    ],
  ])('%s', (_, stints, since) => {
    const { coverage } = coverageOf(
      { el: 'ana' },
      { seats: stints.map((s) => ({ unit: 'storage', seat: 'TECH_LEAD' as const, ...s })) },
    );
    expect(coverage.tlmSince).toBe(since);
  });

  it.each([
    [
      'an acting Eng Lead confirmed: from their first day',
      [
        { person: 'ana', from: '2025-01-01', to: '2025-05-31', acting: true },
        { person: 'ana', from: '2025-06-01' },
      ],
      '2025-01-01',
    ],
    [
      'an Eng Lead back after a gap: from their return',
      [
        { person: 'ana', from: '2025-01-01', to: '2025-03-31' },
        { person: 'ana', from: '2025-06-01' },
      ],
      '2025-06-01',
    ],
    [
      'an Eng Lead after someone else: from their own start',
      [
        { person: 'bo', from: '2025-01-01', to: '2025-05-31' },
        { person: 'ana', from: '2025-06-01' },
      ],
      '2025-06-01',
    ],
  ])('the Eng Lead start is of their unbroken run: %s', (_, stints, since) => {
    const { coverage } = coverageOf(
      {},
      { seats: stints.map((s) => ({ unit: 'storage', seat: 'ENG_LEAD' as const, ...s })) },
    );
    expect(coverage.tlmSince).toBe(since);
  });

  it('is null unless the unit is a TLM', () => {
    expect(coverageOf({ el: 'ana', tl: 'dee' }).coverage).toMatchObject({
      tlmSince: null,
      tlmDays: null,
    });
  });

  it('throws for a unit not in the org', () => {
    const { state } = buildState({ units: [] });
    expect(() => unitCoverage(state, 1, defaultThresholds)).toThrow(/not in the org/);
  });

  it('is for the state’s day, and leaves its seats unworked until they are read', () => {
    const { state, coverage } = coverageOf({ el: 'ana', tl: 'dee' });
    expect(coverage.day).toBe(state.asOf);
    // A getter until first read: copying the coverage (as a dated answer once did) would work
    // out both seats of every unit of a status-only dashboard.
    const seats = Object.getOwnPropertyDescriptor(coverage, 'seats');
    expect(seats?.get).toBeTypeOf('function');
    expect(coverage.seats.ENG_LEAD).toBe(coverage.seats.ENG_LEAD);
  });
});
