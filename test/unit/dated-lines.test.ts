import { describe, expect, it } from 'vitest';
import { moveAor } from '../../src/aors/writes.js';
import { orgStateOn } from '../../src/core/org/as-of.js';
import { changedState, type HistoryChanges } from '../../src/core/org/changed-state.js';
import { changesBetween } from '../../src/core/org/day-changes.js';
import { aorUnitsOn, managersOn, parentsOn, unitExistsOn } from '../../src/core/org/lines.js';
import { reportsOf } from '../../src/core/org/lookup.js';
import type { OrgState } from '../../src/core/org/state.js';
import { subtreeOf } from '../../src/core/org/subtree.js';
import { recordDeparture } from '../../src/people/departure-writes.js';
import { setManager } from '../../src/people/writes.js';
import { archiveUnit, createUnit, moveUnit } from '../../src/units/writes.js';
import { Draft } from '../../src/writes/draft.js';
import { UserInputError } from '../../src/writes/errors.js';
import { buildHistory, TODAY } from './state-builder.js';

// Managers, parents and a unit's creation are dated histories: the org on a day answers
// that day's, and the write rules record each change on its day. Plain functions, no database.
const ORG = buildHistory({
  units: [
    { slug: 'core', layer: 'PILLAR' },
    { slug: 'one', layer: 'AREA', parent: 'core' },
    { slug: 'two', layer: 'AREA', parent: 'core' },
    { slug: 'db', layer: 'TEAM', parent: 'one', el: 'bo' },
  ],
  aors: [{ slug: 'pg', unit: 'db', owner: 'cy' }],
  people: [
    { key: 'ana' },
    { key: 'bo', manager: 'ana' },
    { key: 'cy', manager: 'bo' },
    { key: 'dee', manager: 'bo' },
    { key: 'eve' },
  ],
});
const { p, u } = ORG;
const LATER = '2026-07-01';
const email = (key: string) => `${key}@example.com`;
const draft = () => new Draft(ORG.history, TODAY);
const refusal = (write: () => unknown) => {
  try {
    write();
  } catch (error) {
    if (error instanceof UserInputError) return error.userErrors[0];
    throw error;
  }
  return null;
};

describe('a manager changed on a day', () => {
  const w = draft();
  setManager(w, { email: email('cy'), manager: email('dee'), on: LATER });
  const history = w.history();

  it('keeps the manager before that day, and has the new one from it', () => {
    expect(managersOn(history.reportingLines, TODAY).get(p('cy'))).toBe(p('bo'));
    expect(managersOn(history.reportingLines, LATER).get(p('cy'))).toBe(p('dee'));
    expect(orgStateOn(history, TODAY).people.get(p('cy'))?.managerId).toBe(p('bo'));
    expect(orgStateOn(history, LATER).people.get(p('cy'))?.managerId).toBe(p('dee'));
  });

  it('ends the old line the day before (history is ended, never deleted)', () => {
    const lines = history.reportingLines.filter((l) => l.personId === p('cy'));
    expect(lines.map((l) => [l.managerId, l.startedOn, l.endedOn])).toEqual([
      [p('bo'), expect.any(String), '2026-06-30'],
      [p('dee'), LATER, null],
    ]);
  });

  it("is a change of that person between two days: both managers' reports redone", () => {
    const changes = changesBetween(history, TODAY, LATER);
    expect(changes?.people.map((row) => row.id)).toEqual([p('cy')]);
    const reports = (state: OrgState, key: string) => reportsOf(state, p(key)).map((r) => r.id);
    // Either way: a trend steps back from its last day, a write's states forward.
    for (const [from, to] of [
      [TODAY, LATER],
      [LATER, TODAY],
    ] as const) {
      const before = orgStateOn(history, from);
      reports(before, 'bo'); // built before, so the changed state's are derived from it
      const after = changedState(before, changes as HistoryChanges, to);
      const anew = orgStateOn(history, to);
      expect(after.people.get(p('cy'))).toEqual(anew.people.get(p('cy')));
      for (const key of ['bo', 'dee']) expect(reports(after, key)).toEqual(reports(anew, key));
    }
  });

  it('withdraws a planned move to a manager who leaves first: no manager from its day', () => {
    // The move ended Cy's line to Bo the day before it; withdrawn, it does not reopen that
    // line (what ended it is unsaid: the move, or a change of its own): Cy has no manager.
    const moved = draft();
    setManager(moved, { email: email('cy'), manager: email('dee'), on: LATER });
    const gone = recordDeparture(moved, { email: email('dee'), on: '2026-06-15' });
    expect(gone.orphanedReports.map((r) => r.email)).toEqual([]);
    const after = moved.history();
    expect(orgStateOn(after, '2026-06-29').people.get(p('cy'))?.managerId).toBe(p('bo'));
    expect(orgStateOn(after, LATER).people.get(p('cy'))?.managerId).toBeNull();
  });

  it('orphans, on a departure day, only those reporting then', () => {
    const leaving = draft();
    setManager(leaving, { email: email('cy'), manager: email('dee'), on: LATER });
    const before = recordDeparture(leaving, { email: email('bo'), on: '2026-06-15' });
    expect(before.orphanedReports.map((r) => r.email)).toEqual([email('cy'), email('dee')]);
    const after = draft();
    setManager(after, { email: email('cy'), manager: email('dee'), on: LATER });
    const gone = recordDeparture(after, { email: email('bo'), on: '2026-08-01' });
    expect(gone.orphanedReports.map((r) => r.email)).toEqual([email('dee')]);
  });
});

