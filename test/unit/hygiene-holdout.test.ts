import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FindingKind, findingsFor } from '../../src/core/findings/findings.js';
import { orgDiff } from '../../src/core/impact/org-diff.js';
import { orgStateOn } from '../../src/core/org/as-of.js';
import type { Day, OrgHistory } from '../../src/core/org/state.js';
import { defaultThresholds } from '../../src/core/policy.js';
import type { PersonRow, SeatAssignmentRow, UnitRow } from '../../src/db/tables.js';
import { generateOrg, SIZES } from '../../src/demo/generate.js';
import { importOrgDocument } from '../../src/orgdoc/import.js';
import { planChanges } from '../../src/scenarios/evaluate.js';
import { readOrgHistory } from '../../src/store/history.js';
import { openTestDatabase } from '../helpers/database.js';

// The four hygiene kinds on a generated org, against the same rules written again here from
// the raw history rows — no state, no index, no shared helper — on days either side of the
// changes that start and stop them. The generated org is well led, so the test first bends
// its history: acting Tech Leads, Tech Leads off their team, a manager with a wide span.
const DAY = '2026-11-23';
const DAYS: Day[] = ['2026-06-01', '2026-08-30', '2026-08-31', '2026-09-30', '2026-10-01', DAY];
const KINDS: FindingKind[] = [
  'TECH_LEAD_OFF_TEAM',
  'TECH_LEAD_REPORTS_ELSEWHERE',
  'WIDE_SPAN',
  'LONG_ACTING',
];
const policy = { ...defaultThresholds, spanLimit: 12 };
let history: OrgHistory;
let close: () => Promise<void>;

beforeAll(async () => {
  const database = await openTestDatabase();
  close = database.drop;
  const imported = await importOrgDocument(database.db, generateOrg(SIZES.XS), {
    today: '2026-01-05',
  });
  expect(imported.userErrors).toEqual([]);
  history = bend(await readOrgHistory(database.db));
}, 120_000);
afterAll(() => close?.());

/** Every third team's Tech Lead acting from June 1; every fifth off its team from October 1. */
function bend(h: OrgHistory): OrgHistory {
  const teams = new Set(h.units.filter((u) => u.layer === 'TEAM').map((u) => u.id));
  const techLeads = h.seatAssignments.filter((s) => s.seat === 'TECH_LEAD' && teams.has(s.unitId));
  const acting = new Set(techLeads.filter((_, i) => i % 3 === 0).map((s) => s.id));
  const offTeam = new Set(techLeads.filter((_, i) => i % 5 === 1).map((s) => s.personId));
  const seatAssignments = h.seatAssignments.map((s) =>
    acting.has(s.id) ? { ...s, acting: true, startedOn: '2026-06-01' } : s,
  );
  const memberships = h.memberships.map((m) =>
    offTeam.has(m.personId) ? { ...m, endedOn: '2026-09-30' } : m,
  );
  // The first 14 engineers (by id) report to the first Pillar's Eng Lead as well; one of
  // them leaves on September 1 (13 left: still over the limit of 12), another on October 1.
  const boss = h.seatAssignments.find((s) => s.seat === 'ENG_LEAD')?.personId;
  const moved = h.people.filter((p) => p.managerId !== null && p.id !== boss).slice(0, 14);
  const departs = new Map([
    [moved[0]?.id, '2026-09-01'],
    [moved[1]?.id, '2026-10-01'],
  ]);
  const movedIds = new Set(moved.map((p) => p.id));
  const people = h.people.map((p) =>
    movedIds.has(p.id)
      ? { ...p, managerId: boss ?? null, departedOn: departs.get(p.id) ?? p.departedOn }
      : p,
  );
  const reportingLines = h.reportingLines.map((l) =>
    movedIds.has(l.personId) ? { ...l, managerId: boss ?? l.managerId } : l,
  );
  return { ...h, seatAssignments, memberships, people, reportingLines };
}

