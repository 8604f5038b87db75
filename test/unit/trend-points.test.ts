import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageRollup } from '../../src/core/coverage/rollup.js';
import { trendDays } from '../../src/core/coverage/trend.js';
import { trendPoints } from '../../src/core/coverage/trend-points.js';
import { findingsFor, SEVERITIES } from '../../src/core/findings/findings.js';
import { orgStateOn } from '../../src/core/org/as-of.js';
import { addDays } from '../../src/core/org/days.js';
import type { Day, OrgHistory } from '../../src/core/org/state.js';
import type { Thresholds } from '../../src/core/policy.js';
import { defaultThresholds } from '../../src/core/policy.js';
import { generateOrg, SIZES } from '../../src/demo/generate.js';
import { importOrgDocument } from '../../src/orgdoc/import.js';
import { readOrgHistory } from '../../src/store/history.js';
import { openTestDatabase } from '../helpers/database.js';

// A trend works each point out from the one before by what changed in force in between.
// These compare every point with the org of its day worked out anew, over a generated org
// given two years of dated changes (past and future of the import day): seats handed over
// and left empty, acting holders, people moving teams and leaving, candidacies, open roles
// opened and closed, AoR owners changing, managers changing, AoRs moved, a unit archived and
// an AoR retired midway.
const IMPORTED = '2026-01-15';
const FROM = '2025-10-01';
const TO = '2027-09-30';
let imported: OrgHistory;
let history: OrgHistory;
let close: () => Promise<void>;

beforeAll(async () => {
  const database = await openTestDatabase();
  close = database.drop;
  const done = await importOrgDocument(database.db, generateOrg(SIZES.XS), { today: IMPORTED });
  expect(done.userErrors).toEqual([]);
  imported = await readOrgHistory(database.db);
  history = withDatedChanges(imported);
}, 120_000);
afterAll(() => close?.());

/** A seeded series in [0, 1), so a failure replays. */
function series(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1_103_515_245 + 12_345) % 2_147_483_648;
    return a / 2_147_483_648;
  };
}

/** `history` with a few hundred dated changes between FROM and TO. */
function withDatedChanges(base: OrgHistory): OrgHistory {
  const rnd = series(7);
  const pick = <T>(rows: readonly T[]): T => rows[Math.floor(rnd() * rows.length)] as T;
  const someDay = (): Day => addDays(FROM, Math.floor(rnd() * 700));
  let nextId = 1_000_000;
  const h: OrgHistory = structuredClone(base);
  const people = h.people.map((p) => p.id);
  const endAndFollow = <R extends { id: number; startedOn: Day; endedOn: Day | null }>(
    rows: R[],
    change: (row: R) => Partial<R> | null,
  ) => {
    const row = pick(rows.filter((r) => r.endedOn === null));
    if (!row) return;
    const day = someDay();
    if (day <= row.startedOn) return;
    row.endedOn = addDays(day, -1);
    const next = change(row);
    if (next) rows.push({ ...row, ...next, id: nextId++, startedOn: day, endedOn: null });
  };
  for (let i = 0; i < 120; i++) {
    endAndFollow(h.seatAssignments, () =>
      rnd() < 0.3 ? null : { personId: pick(people), acting: rnd() < 0.3 },
    );
    endAndFollow(h.memberships, () => ({ unitId: pick(h.units).id }));
    endAndFollow(h.candidates, () => (rnd() < 0.5 ? null : { readiness: 'READY_SOON' as const }));
    endAndFollow(h.ownerships, () => (rnd() < 0.4 ? null : { personId: pick(people) }));
    endAndFollow(h.reportingLines, (line) =>
      rnd() < 0.15 ? null : { managerId: pick(people.filter((id) => id !== line.personId)) },
    );
    const unit = pick(h.units);
    h.candidates.push({
      ...pick(h.candidates),
      id: nextId++,
      unitId: unit.id,
      personId: pick(people),
      readiness: pick(['READY_NOW', 'READY_SOON', 'READY_LATER'] as const),
      startedOn: someDay(),
      endedOn: rnd() < 0.5 ? null : TO,
    });
    const openedOn = someDay();
    h.openRoles.push({
      ...pick(h.openRoles),
      id: nextId++,
      unitId: unit.id,
      seat: pick(['ENG_LEAD', 'TECH_LEAD'] as const),
      status: rnd() < 0.5 ? 'OPEN' : 'FILLED',
      openedOn,
      closedOn: rnd() < 0.5 ? null : addDays(openedOn, 40),
    });
    if (i % 10 === 0) pick(h.people).departedOn = someDay();
  }
  for (let i = 0; i < 20; i++) endAndFollow(h.aorUnits, () => ({ unitId: pick(h.units).id }));
  pick(h.units.filter((u) => u.layer === 'TEAM')).archivedOn = '2026-08-20';
  pick(h.aors).retiredOn = '2027-02-10';
  return h;
}