describe('a manager change refused', () => {
  const setFor = (w: Draft, who: string, manager: string | null, on?: string) =>
    setManager(w, { email: email(who), manager: manager && email(manager), on });

  it('when a change recorded for a later day closes a loop then (CYCLE naming that day)', () => {
    const w = draft();
    setFor(w, 'dee', 'eve', LATER);
    // Today Dee reports to Bo (under Ana): Eve under Dee is fine; from LATER Dee is under Eve.
    const error = refusal(() => setFor(w, 'eve', 'dee'));
    expect(error).toMatchObject({ path: 'manager', code: 'CYCLE' });
    expect(error?.message).toBe(
      `management cycle from ${LATER}: "eve@example.com" → "dee@example.com" → "eve@example.com"`,
    );
  });

  it('when the later change is further up the new manager’s chain', () => {
    const w = draft();
    setFor(w, 'ana', 'eve', LATER);
    // Cy → Bo → Ana today; from LATER Ana reports to Eve: Eve under Cy loops then.
    expect(refusal(() => setFor(w, 'eve', 'cy'))?.code).toBe('CYCLE');
  });

  it('but not when no day from then on has a loop', () => {
    const w = draft();
    setFor(w, 'dee', 'eve', LATER);
    expect(refusal(() => setFor(w, 'eve', 'cy'))).toBeNull();
  });

  it('when a change is already recorded for a later day (VALIDATION at on)', () => {
    const w = draft();
    setManager(w, { email: email('cy'), manager: email('dee'), on: LATER });
    const error = refusal(() => setManager(w, { email: email('cy'), manager: email('ana') }));
    expect(error).toMatchObject({ path: 'on', code: 'VALIDATION' });
  });
});

describe('a unit moved or created on a day', () => {
  it('stands under its old parent before the move, and in that parent’s subtree', () => {
    const w = draft();
    moveUnit(w, { slug: 'db', parent: 'two', on: LATER });
    const history = w.history();
    expect(parentsOn(history.unitParents, TODAY).get(u('db'))).toBe(u('one'));
    expect(parentsOn(history.unitParents, LATER).get(u('db'))).toBe(u('two'));
    const slugs = (day: string, scope: string) =>
      subtreeOf(orgStateOn(history, day), u(scope)).map((unit) => unit.slug);
    expect(slugs(TODAY, 'one')).toEqual(['db', 'one']);
    expect(slugs(LATER, 'one')).toEqual(['one']);
    expect(slugs(LATER, 'two')).toEqual(['db', 'two']);
  });

  it('does not exist before its creation day', () => {
    const w = draft();
    createUnit(w, { slug: 'new', name: 'New', layer: 'TEAM', parent: 'two' });
    const created = w.units.find('slug', 'new');
    expect(created?.createdOn).toBe(TODAY);
    const history = w.history();
    expect(orgStateOn(history, '2026-05-31').unitsById.has(created?.id ?? 0)).toBe(false);
    expect(
      orgStateOn(history, TODAY)
        .childrenOf.get(u('two'))
        ?.map((c) => c.slug),
    ).toEqual(['new']);
    expect(unitExistsOn({ createdOn: TODAY, archivedOn: LATER }, LATER)).toBe(false);
  });

  it('refuses a move before the unit’s creation', () => {
    const w = draft();
    createUnit(w, { slug: 'new', name: 'New', layer: 'TEAM', parent: 'two' });
    const error = refusal(() => moveUnit(w, { slug: 'new', parent: 'one', on: '2026-05-01' }));
    expect(error).toMatchObject({ path: 'on', code: 'VALIDATION' });
  });

  it('blocks archiving a parent with a child moved under it later', () => {
    const w = draft();
    moveUnit(w, { slug: 'db', parent: 'two', on: LATER });
    const error = refusal(() => archiveUnit(w, { slug: 'two' }));
    expect(error?.message).toContain('active child TEAM "db"');
  });
});

describe('an AoR moved on a day', () => {
  it('is in its old unit before that day, in the new one from it, its owners kept', () => {
    const w = draft();
    createUnit(w, { slug: 'new', name: 'New', layer: 'TEAM', parent: 'two' });
    moveAor(w, { slug: 'pg', unit: 'new', on: LATER });
    const history = w.history();
    const pg = w.aors.find('slug', 'pg')?.id ?? 0;
    expect(aorUnitsOn(history.aorUnits, TODAY).get(pg)).toBe(u('db'));
    const aorOn = (day: string) => orgStateOn(history, day).aors.find((a) => a.id === pg);
    expect(aorOn(TODAY)).toMatchObject({ unitId: u('db'), primaryOwnerId: p('cy') });
    expect(aorOn(LATER)).toMatchObject({ unitId: w.units.find('slug', 'new')?.id });
    expect(changesBetween(history, TODAY, LATER)).toBeNull();
  });

  it('refuses a move before its new unit was created', () => {
    const w = draft();
    createUnit(w, { slug: 'new', name: 'New', layer: 'TEAM', parent: 'two' });
    const error = refusal(() => moveAor(w, { slug: 'pg', unit: 'new', on: '2026-05-01' }));
    expect(error).toMatchObject({ path: 'on', code: 'VALIDATION' });
  });
});
