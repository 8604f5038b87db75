import type {
  AorOwnershipRow,
  AorRow,
  CandidateRow,
  MembershipRow,
  PersonRow,
  ReportingLineRow,
  UnitParentRow,
  UnitRow,
} from '../../db/tables.js';
import { overlayOf } from '../overlay-map.js';
import {
  aorStateOn,
  candidaciesIn,
  compareCandidates,
  hierarchyOn,
  toPersonState,
  unitMembersOn,
} from './as-of.js';
import { latestInForce } from './in-force.js';
import { type SeatRows, unitSeatsOn } from './seats-on.js';
import { type CandidateState, type Day, type OrgState, SEATS, type UnitState } from './state.js';
import { noteChangedFrom } from './state-index.js';

/**
 * A few changes to the history a state was built from (a scenario's, a departure's), with
 * the changed history's rows by the keys a state is built from. Units and AoRs themselves
 * are unchanged: changing them changes the hierarchy, and the state is then built anew; so
 * are the AoRs' units (a changed AoR stays in the unit the state gave it).
 */
export interface HistoryChanges {
  /** Units whose seats, open roles, memberships or candidacies have a changed row. */
  unitIds: ReadonlySet<number>;
  /** AoRs with a changed ownership row. */
  aorIds: ReadonlySet<number>;
  /**
   * Every unit row, when some were renamed (none created, archived or moved: the same
   * units stand under the same parents, so their seats and members keep their keys), with
   * the parents' history; absent when none changed.
   */
  units?: { rows: readonly UnitRow[]; parents: readonly UnitParentRow[] };
  /** People rows changed or added, as they are now. */
  people: readonly PersonRow[];
  /**
   * A changed person's reporting lines, when their manager may have changed (a trend's next
   * point, a `setManager`); without it, a changed person keeps the manager the state gave them
   * (a scenario's, a departure's).
   */
  reportingLines?(personId: number): readonly ReportingLineRow[];
  seatRows(unitId: number): SeatRows;
  memberships(unitId: number): readonly MembershipRow[];
  candidacies(unitId: number): readonly CandidateRow[];
  aor(aorId: number): AorRow;
  ownerships(aorId: number): readonly AorOwnershipRow[];
}

/**
 * The org on `before`'s day once `changes` are made: `before` with only the touched units,
 * AoRs and people worked out again from their rows. Equal to `orgStateOn` of the changed
 * history (the departure and scenario tests compare the two), at the cost of the change
 * rather than of the org: what makes a departure's impact cheap at 100,000 people. With
 * `asOf`, the org on that later day of the same history, `changes` being what differs in
 * force between the two days (a trend's next point).
 */
export function changedState(
  before: OrgState,
  changes: HistoryChanges,
  asOf: Day = before.asOf,
): OrgState {
  const touched = new Set([...changes.unitIds].filter((id) => before.unitsById.has(id)));
  const seats = overlayOf(before.seats, (seats) => {
    for (const unitId of touched) seats.set(unitId, unitSeatsOn(changes.seatRows(unitId), asOf));
  });
  const candidacies = [...touched]
    .flatMap((unitId) => candidaciesIn(changes.candidacies(unitId), seats, asOf))
    .sort(compareCandidates);
  const hierarchy = changes.units
    ? hierarchyOn(changes.units.rows, changes.units.parents, asOf)
    : before;
  const after: OrgState = {
    ...before,
    asOf,
    units: hierarchy.units,
    unitsById: hierarchy.unitsById,
    childrenOf: hierarchy.childrenOf,
    people:
      changes.people.length === 0
        ? before.people
        : overlayOf(before.people, (people) => {
            for (const row of changes.people)
              people.set(row.id, changedPerson(before, changes, row, asOf));
          }),
    seats,
    members: changedMembers(before, changes, touched, asOf),
    aors: before.aors.map((aor) =>
      changes.aorIds.has(aor.id)
        ? aorStateOn(changes.aor(aor.id), aor.unitId, changes.ownerships(aor.id), asOf)
        : aor,
    ),
    candidates: mergeCandidates(before.candidates, touched, candidacies),
  };
  noteChangedFrom(after, before, {
    unitIds: touched,
    aorIds: changes.aorIds,
    unitOrderKept: sameOrder(before.units, after.units),
    formerHolderIds: [...touched].flatMap((unitId) =>
      SEATS.flatMap((seat) => before.seats.get(unitId)?.[seat].holder?.personId ?? []),
    ),
    formerMemberIds: [...touched].flatMap((unitId) => before.members.get(unitId) ?? []),
    personIds: new Set(changes.people.map((row) => row.id)),
    formerManagerIds: changes.people.flatMap((row) => before.people.get(row.id)?.managerId ?? []),
    formerCandidacies: before.candidates.filter((c) => touched.has(c.unitId)),
    candidacies,
  });
  return after;
}

/** A changed person on `asOf`: with the manager of their lines that day, if given. */
function changedPerson(before: OrgState, changes: HistoryChanges, row: PersonRow, asOf: Day) {
  const managerId = changes.reportingLines
    ? latestInForce(changes.reportingLines(row.id), asOf)?.managerId
    : before.people.get(row.id)?.managerId;
  return toPersonState(row, managerId ?? undefined);
}

function changedMembers(
  before: OrgState,
  changes: HistoryChanges,
  touched: Set<number>,
  asOf: Day,
) {
  return overlayOf(before.members, (members) => {
    for (const unitId of touched) {
      const now = unitMembersOn(changes.memberships(unitId), asOf);
      if (now.length > 0) members.set(unitId, now);
      else members.delete(unitId);
    }
  });
}

/**
 * The candidacies of `all` outside the `touched` units merged with `touched`'s new ones,
 * in `compareCandidates` order: one pass, both being in that order already.
 */
function mergeCandidates(
  all: readonly CandidateState[],
  touched: ReadonlySet<number>,
  now: readonly CandidateState[],
): CandidateState[] {
  const merged: CandidateState[] = [];
  let next = 0;
  for (const c of all) {
    if (touched.has(c.unitId)) continue;
    while (next < now.length && compareCandidates(now[next] as CandidateState, c) < 0) {
      merged.push(now[next++] as CandidateState);
    }
    merged.push(c);
  }
  merged.push(...now.slice(next));
  return merged;
}

function sameOrder(a: readonly UnitState[], b: readonly UnitState[]): boolean {
  return a === b || (a.length === b.length && a.every((u, i) => u.id === b[i]?.id));
}