function expectEveryPointAsOfItsDay(
  scopeUnitId: number | null,
  days: Day[],
  thresholds: Thresholds = defaultThresholds,
  { history, worked } = { history: historyOfTheTests(), worked: [] as Day[] },
) {
  const points = trendPoints(
    {
      history,
      stateOn: (day) => {
        worked.push(day);
        return orgStateOn(history, day);
      },
      scopeUnitId,
      thresholds,
      visible: (findings) => findings,
    },
    days,
  );
  for (const point of points) {
    // A point keeps its numbers, not the org of its day (a trend kept one each and ran a
    // process out of memory when manager changes made each point a whole org).
    expect(Object.keys(point)).not.toContain('state');
    const anew = orgStateOn(history, point.on);
    const findings = findingsFor(anew, scopeUnitId, thresholds);
    expect({ on: point.on, byLayer: point.byLayer, benchStrength: point.benchStrength }).toEqual({
      on: point.on,
      ...coverageRollup(anew, scopeUnitId, thresholds),
    });
    expect(point.findings).toEqual(
      SEVERITIES.map((severity) => ({
        severity,
        count: findings.filter((f) => f.severity === severity).length,
      })),
    );
  }
  return points;
}

const historyOfTheTests = () => history;

describe('a coverage trend worked out point from point', () => {
  it('equals the org of each day worked out anew, for the whole org, weekly and daily', () => {
    const weekly = trendDays(FROM, TO, 'WEEK') ?? [];
    expect(weekly.length).toBeGreaterThan(100);
    const points = expectEveryPointAsOfItsDay(null, weekly);
    // The changes show: findings and rollups move over the two years.
    expect(new Set(points.map((p) => JSON.stringify(p.findings))).size).toBeGreaterThan(20);
    expect(new Set(points.map((p) => JSON.stringify(p.byLayer))).size).toBeGreaterThan(20);
    expectEveryPointAsOfItsDay(null, trendDays('2026-07-01', '2027-03-01', 'DAY') ?? []);
  });

  it('equals it for a scope, and is empty on the days its unit is archived', () => {
    const area = history.units.find((u) => u.layer === 'AREA');
    expectEveryPointAsOfItsDay(area?.id ?? null, trendDays(FROM, TO, 'WEEK') ?? []);
    const archived = history.units.find((u) => u.archivedOn !== null);
    const points = expectEveryPointAsOfItsDay(
      archived?.id ?? null,
      trendDays(FROM, TO, 'MONTH') ?? [],
    );
    expect(points.map((p) => p.inScope)).toContain(false);
    expect(points.map((p) => p.inScope)).toContain(true);
  });

  it("counts a manager's span as their reports leave, under a span limit the org crosses", () => {
    // With a limit of 2, managers of three or four reports turn WIDE_SPAN on and off as
    // people leave: a departure must be counted at its manager's, not only its own.
    const tight = { ...defaultThresholds, spanLimit: 2 };
    const points = expectEveryPointAsOfItsDay(null, trendDays(FROM, TO, 'MONTH') ?? [], tight);
    const medium = points.map((p) => p.findings.find((f) => f.severity === 'MEDIUM')?.count);
    expect(new Set(medium).size).toBeGreaterThan(1);
  });

  it('counts a Team turning a long-running TLM on the day it does, its rows unchanged', () => {
    const { longTlmDays } = defaultThresholds;
    const days = trendDays('2024-06-01', '2025-06-01', 'DAY') ?? [];
    const points = expectEveryPointAsOfItsDay(null, days);
    const low = points.map((p) => p.findings.find((f) => f.severity === 'LOW')?.count);
    // The generated TLM teams took their Eng Lead on 2024-01-15: long-running 181 days on.
    const turned = addDays('2024-01-15', longTlmDays + 1);
    const at = days.indexOf(turned);
    expect(low[at] ?? 0).toBeGreaterThan(low[at - 1] ?? 0);
  });

  it('works out one org where managers change every day, and counts their spans', () => {
    // Daily hires and manager changes are what a big org's history holds most: a trend
    // over them is worked out from the last day's org alone, not a whole org a point.
    const h: OrgHistory = structuredClone(imported);
    const ids = h.people.map((p) => p.id);
    const managers = ids.slice(0, 4);
    let nextId = 2_000_000;
    for (let i = 0; i < 60; i++) {
      const day = addDays('2026-03-01', i);
      const line = h.reportingLines.find((r) => r.personId === ids[10 + i] && r.endedOn === null);
      if (line) line.endedOn = addDays(day, -1);
      const managerId = managers[i % managers.length] as number;
      h.reportingLines.push({
        id: nextId++,
        personId: ids[10 + i] as number,
        managerId,
        startedOn: day,
        endedOn: null,
      });
    }
    const worked: Day[] = [];
    const tight = { ...defaultThresholds, spanLimit: 8 };
    const days = trendDays('2026-02-20', '2026-05-10', 'DAY') ?? [];
    const points = expectEveryPointAsOfItsDay(null, days, tight, { history: h, worked });
    expect(worked).toEqual(['2026-05-10']);
    const medium = points.map((p) => p.findings.find((f) => f.severity === 'MEDIUM')?.count);
    expect(new Set(medium).size).toBeGreaterThan(3);
  });
});
