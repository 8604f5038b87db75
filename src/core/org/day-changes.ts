import type { AorRow, PersonRow, Seat } from '../../db/tables.js';
import { groupBy } from '../collections.js';
import type { HistoryChanges } from './changed-state.js';
import type { Day, OrgHistory } from './state.js';

/**
 * What a dated row does to the org on a day: it is `in force` from `day` on (a start, an
 * opening, an archiving), or `after` its last day `day` it no longer is (an end).
 */
interface Turn {
  day: Day;
  /** True when the change shows on the day after `day` (a row's inclusive end). */
  after: boolean;
  what: 'unit' | 'aor' | 'person' | 'structure';
  id: number;
}

/** A history read by the keys of its changes: built once per history, kept with it. */
interface DayIndex {
  turns: Turn[];
  seats: Map<number, OrgHistory['seatAssignments']>;
  roles: Map<number, OrgHistory['openRoles']>;
  members: Map<number, OrgHistory['memberships']>;
  candidacies: Map<number, OrgHistory['candidates']>;
  ownerships: Map<number, OrgHistory['ownerships']>;
  lines: Map<number, OrgHistory['reportingLines']>;
  aors: Map<number, AorRow>;
  people: Map<number, PersonRow>;
}

const indexes = new WeakMap<OrgHistory, DayIndex>();

function dayIndexOf(history: OrgHistory): DayIndex {
  let index = indexes.get(history);
  if (!index) {
    index = {
      turns: turnsOf(history),
      seats: groupBy(history.seatAssignments, (r) => r.unitId),
      roles: groupBy(history.openRoles, (r) => r.unitId),
      members: groupBy(history.memberships, (r) => r.unitId),
      candidacies: groupBy(history.candidates, (r) => r.unitId),
      ownerships: groupBy(history.ownerships, (r) => r.aorId),
      lines: groupBy(history.reportingLines, (r) => r.personId),
      aors: new Map(history.aors.map((a) => [a.id, a])),
      people: new Map(history.people.map((p) => [p.id, p])),
    };
    indexes.set(history, index);
  }
  return index;
}

/** Every day on which some row starts or stops counting, by day. */
function turnsOf(history: OrgHistory): Turn[] {
  const turns: Turn[] = [];
  const on = (day: Day | null, what: Turn['what'], id: number, after = false) => {
    if (day !== null) turns.push({ day, after, what, id });
  };
  const dated = (row: { startedOn: Day; endedOn: Day | null }, what: Turn['what'], id: number) => {
    on(row.startedOn, what, id);
    on(row.endedOn, what, id, true);
  };
  for (const row of history.seatAssignments) dated(row, 'unit', row.unitId);
  for (const row of history.memberships) dated(row, 'unit', row.unitId);
  for (const row of history.candidates) dated(row, 'unit', row.unitId);
  for (const row of history.ownerships) dated(row, 'aor', row.aorId);
  for (const role of history.openRoles) {
    on(role.openedOn, 'unit', role.unitId);
    on(role.closedOn, 'unit', role.unitId);
  }
  for (const unit of history.units) {
    on(unit.createdOn, 'structure', unit.id);
    on(unit.archivedOn, 'structure', unit.id);
  }
  // A parent or an AoR's unit changing reshapes the org: the state is worked out anew.
  for (const row of history.unitParents) dated(row, 'structure', row.unitId);
  for (const row of history.aorUnits) dated(row, 'structure', row.aorId);
  // A manager changing changes the person (and the reports of both managers).
  for (const row of history.reportingLines) dated(row, 'person', row.personId);
  for (const aor of history.aors) {
    on(aor.createdOn, 'structure', aor.id);
    on(aor.retiredOn, 'structure', aor.id);
  }
  for (const person of history.people) on(person.departedOn, 'person', person.id);
  return turns.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** The first turn on or after `day` (turns are by day). */
function firstFrom(turns: readonly Turn[], day: Day): number {
  let [low, high] = [0, turns.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((turns[mid] as Turn).day < day) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * What differs in force between the org on `from` and on the later day `to`: the units
 * whose seats, open roles, members or candidacies change, the AoRs whose owners do, the
 * people who leave or change managers, with those rows. Null when the structure changes (a
 * unit created, moved or archived, an AoR moved or retired): the org is then worked out anew.
 */
export function changesBetween(history: OrgHistory, from: Day, to: Day): HistoryChanges | null {
  const index = dayIndexOf(history);
  const unitIds = new Set<number>();
  const aorIds = new Set<number>();
  const personIds = new Set<number>();
  const { turns } = index;
  for (let i = firstFrom(turns, from); i < turns.length; i++) {
    const turn = turns[i] as Turn;
    if (turn.day > to) break;
    // A start shows on its day, an end on the day after: each counts when that day is
    // after `from` and no later than `to`.
    if (turn.after ? turn.day === to : turn.day === from) continue;
    if (turn.what === 'structure') return null;
    ({ unit: unitIds, aor: aorIds, person: personIds })[turn.what].add(turn.id);
  }
  const ofSeat = <R extends { seat: string }>(rows: readonly R[] | undefined, seat: Seat) =>
    (rows ?? []).filter((r) => r.seat === seat);
  return {
    unitIds,
    aorIds,
    // A leaver's row is unchanged, but whether they are present is not: given as changed, so
    // the indexes that leave departed people out (a manager's reports) count them again.
    people: [...personIds].flatMap((id) => index.people.get(id) ?? []),
    reportingLines: (personId) => index.lines.get(personId) ?? [],
    seatRows: (unitId) => ({
      assignments: (seat) => ofSeat(index.seats.get(unitId), seat),
      roles: (seat) => ofSeat(index.roles.get(unitId), seat),
    }),
    memberships: (unitId) => index.members.get(unitId) ?? [],
    candidacies: (unitId) => index.candidacies.get(unitId) ?? [],
    aor: (aorId) => {
      const aor = index.aors.get(aorId);
      if (!aor) throw new Error(`no AoR ${aorId} in the history`);
      return aor;
    },
    ownerships: (aorId) => index.ownerships.get(aorId) ?? [],
  };
}
