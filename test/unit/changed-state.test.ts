import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedRollup, coverageRollup } from '../../src/core/coverage/rollup.js';
import { findingsFor } from '../../src/core/findings/findings.js';
import { orgDiff } from '../../src/core/impact/org-diff.js';
import { orgStateOn } from '../../src/core/org/as-of.js';
import { addDays } from '../../src/core/org/days.js';
import {
  candidaciesOf,
  candidatesFor,
  managerIds,
  reportsOf,
  seatsHeldBy,
} from '../../src/core/org/lookup.js';
import { teamOf } from '../../src/core/org/on-day.js';
import { type OrgHistory, type OrgState, SEATS } from '../../src/core/org/state.js';
import { defaultThresholds } from '../../src/core/policy.js';
import { generateOrg, SIZES } from '../../src/demo/generate.js';
import { importOrgDocument } from '../../src/orgdoc/import.js';
import { setManager } from '../../src/people/writes.js';
import type { ScenarioChange } from '../../src/scenarios/changes.js';
import { planChanges } from '../../src/scenarios/evaluate.js';
import { readOrgHistory } from '../../src/store/history.js';
import { Draft } from '../../src/writes/draft.js';
import { openTestDatabase } from '../helpers/database.js';

// A departure's impact and a scenario work out the org after the change from the org before
// it, and compare only what the change can touch. These check that against the whole org
// worked out anew and compared in full, for every kind of person a departure can hit in a
// generated org, and for scenario changes of each kind that keeps the hierarchy.
const DAY = '2026-11-23';
let history: OrgHistory;
let state: OrgState;
let close: () => Promise<void>;

beforeAll(async () => {
  const database = await openTestDatabase();
  close = database.drop;
  const imported = await importOrgDocument(database.db, generateOrg(SIZES.XS), { today: DAY });
  expect(imported.userErrors).toEqual([]);
  history = await readOrgHistory(database.db);
  state = orgStateOn(history, DAY);
}, 120_000);
afterAll(() => close?.());

function expectSameAsAnew(changes: ScenarioChange[], org = { history, state }) {
  const { state } = org;
  // Built on the org before, so that the changed org's are derived from them, not built.
  reportsOf(state, 0);
  teamOf(state, 0);
  const { draft, after, changed } = planChanges(org.history, state, changes);
  expect(changed).not.toBeNull();
  const anew = orgStateOn(draft.history(), state.asOf);
  expectEqual(plain(after), anew);
  expectSameIndexes(after, anew);
  const unitIds = changed?.unitIds ?? new Set<number>();
  expectEqual(
    changedRollup(state, after, unitIds, defaultThresholds),
    coverageRollup(anew, null, defaultThresholds),
  );
  expectEqual(
    orgDiff(state, after, defaultThresholds, { changes: changed }),
    orgDiff(state, anew, defaultThresholds),
  );
}

/**
 * `expect(actual).toEqual(expected)`, asked only when Node's own deep comparison finds a
 * difference (it then fails with vitest's diff): vitest's comparison of the many equal
 * values here was most of this file's time.
 */
function expectEqual(actual: unknown, expected: unknown) {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected);
}

/** A state with its read-through maps copied into plain ones, to compare as data. */
function plain(s: OrgState): OrgState {
  return { ...s, people: new Map(s.people), seats: new Map(s.seats), members: new Map(s.members) };
}

/** The changed state's indexes, worked out from the earlier state's, are those of the new. */
function expectSameIndexes(after: OrgState, anew: OrgState) {
  const byPerson = (s: OrgState) =>
    [...anew.people.keys()].map((personId) => ({
      personId,
      seats: seatsHeldBy(s, personId),
      candidacies: candidaciesOf(s, personId),
      reports: reportsOf(s, personId),
      team: teamOf(s, personId),
    }));
  expectEqual(byPerson(after), byPerson(anew));
  expectEqual([...managerIds(after)].sort(), [...managerIds(anew)].sort());
  const bySeat = (s: OrgState) =>
    anew.units.flatMap((unit) => SEATS.map((seat) => candidatesFor(s, unit.id, seat)));
  expectEqual(bySeat(after), bySeat(anew));
  expectEqual(
    findingsFor(after, null, defaultThresholds),
    findingsFor(anew, null, defaultThresholds),
  );
}

describe('the org after a change, worked out from the org before it', () => {
  it('equals the whole org worked out anew, for the departure of anyone involved', () => {
    const involved = new Set<number>([
      ...[...state.seats.values()].flatMap((s) => [
        s.ENG_LEAD.holder?.personId ?? -1,
        s.TECH_LEAD.holder?.personId ?? -1,
      ]),
      ...state.candidates.map((c) => c.personId),
      ...state.aors.flatMap((a) => [a.primaryOwnerId ?? -1, ...a.backupOwnerIds]),
    ]);
    involved.delete(-1);
    const emails = [...involved].map((id) => state.people.get(id)?.email ?? '');
    expect(emails.length).toBeGreaterThan(50);
    for (const person of emails) expectSameAsAnew([{ depart: { person, on: DAY } }]);
  });

  it('equals it for seat, team, candidacy and hire changes too', () => {
    const [team] = state.units.filter((u) => u.layer === 'TEAM');
    const member = state.members.get(team?.id ?? -1)?.[2];
    const email = state.people.get(member ?? -1)?.email ?? '';
    const unit = team?.slug ?? '';
    expectSameAsAnew([{ assignSeat: { unit, seat: 'TECH_LEAD', person: email } }]);
    expectSameAsAnew([{ vacateSeat: { unit, seat: 'ENG_LEAD' } }]);
    expectSameAsAnew([{ setTeam: { person: email, team: 'team-0010' } }]);
    expectSameAsAnew([
      {
        addCandidate: {
          unit: 'area-0001',
          seat: 'ENG_LEAD',
          person: email,
          readiness: 'READY_NOW',
        },
      },
    ]);
    expectSameAsAnew([
      { vacateSeat: { unit, seat: 'ENG_LEAD' } },
      { hire: { unit, seat: 'ENG_LEAD' } },
    ]);
  });

  it('equals it for the departure of a manager someone is to report to later', () => {
    // The departure withdraws the line that would start once the manager is gone: a change
    // of that report, worked out from the org before like the rest.
    const people = [...state.people.values()];
    const managers = new Set(people.map((p) => p.managerId));
    // One with a manager and no reports (no loop can close), to report to the top.
    const report = people.find((p) => p.managerId !== null && !managers.has(p.id));
    const manager = people.find((p) => p.managerId === null && managers.has(p.id));
    const w = new Draft(history, DAY);
    const on = addDays(DAY, 30);
    setManager(w, { email: report?.email ?? '', manager: manager?.email ?? '', on });
    const planned = w.history();
    const later = { history: planned, state: orgStateOn(planned, addDays(DAY, 5)) };
    const lines = (h: OrgHistory) => h.reportingLines.filter((l) => l.personId === report?.id);
    expect(lines(planned).map((l) => l.startedOn)).toContain(on);
    const person = manager?.email ?? '';
    expectSameAsAnew([{ depart: { person, on: addDays(DAY, 10) } }], later);
  });
});
