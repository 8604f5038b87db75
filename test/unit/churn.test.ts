import { describe, expect, it } from 'vitest';
import { type LeadershipChange, leadershipChanges } from '../../src/core/churn/changes.js';
import { seatVacancyStats } from '../../src/core/churn/vacancy-stats.js';
import type { OrgHistory } from '../../src/core/org/state.js';
import { NONE, SPRING, SPRING_CHANGES, SPRING_STATS } from '../helpers/churn-spring.js';
import { buildHistory, type OrgSpec } from './state-builder.js';

// One org holding every case SPEC's churn definitions name, asked for 2026-03-01..2026-05-31.
// Rows without dates start on 2025-01-01, the history's first day.
const org: OrgSpec = {
  units: [
    { slug: 'p', layer: 'PILLAR', el: 'bo', tl: 'cy' },
    { slug: 'a', layer: 'AREA', parent: 'p', el: 'ann' },
    { slug: 't1', layer: 'TEAM', parent: 'a' },
    { slug: 't2', layer: 'TEAM', parent: 'a', el: 'e2' },
    { slug: 't3', layer: 'TEAM', parent: 'a' },
    { slug: 't4', layer: 'TEAM', parent: 'a', archivedOn: '2026-04-01' },
  ],
  seats: [
    // A vacancy across the period's start (from 02-01), filled inside it: ended, not begun.
    { unit: 'a', seat: 'TECH_LEAD', person: 'x', to: '2026-01-31' },
    { unit: 'a', seat: 'TECH_LEAD', person: 'z', from: '2026-04-10' },
    // Two changes on one day: each seat's holder leaves on 03-31 and the next starts 04-01.
    { unit: 't1', seat: 'ENG_LEAD', person: 'em1', to: '2026-03-31' },
    { unit: 't1', seat: 'ENG_LEAD', person: 'em2', from: '2026-04-01' },
    { unit: 't1', seat: 'TECH_LEAD', person: 'tl1', to: '2026-04-01' },
    { unit: 't1', seat: 'TECH_LEAD', person: 'tl2', from: '2026-04-01' },
    // Still open on `to`: empty from 04-01.
    { unit: 't2', seat: 'TECH_LEAD', person: 'ty', to: '2026-03-31' },
    // Empty from the period's first day, filled by an acting holder, who is then confirmed.
    { unit: 't3', seat: 'ENG_LEAD', person: 'e3', to: '2026-02-28' },
    {
      unit: 't3',
      seat: 'ENG_LEAD',
      person: 'y',
      from: '2026-03-15',
      to: '2026-04-14',
      acting: true,
    },
    { unit: 't3', seat: 'ENG_LEAD', person: 'y', from: '2026-04-15' },
    // Archived mid-period: its Eng Lead left on 03-10, its Tech Lead seat never held.
    { unit: 't4', seat: 'ENG_LEAD', person: 'e4', to: '2026-03-09' },
  ],
  openRoles: [
    // Opened before the period, filled inside it: 85 days.
    {
      unit: 'a',
      seat: 'TECH_LEAD',
      status: 'FILLED',
      openedOn: '2026-01-15',
      closedOn: '2026-04-10',
    },
    {
      unit: 't3',
      seat: 'ENG_LEAD',
      status: 'FILLED',
      openedOn: '2026-02-20',
      closedOn: '2026-03-15',
    },
    // Filled before the period; still open: neither counts.
    {
      unit: 't1',
      seat: 'ENG_LEAD',
      status: 'FILLED',
      openedOn: '2025-06-01',
      closedOn: '2025-07-01',
    },
    { unit: 't2', seat: 'TECH_LEAD', status: 'OPEN', openedOn: '2026-04-05' },
  ],
};
const built = buildHistory(org);
const period = (scope?: string) => ({ scopeUnitId: scope ? built.u(scope) : null, ...SPRING });
/** A change in one line: `day unit SEAT KIND before > after`, `*` marking an acting holder. */
const lineIn = (history: OrgHistory) => (c: LeadershipChange) => {
  const key = (id: number | null, acting: boolean) =>
    (history.people.find((p) => p.id === id)?.email.split('@')[0] ?? '-') + (acting ? '*' : '');
  return `${c.on} ${c.slug} ${c.seat} ${c.kind} ${key(c.beforeId, c.beforeActing)} > ${key(c.afterId, c.afterActing)}`;
};
const line = lineIn(built.history);

describe('leadershipChanges', () => {
  it('lists each change oldest first, one per seat and day, with its kind (* = acting)', () => {
    expect(leadershipChanges(built.history, period()).map(line)).toEqual(SPRING_CHANGES);
  });

  it('keeps to the scope and the period, both ends included', () => {
    const t3 = { ...period('t3'), from: '2026-03-15', to: '2026-04-15' };
    expect(leadershipChanges(built.history, t3).map(line)).toEqual([
      '2026-03-15 t3 ENG_LEAD FILLED - > y*',
      '2026-04-15 t3 ENG_LEAD CONFIRMED y* > y',
    ]);
    const before = { ...period(), from: '2026-01-01', to: '2026-02-28' };
    expect(leadershipChanges(built.history, before).map(line)).toEqual([
      '2026-02-01 a TECH_LEAD VACATED x > -',
    ]);
  });

  it('counts no change for a permanent holder turning acting, nor a same-day re-assignment', () => {
    const spec: OrgSpec = {
      units: [{ slug: 't', layer: 'TEAM' }],
      seats: [
        { unit: 't', seat: 'ENG_LEAD', person: 'a', to: '2026-03-31' },
        { unit: 't', seat: 'ENG_LEAD', person: 'a', from: '2026-04-01', acting: true },
        // b takes the Tech Lead seat for one day only: filled, then vacated the day after.
        { unit: 't', seat: 'TECH_LEAD', person: 'b', from: '2026-04-02', to: '2026-04-02' },
      ],
    };
    const { history } = buildHistory(spec);
    const all = { scopeUnitId: null, from: '2026-01-01', to: '2026-12-31' };
    expect(leadershipChanges(history, all).map(lineIn(history))).toEqual([
      '2026-04-02 t TECH_LEAD FILLED - > b',
      '2026-04-03 t TECH_LEAD VACATED b > -',
    ]);
  });
});