describe('hygiene findings on a generated org', () => {
  it.each(DAYS)('on %s equal the rules computed from the rows', (day) => {
    const state = orgStateOn(history, day);
    const found = findingsFor(state, null, policy, { kinds: KINDS }).map((f) => {
      const slug = state.unitsById.get(f.unitId)?.slug;
      const people = f.personIds.map((id) => state.people.get(id)?.email).join(',');
      return [f.severity, f.kind, slug, f.seat, people].filter(Boolean).join(' ');
    });
    expect(found.sort()).toEqual(expectedOn(history, day).sort());
  });

  it('has every kind on some day, and changes between days', () => {
    const all = DAYS.map((day) => expectedOn(history, day));
    for (const kind of KINDS)
      expect(all.flat().some((line) => line.includes(` ${kind} `))).toBe(true);
    expect(new Set(all.map((lines) => lines.length)).size).toBeGreaterThan(2);
  });

  it('departure impact: what only the change touches equals the whole org compared', () => {
    const state = orgStateOn(history, DAY);
    const wide = findingsFor(state, null, policy, { kinds: ['WIDE_SPAN'] });
    const pairing = findingsFor(state, null, policy, { kinds: KINDS }).slice(0, 6);
    const who = new Set([...wide, ...pairing].flatMap((f) => f.personIds));
    const reports = [...state.people.values()].filter((p) =>
      wide[0]?.personIds.includes(p.managerId ?? -1),
    );
    for (const p of reports.slice(0, 3)) who.add(p.id);
    expect(who.size).toBeGreaterThan(3);
    for (const id of who) {
      const person = state.people.get(id)?.email ?? '';
      const { draft, after, changed } = planChanges(history, state, [
        { depart: { person, on: DAY } },
      ]);
      const anew = orgStateOn(draft.history(), DAY);
      expect(orgDiff(state, after, policy, { changes: changed })).toEqual(
        orgDiff(state, anew, policy),
      );
    }
  });
});

/** SPEC "Leadership hygiene findings", from the rows of `h` on `day`. */
function expectedOn(h: OrgHistory, day: Day): string[] {
  const inForce = (r: { startedOn: Day; endedOn: Day | null }) =>
    r.startedOn <= day && (r.endedOn === null || r.endedOn >= day);
  const present = (p: PersonRow) => p.departedOn === null || p.departedOn > day;
  const email = (id: number) => h.people.find((p) => p.id === id)?.email;
  const units = h.units.filter((u) => u.archivedOn === null || u.archivedOn > day);
  const holder = (u: UnitRow, seat: string): SeatAssignmentRow | undefined =>
    h.seatAssignments
      .filter((s) => s.unitId === u.id && s.seat === seat && inForce(s))
      .sort((a, b) => (a.startedOn < b.startedOn ? 1 : -1))[0];
  const teamOf = (personId: number) =>
    h.memberships.find((m) => m.personId === personId && inForce(m))?.unitId;
  const managerOf = (personId: number) =>
    h.reportingLines.find((l) => l.personId === personId && inForce(l))?.managerId;
  const lines: string[] = [];
  for (const u of units) {
    const el = holder(u, 'ENG_LEAD');
    const tl = holder(u, 'TECH_LEAD');
    if (u.layer === 'TEAM' && tl && tl.personId !== el?.personId) {
      if (teamOf(tl.personId) !== u.id)
        lines.push(`MEDIUM TECH_LEAD_OFF_TEAM ${u.slug} ${email(tl.personId)}`);
      const manager = managerOf(tl.personId);
      if (el && manager !== el.personId) {
        lines.push(`LOW TECH_LEAD_REPORTS_ELSEWHERE ${u.slug} ${email(tl.personId)}`);
      }
    }
    for (const s of [el, tl]) {
      const days = s ? (Date.parse(day) - Date.parse(s.startedOn)) / 86_400_000 : 0;
      if (s?.acting && days > policy.actingDays) {
        lines.push(`MEDIUM LONG_ACTING ${u.slug} ${s.seat} ${email(s.personId)}`);
      }
    }
  }
  const layer = (u: UnitRow) => ['PILLAR', 'AREA', 'TEAM'].indexOf(u.layer);
  const first = (ids: (number | undefined)[]) =>
    units
      .filter((u) => ids.includes(u.id))
      .sort((a, b) => layer(a) - layer(b) || (a.slug < b.slug ? -1 : 1))[0];
  for (const m of h.people.filter(present)) {
    const reports = h.people.filter((p) => managerOf(p.id) === m.id && present(p));
    if (reports.length <= policy.spanLimit) continue;
    const seats = units.filter((u) =>
      [holder(u, 'ENG_LEAD'), holder(u, 'TECH_LEAD')].some((s) => s?.personId === m.id),
    );
    const unit =
      first(seats.map((u) => u.id)) ??
      first([teamOf(m.id)]) ??
      first(reports.map((p) => teamOf(p.id)));
    if (unit) lines.push(`MEDIUM WIDE_SPAN ${unit.slug} ${m.email}`);
  }
  return lines;
}
