import { describe, expect, it } from 'vitest';
import { leadershipChanges } from '../../src/core/churn/changes.js';
import { seatVacancyStats } from '../../src/core/churn/vacancy-stats.js';
import { orgStateOn } from '../../src/core/org/as-of.js';
import { addDays, daysBetween, laterDay } from '../../src/core/org/days.js';
import type { Day, Holding, OrgHistory, OrgState } from '../../src/core/org/state.js';
import type { Layer, OpenRoleRow, Seat, SeatAssignmentRow, UnitRow } from '../../src/db/tables.js';

// A generated org lives through a year of dated seat writes (fills, vacancies, replacements,
// acting holders confirmed, Teams archived, roles opened and filled); the churn answers must
// equal what walking every day of the org as `orgStateOn` sees it and counting gives.

const START = '2025-01-01';
const LAYERS: Layer[] = ['PILLAR', 'AREA', 'TEAM'];
const SEATS: Seat[] = ['ENG_LEAD', 'TECH_LEAD'];

/** A small seeded generator (mulberry32), so a failure reproduces. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generatedOrg(seed: number): OrgHistory {
  const rand = random(seed);
  const units: UnitRow[] = [];
  const add = (layer: Layer, parentId: number | null) => {
    const id = units.length + 1;
    const slug = `${layer.toLowerCase()}-${id}`;
    const createdOn = START;
    units.push({
      id,
      slug,
      name: slug,
      layer,
      parentId,
      charter: null,
      createdOn,
      archivedOn: null,
    });
    return id;
  };
  for (let p = 0; p < 2; p++) {
    const pillar = add('PILLAR', null);
    for (let a = 0; a < 2; a++) {
      const area = add('AREA', pillar);
      for (let t = 0; t < 4; t++) add('TEAM', area);
    }
  }
  const assignments: SeatAssignmentRow[] = [];
  const roles: OpenRoleRow[] = [];
  let person = 1;
  for (const unit of units) {
    // About one Team in five is archived in the year, its seats vacated first.
    if (unit.layer === 'TEAM' && rand() < 0.2)
      unit.archivedOn = addDays(START, 60 + Math.floor(rand() * 250));
    // About one other Team in five is created during the year, its seats empty or filled.
    else if (unit.layer === 'TEAM' && rand() < 0.25)
      unit.createdOn = addDays(START, 20 + Math.floor(rand() * 250));
    for (const seat of SEATS) seatYear(unit, seat);
  }
  function seatYear(unit: UnitRow, seat: Seat) {
    let open: SeatAssignmentRow | null = null;
    let role: OpenRoleRow | null = null;
    const end = (day: Day) => {
      if (open) open.endedOn = addDays(day, -1);
      open = null;
    };
    const start = (day: Day, personId: number, acting: boolean) => {
      end(day);
      open = {
        id: assignments.length + 1,
        unitId: unit.id,
        seat,
        personId,
        acting,
        startedOn: day,
        endedOn: null,
      };
      assignments.push(open);
      if (role) Object.assign(role, { status: 'FILLED', closedOn: day });
      role = null;
    };
    if (rand() < 0.7) start(unit.createdOn, person++, false);
    for (let day = addDays(unit.createdOn, 1); day <= '2025-12-31'; day = addDays(day, 1)) {
      if (unit.archivedOn === day) {
        end(day);
        if (role) Object.assign(role, { status: 'CANCELLED', closedOn: day });
        return;
      }
      const holder = open as SeatAssignmentRow | null;
      if (rand() > 0.03) continue;
      if (!holder) start(day, person++, rand() < 0.3);
      else if (holder.acting && rand() < 0.5) start(day, holder.personId, false);
      else if (rand() < 0.5) end(day);
      else start(day, person++, rand() < 0.3);
      if (!open && !role && rand() < 0.5) {
        role = {
          id: roles.length + 1,
          unitId: unit.id,
          seat,
          status: 'OPEN',
          openedOn: laterDay(unit.createdOn, addDays(day, -Math.floor(rand() * 30))),
          closedOn: null,
        };
        roles.push(role);
      }
    }
  }
  const people = Array.from({ length: person }, (_, i) => ({
    id: i + 1,
    email: `p${i + 1}@example.com`,
    name: `P${i + 1}`,
    title: null,
    level: null,
    managerId: null,
    startedOn: null,
    departedOn: null,
  }));
  return {
    units,
    people,
    seatAssignments: assignments,
    memberships: [],
    aors: [],
    ownerships: [],
    candidates: [],
    openRoles: roles,
    reportingLines: [],
    unitParents: units.flatMap((u) =>
      u.parentId === null
        ? []
        : [{ id: u.id, unitId: u.id, parentId: u.parentId, startedOn: u.createdOn, endedOn: null }],
    ),
    aorUnits: [],
    policies: [],
  };
}

const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Walks every day from the history's first to `to` and counts, seat by seat. */
function walked(history: OrgHistory, year: [Day, OrgState][], scope: number[], from: Day, to: Day) {
  const states = year.filter(([day]) => day <= to);
  const lines: string[] = [];
  const stats = LAYERS.flatMap((layer) =>
    SEATS.map((seat) => {
      const units = history.units.filter((u) => u.layer === layer && scope.includes(u.id));
      let began = 0;
      let left = 0;
      let seats = 0;
      const vacant: number[] = [];
      const ages: number[] = [];
      for (const unit of units) {
        let before: Holding | null | undefined;
        let run: Day | null = null;
        const record = (day: Day, kind: string, holder: Holding | null) => {
          lines.push(
            `${day} ${LAYERS.indexOf(layer)} ${unit.slug} ${seat} ${kind} ${before?.personId ?? '-'}${before?.acting ? '*' : ''} ${holder?.personId ?? '-'}${holder?.acting ? '*' : ''}`,
          );
          if (kind === 'VACATED' || kind === 'REPLACED') left++;
        };
        for (const [day, state] of states) {
          const inPeriod = day >= from && day <= to;
          if (!state.unitsById.has(unit.id)) {
            // A holder there on the unit's last day leaves with it.
            if (before && inPeriod) record(day, 'VACATED', null);
            before = undefined;
            run = null;
            continue;
          }
          const holder = state.seats.get(unit.id)?.[seat].holder ?? null;
          const kind =
            before === undefined
              ? null
              : !before
                ? holder
                  ? 'FILLED'
                  : null
                : !holder
                  ? 'VACATED'
                  : before.personId !== holder.personId
                    ? 'REPLACED'
                    : before.acting && !holder.acting
                      ? 'CONFIRMED'
                      : null;
          if (kind && inPeriod) record(day, kind, holder);
          if (!holder && run === null) {
            run = day;
            if (inPeriod) began++;
          }
          if (holder && run !== null) {
            if (inPeriod) vacant.push(daysBetween(run, day));
            run = null;
          }
          if (day === to) {
            seats++;
            if (run !== null) ages.push(daysBetween(run, to));
          }
          before = holder;
        }
      }
      const fills = history.openRoles
        .filter(
          (r) =>
            r.seat === seat &&
            r.status === 'FILLED' &&
            r.closedOn &&
            r.closedOn >= from &&
            r.closedOn <= to,
        )
        .filter((r) => units.some((u) => u.id === r.unitId))
        .map((r) => daysBetween(r.openedOn, r.closedOn as Day));
      return {
        layer,
        seat,
        began,
        ended: vacant.length,
        medianDaysVacant: median(vacant),
        longestDaysVacant: vacant.length ? Math.max(...vacant) : null,
        stillOpen: ages.length,
        oldestOpenDays: ages.length ? Math.max(...ages) : null,
        medianDaysToFill: median(fills),
        turnover: seats ? left / seats : null,
      };
    }),
  );
  return { lines: lines.sort(), stats };
}

