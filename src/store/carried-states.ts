import { groupBy } from '../core/collections.js';
import { changedState, type HistoryChanges } from '../core/org/changed-state.js';
import type { Day, OrgHistory, OrgState } from '../core/org/state.js';
import type {
  AorOwnershipRow,
  CandidateRow,
  MembershipRow,
  OpenRoleRow,
  PersonRow,
  ReportingLineRow,
  Seat,
  SeatAssignmentRow,
} from '../db/tables.js';
import type { SavedChanges } from '../writes/save.js';

type Changed<R> = { inserts: R[]; updates: R[] };
const changedRows = <R>(changes: SavedChanges, name: keyof SavedChanges) =>
  changes[name] as unknown as Changed<R>;
const anyRows = ({ inserts, updates }: Changed<unknown>) => inserts.length + updates.length > 0;

/** The keys `keyOf` gives the rows a write changed, as they were (in `before`) and are now. */
function keysOf<R extends { id: number }>(
  before: readonly R[],
  { inserts, updates }: Changed<R>,
  keyOf: (row: R) => number,
): Set<number> {
  const keys = new Set([...inserts, ...updates].map(keyOf));
  const updated = new Set(updates.map((row) => row.id));
  for (const row of before) if (updated.has(row.id)) keys.add(keyOf(row));
  return keys;
}

/**
 * A saved write as a state sees it, over the history it left: the rows of what it touched,
 * found in one pass over each table. Null when it created, archived or moved a unit, or
 * changed AoRs themselves.
 */
export function savedChanges(
  before: OrgHistory,
  after: OrgHistory,
  changes: SavedChanges,
): HistoryChanges | null {
  const { units, aors } = changes;
  if (units.inserts.length + aors.inserts.length + aors.updates.length > 0) return null;
  // A parent or an AoR's unit changed: the tree moved.
  const moved = [changes.unitParents, changes.aorUnits];
  if (moved.some(anyRows)) return null;
  const archived = new Map(before.units.map((u) => [u.id, u.archivedOn]));
  if (units.updates.some((u) => archived.get(u.id) !== u.archivedOn)) return null;
  const unitIds = new Set([
    ...keysOf(
      before.seatAssignments,
      changedRows<SeatAssignmentRow>(changes, 'seatAssignments'),
      (r) => r.unitId,
    ),
    ...keysOf(before.openRoles, changedRows<OpenRoleRow>(changes, 'openRoles'), (r) => r.unitId),
    ...keysOf(
      before.memberships,
      changedRows<MembershipRow>(changes, 'memberships'),
      (r) => r.unitId,
    ),
    ...keysOf(before.candidates, changedRows<CandidateRow>(changes, 'candidates'), (r) => r.unitId),
  ]);
  const aorIds = keysOf(
    before.ownerships,
    changedRows<AorOwnershipRow>(changes, 'aorOwnerships'),
    (r) => r.aorId,
  );
  const ofUnits = <R extends { unitId: number }>(rows: R[]) =>
    groupBy(
      rows.filter((r) => unitIds.has(r.unitId)),
      (r) => r.unitId,
    );
  const seats = ofUnits(after.seatAssignments);
  const roles = ofUnits(after.openRoles);
  const members = ofUnits(after.memberships);
  const candidacies = ofUnits(after.candidates);
  const ownerships = groupBy(
    after.ownerships.filter((o) => aorIds.has(o.aorId)),
    (o) => o.aorId,
  );
  const aorsById = new Map(after.aors.filter((a) => aorIds.has(a.id)).map((a) => [a.id, a]));
  const people = changedPeople(before, after, changes);
  const lines = groupBy(
    after.reportingLines.filter((r) => people.ids.has(r.personId)),
    (r) => r.personId,
  );
  return {
    unitIds,
    aorIds,
    ...(units.updates.length > 0
      ? { units: { rows: after.units, parents: after.unitParents } }
      : {}),
    people: people.rows,
    reportingLines: (personId) => lines.get(personId) ?? [],
    seatRows: (unitId) => ({
      assignments: (seat: Seat) => (seats.get(unitId) ?? []).filter((r) => r.seat === seat),
      roles: (seat: Seat) => (roles.get(unitId) ?? []).filter((r) => r.seat === seat),
    }),
    memberships: (unitId) => members.get(unitId) ?? [],
    candidacies: (unitId) => candidacies.get(unitId) ?? [],
    aor: (aorId) => {
      const aor = aorsById.get(aorId);
      if (!aor) throw new Error(`no AoR ${aorId} in the history`);
      return aor;
    },
    ownerships: (aorId) => ownerships.get(aorId) ?? [],
  };
}

/** The people a write changed: their rows, or their managers. */
function changedPeople(before: OrgHistory, after: OrgHistory, changes: SavedChanges) {
  const { inserts, updates } = changedRows<PersonRow>(changes, 'people');
  const ids = new Set([...inserts, ...updates].map((p) => p.id));
  const lines = changedRows<ReportingLineRow>(changes, 'reportingLines');
  for (const id of keysOf(before.reportingLines, lines, (r) => r.personId)) ids.add(id);
  return { ids, rows: after.people.filter((p) => ids.has(p.id)) };
}

/**
 * The states of the org before a write, carried over to the history after it (`changed`, its
 * `savedChanges`): each worked out from the one before at the cost of the write, so the first
 * answer after a write does not pay for the whole org again. None when the write moved the
 * hierarchy.
 */
export function carriedStates(
  states: ReadonlyMap<Day, OrgState>,
  changed: HistoryChanges | null,
): Map<Day, OrgState> {
  const carried = new Map<Day, OrgState>();
  if (!changed) return carried;
  for (const [day, state] of states) carried.set(day, changedState(state, changed));
  return carried;
}
