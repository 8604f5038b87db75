import { describe, expect, it } from 'vitest';
import { orgStateOn } from '../../src/core/org/as-of.js';
import { subtreeOf } from '../../src/core/org/subtree.js';
import { buildHistory, buildState, TODAY } from './state-builder.js';

const team = { slug: 'storage', layer: 'TEAM' as const };

describe('orgStateOn: what is in force on a day', () => {
  it.each([
    ['ended the day before', { from: '2026-01-01', to: '2026-05-31' }, false],
    ['ends that day (inclusive)', { from: '2026-01-01', to: TODAY }, true],
    ['starts that day', { from: TODAY }, true],
    ['starts the day after', { from: '2026-06-02' }, false],
    ['open-ended', { from: '2020-01-01' }, true],
  ])('a seat assignment that %s: in force = %s', (_, dates, inForce) => {
    const { state, p, u } = buildState({
      units: [team],
      seats: [{ unit: 'storage', seat: 'ENG_LEAD', person: 'ana', ...dates }],
    });
    expect(state.seats.get(u('storage'))?.ENG_LEAD.holder?.personId ?? null).toBe(
      inForce ? p('ana') : null,
    );
  });

  it('picks the later assignment when two overlap on a hand-over day', () => {
    const { state, p, u } = buildState({
      units: [team],
      seats: [
        { unit: 'storage', seat: 'ENG_LEAD', person: 'ana', from: '2025-01-01', to: TODAY },
        { unit: 'storage', seat: 'ENG_LEAD', person: 'bo', from: TODAY },
      ],
    });
    expect(state.seats.get(u('storage'))?.ENG_LEAD.holder).toEqual({
      personId: p('bo'),
      startedOn: TODAY,
      acting: false,
    });
  });

  it.each([
    ['archived that day', TODAY, false],
    ['archived before', '2026-01-01', false],
    ['archived the day after', '2026-06-02', true],
  ])('a unit %s is in the org: %s', (_, archivedOn, present) => {
    const { state } = buildState({
      units: [
        { ...team, archivedOn },
        { slug: 'web', layer: 'TEAM' },
      ],
    });
    expect(state.units.map((x) => x.slug)).toEqual(present ? ['storage', 'web'] : ['web']);
  });

  it.each([
    ['retired that day', TODAY, 0],
    ['retired the day after', '2026-06-02', 1],
  ])('an AoR %s is present %i time(s)', (_, retiredOn, count) => {
    const { state } = buildState({
      units: [team],
      aors: [{ slug: 'blob', unit: 'storage', owner: 'ana', retiredOn }],
    });
    expect(state.aors).toHaveLength(count);
  });

  it.each([
    ['OPEN, opened before', { openedOn: '2026-01-01' }, true],
    ['OPEN, opened the day after', { openedOn: '2026-06-02' }, false],
    [
      'FILLED the day after (open until then)',
      { status: 'FILLED' as const, closedOn: '2026-06-02' },
      true,
    ],
    ['FILLED that day', { status: 'FILLED' as const, closedOn: TODAY }, false],
    ['CANCELLED with no closing day', { status: 'CANCELLED' as const }, false],
  ])('an open role %s: open = %s', (_, role, open) => {
    const { state, u } = buildState({
      units: [team],
      openRoles: [{ unit: 'storage', seat: 'ENG_LEAD', ...role }],
    });
    expect(state.seats.get(u('storage'))?.ENG_LEAD.openRole).toBe(open);
    expect(state.seats.get(u('storage'))?.TECH_LEAD.openRole).toBe(false);
  });

  it('orders units by slug and groups children by parent, in slug order', () => {
    const { state, u } = buildState({
      units: [
        { slug: 'platform', layer: 'PILLAR' },
        { slug: 'infra', layer: 'AREA', parent: 'platform' },
        { slug: 'web', layer: 'TEAM', parent: 'infra' },
        { slug: 'api', layer: 'TEAM', parent: 'infra' },
      ],
    });
    expect(state.units.map((x) => x.slug)).toEqual(['api', 'infra', 'platform', 'web']);
    expect(state.childrenOf.get(null)?.map((x) => x.slug)).toEqual(['platform']);
    expect(state.childrenOf.get(u('infra'))?.map((x) => x.slug)).toEqual(['api', 'web']);
  });

  it('keeps memberships, ownerships and candidacies in force only', () => {
    const { state, p, u } = buildState({
      units: [{ ...team, el: 'ana' }],
      memberships: [
        { unit: 'storage', person: 'eli' },
        { unit: 'storage', person: 'old', to: '2026-01-01' },
        { unit: 'storage', person: 'new', from: '2026-07-01' },
      ],
      candidates: [
        { unit: 'storage', seat: 'ENG_LEAD', person: 'eli', readiness: 'READY_NOW' },
        {
          unit: 'storage',
          seat: 'ENG_LEAD',
          person: 'old',
          readiness: 'READY_NOW',
          to: '2026-01-01',
        },
      ],
    });
    expect(state.members.get(u('storage'))).toEqual([p('eli')]);
    expect(state.candidates.map((c) => c.personId)).toEqual([p('eli')]);
  });

  it('drops a candidacy for the seat its candidate now holds', () => {
    const { state } = buildState({
      units: [{ ...team, el: 'ana' }],
      candidates: [{ unit: 'storage', seat: 'ENG_LEAD', person: 'ana', readiness: 'READY_NOW' }],
    });
    expect(state.candidates).toEqual([]);
  });

  it('sets primary and backup owners, a backup never being the primary too', () => {
    const { state, p } = buildState({
      units: [team],
      aors: [{ slug: 'blob', unit: 'storage', owner: 'ana', backups: ['eli', 'ana', 'bo'] }],
    });
    expect(state.aors[0]).toMatchObject({
      primaryOwnerId: p('ana'),
      backupOwnerIds: [p('eli'), p('bo')].sort((a, b) => a - b),
      criticality: 'MEDIUM',
    });
  });

  describe('lastSeparateEndedOn', () => {
    it.each([
      ['never held', [], null],
      [
        'a separate Tech Lead ended',
        [{ person: 'dee', from: '2025-01-01', to: '2025-12-31' }],
        '2025-12-31',
      ],
      [
        'the latest of two separate Tech Leads',
        [
          { person: 'dee', from: '2025-01-01', to: '2025-03-31' },
          { person: 'cy', from: '2025-04-01', to: '2025-09-30' },
        ],
        '2025-09-30',
      ],
      [
        "skipping the Eng Lead's own stint as Tech Lead",
        [
          { person: 'dee', from: '2025-01-01', to: '2025-03-31' },
          { person: 'ana', from: '2025-04-01', to: '2025-09-30' },
        ],
        '2025-03-31',
      ],
      ['not a stint still in force on the day', [{ person: 'dee', to: TODAY }], null],
      [
        'not a stint replaced before it began',
        [
          { person: 'dee', from: '2025-01-01', to: '2025-03-31' },
          { person: 'cy', from: '2025-06-01', to: '2025-05-31' },
        ],
        '2025-03-31',
      ],
    ])('%s', (_, stints, expected) => {
      const { state, u } = buildState({
        units: [{ ...team, el: 'ana' }],
        seats: stints.map((s) => ({ unit: 'storage', seat: 'TECH_LEAD' as const, ...s })),
      });
      expect(state.seats.get(u('storage'))?.TECH_LEAD.lastSeparateEndedOn).toBe(expected);
    });
  });

  it('answers each day from the same history', () => {
    const { history, u, p } = buildHistory({
      units: [team],
      seats: [
        { unit: 'storage', seat: 'ENG_LEAD', person: 'ana', from: '2025-01-01', to: '2025-12-31' },
        { unit: 'storage', seat: 'ENG_LEAD', person: 'bo', from: '2026-01-01' },
      ],
    });
    const holderOn = (day: string) =>
      orgStateOn(history, day).seats.get(u('storage'))?.ENG_LEAD.holder?.personId ?? null;
    expect([holderOn('2024-12-31'), holderOn('2025-06-01'), holderOn('2026-06-01')]).toEqual([
      null,
      p('ana'),
      p('bo'),
    ]);
  });
});

describe('subtreeOf', () => {
  const { state, u } = buildState({
    units: [
      { slug: 'platform', layer: 'PILLAR' },
      { slug: 'infra', layer: 'AREA', parent: 'platform' },
      { slug: 'web', layer: 'TEAM', parent: 'infra' },
      { slug: 'api', layer: 'TEAM', parent: 'infra' },
      { slug: 'product', layer: 'PILLAR' },
      { slug: 'old', layer: 'TEAM', parent: 'infra', archivedOn: '2026-01-01' },
    ],
  });
  it.each([
    ['the whole org', null, ['api', 'infra', 'platform', 'product', 'web']],
    ['a pillar', 'platform', ['api', 'infra', 'platform', 'web']],
    ['an area (itself included)', 'infra', ['api', 'infra', 'web']],
    ['a team', 'web', ['web']],
    ['an archived unit', 'old', []],
  ])('of %s', (_, scope, slugs) => {
    expect(subtreeOf(state, scope === null ? null : u(scope)).map((x) => x.slug)).toEqual(slugs);
  });

  it('of an unknown unit is empty', () => {
    expect(subtreeOf(state, 99_999)).toEqual([]);
  });
});