describe('churn against a walk of every day', () => {
  for (const seed of [1, 2, 3]) {
    it(`agrees on a generated year (seed ${seed})`, () => {
      const history = generatedOrg(seed);
      const year: [Day, OrgState][] = [];
      for (let day = START; day <= '2025-12-31'; day = addDays(day, 1))
        year.push([day, orgStateOn(history, day)]);
      expect(history.units.some((u) => u.archivedOn)).toBe(true);
      expect(history.units.some((u) => u.createdOn > START)).toBe(true);
      expect(history.seatAssignments.length).toBeGreaterThan(100);
      const area = history.units.find((u) => u.layer === 'AREA') as UnitRow;
      const scopes = [
        { scopeUnitId: null, ids: history.units.map((u) => u.id) },
        {
          scopeUnitId: area.id,
          ids: history.units
            .filter((u) => u.id === area.id || u.parentId === area.id)
            .map((u) => u.id),
        },
      ];
      for (const { scopeUnitId, ids } of scopes) {
        for (const [from, to] of [
          ['2025-03-01', '2025-11-30'],
          ['2025-01-01', '2025-12-31'],
        ] as const) {
          const expected = walked(history, year, ids, from, to);
          const period = { scopeUnitId, from, to };
          const lines = leadershipChanges(history, period).map(
            (c) =>
              `${c.on} ${LAYERS.indexOf(c.layer)} ${c.slug} ${c.seat} ${c.kind} ${c.beforeId ?? '-'}${c.beforeActing ? '*' : ''} ${c.afterId ?? '-'}${c.afterActing ? '*' : ''}`,
          );
          expect(lines.length).toBeGreaterThan(20);
          expect(lines).toEqual(expected.lines);
          expect(seatVacancyStats(history, period)).toEqual(expected.stats);
        }
      }
    });
  }
});