describe('a holder still there on their unit’s last day', () => {
  const spec: OrgSpec = {
    units: [
      { slug: 'a', layer: 'AREA' },
      { slug: 't', layer: 'TEAM', parent: 'a', archivedOn: '2026-04-01' },
    ],
    seats: [{ unit: 't', seat: 'ENG_LEAD', person: 'e', to: '2026-03-31' }],
  };
  const { history } = buildHistory(spec);
  const spring = { scopeUnitId: null, ...SPRING };

  it('leaves with the unit: VACATED on the archiving day', () => {
    expect(leadershipChanges(history, spring).map(lineIn(history))).toEqual([
      '2026-04-01 t ENG_LEAD VACATED e > -',
    ]);
  });

  it('counts in turnover, and begins no vacancy (the unit no longer exists)', () => {
    const teamEngLead = seatVacancyStats(history, spring)[4];
    expect(teamEngLead).toEqual({ ...NONE, layer: 'TEAM', seat: 'ENG_LEAD', turnover: null });
    const stats = seatVacancyStats(history, { ...spring, to: '2026-03-31' });
    expect(stats[4]).toMatchObject({ began: 0, stillOpen: 0, turnover: 0 });
  });
});

describe('seatVacancyStats', () => {
  it('answers all six rows by SPEC’s definitions', () => {
    expect(seatVacancyStats(built.history, period())).toEqual(SPRING_STATS);
  });

  it('has no turnover for a layer without seats on `to`, and takes medians of both middles', () => {
    const spec: OrgSpec = {
      units: [
        { slug: 'a', layer: 'TEAM', el: 'x' },
        { slug: 'b', layer: 'TEAM', el: 'y' },
      ],
      seats: [
        { unit: 'a', seat: 'TECH_LEAD', person: 'u', to: '2026-01-31' },
        { unit: 'a', seat: 'TECH_LEAD', person: 'v', from: '2026-02-11' },
        { unit: 'b', seat: 'TECH_LEAD', person: 'w', to: '2026-01-31' },
        { unit: 'b', seat: 'TECH_LEAD', person: 'q', from: '2026-02-21' },
      ],
    };
    const { history } = buildHistory(spec);
    const stats = seatVacancyStats(history, {
      scopeUnitId: null,
      from: '2026-01-01',
      to: '2026-03-01',
    });
    expect(stats[0]).toEqual({ layer: 'PILLAR', seat: 'ENG_LEAD', ...NONE, turnover: null });
    expect(stats[5]).toMatchObject({
      began: 2,
      ended: 2,
      medianDaysVacant: 15,
      longestDaysVacant: 20,
    });
    expect(stats[5]?.turnover).toBe(1);
  });

  it('counts a scope’s archived units on the days they existed', () => {
    const t4 = seatVacancyStats(built.history, period('t4'));
    expect(t4[4]).toEqual({ ...NONE, layer: 'TEAM', seat: 'ENG_LEAD', began: 1, turnover: null });
    expect(t4[5]).toEqual({ ...NONE, layer: 'TEAM', seat: 'TECH_LEAD', turnover: null });
  });
});

describe('units created in the period', () => {
  const spec: OrgSpec = {
    units: [
      { slug: 'a', layer: 'AREA', el: 'x' },
      // Created on 03-10 with an empty Tech Lead seat, its Eng Lead seated the same day.
      { slug: 'n', layer: 'TEAM', parent: 'a', createdOn: '2026-03-10' },
    ],
    seats: [
      { unit: 'n', seat: 'ENG_LEAD', person: 'e', from: '2026-03-10' },
      { unit: 'n', seat: 'TECH_LEAD', person: 't', from: '2026-04-01' },
    ],
  };
  const { history, u } = buildHistory(spec);
  const scoped = { scopeUnitId: u('n'), from: '2026-03-01', to: '2026-05-31' };

  it('begin a vacancy on their creation day when a seat is empty, and nothing before', () => {
    const stats = seatVacancyStats(history, scoped);
    expect(stats[4]).toEqual({ ...NONE, layer: 'TEAM', seat: 'ENG_LEAD', turnover: 0 });
    expect(stats[5]).toEqual({
      ...NONE,
      layer: 'TEAM',
      seat: 'TECH_LEAD',
      began: 1,
      ended: 1,
      medianDaysVacant: 22,
      longestDaysVacant: 22,
      turnover: 0,
    });
  });

  it('make no change on their creation day: the unit did not exist the day before', () => {
    const changes = leadershipChanges(history, scoped);
    expect(changes.map((c) => `${c.on} ${c.seat} ${c.kind}`)).toEqual([
      '2026-04-01 TECH_LEAD FILLED',
    ]);
  });

  it('before their creation are not counted at all', () => {
    const before = seatVacancyStats(history, { ...scoped, to: '2026-03-09' });
    expect(before.slice(4)).toEqual([
      { ...NONE, layer: 'TEAM', seat: 'ENG_LEAD', turnover: null },
      { ...NONE, layer: 'TEAM', seat: 'TECH_LEAD', turnover: null },
    ]);
  });
});
