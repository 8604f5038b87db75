import type { HistoryChanges } from '../org/changed-state.js';
import { candidaciesOf, candidatesFor, seatsHeldBy } from '../org/lookup.js';
import { type OrgState, SEATS } from '../org/state.js';
import { type Thresholds, underPolicy } from '../policy.js';
import { aorFindings } from './aors.js';
import { spanFindings } from './hygiene.js';
import { personFindings } from './people.js';
import { seatFindings } from './seats.js';
import type { Finding, ScopeOptions } from './types.js';

/** The units, AoRs and people whose findings a change can alter. */
export interface FindingsRegion {
  unitIds: Set<number>;
  aorIds: ReadonlySet<number>;
  personIds: ReadonlySet<number>;
  /** Managers whose span of control a change can alter (WIDE_SPAN). */
  managerIds: ReadonlySet<number>;
}

/**
 * Where `changes` can alter findings, seen from each of `states` (the orgs on both sides of
 * the change; every finding outside depends only on rows the changes left alone, so it is
 * the same on both sides): the seat findings of the touched units and of the units whose seats or
 * candidacies involve a changed person (`changedPeople`, default the changed rows); the
 * findings of the AoRs whose ownership changed or whose owner did; and the per-person
 * findings of everyone holding, or ready for, a seat of those units. For the hygiene kinds,
 * also the units whose seats are held by anyone who was ever a member of a touched unit (a
 * Tech Lead's team may change), and the span of the changed people and their managers.
 */
export function regionTouchedBy(
  states: readonly OrgState[],
  changes: HistoryChanges,
  changedPeople: ReadonlySet<number> = new Set(changes.people.map((p) => p.id)),
): FindingsRegion {
  const unitIds = new Set(changes.unitIds);
  // Taken from the changes, not a state, so both sides of a diff look at the same members.
  const members = [...changes.unitIds]
    .flatMap((id) => changes.memberships(id))
    .map((m) => m.personId);
  for (const state of states) {
    for (const personId of [...changedPeople, ...members]) {
      for (const seat of seatsHeldBy(state, personId)) unitIds.add(seat.unitId);
    }
    for (const personId of changedPeople) {
      for (const c of candidaciesOf(state, personId)) unitIds.add(c.unitId);
    }
  }
  const personIds = new Set(changedPeople);
  const aorIds = new Set(changes.aorIds);
  const managerIds = new Set<number>();
  for (const state of states) {
    for (const unitId of unitIds) {
      for (const seat of SEATS) {
        const holder = state.seats.get(unitId)?.[seat].holder;
        if (holder) personIds.add(holder.personId);
        for (const c of candidatesFor(state, unitId, seat)) personIds.add(c.personId);
      }
    }
    for (const aor of state.aors) {
      if (aor.primaryOwnerId !== null && changedPeople.has(aor.primaryOwnerId)) aorIds.add(aor.id);
    }
    for (const id of spansTouched(state, changes, members)) managerIds.add(id);
  }
  return { unitIds, aorIds, personIds, managerIds };
}

/** The findings of a region, in no particular order: the same rules as `findingsFor`. */
export function findingsIn(
  state: OrgState,
  region: FindingsRegion,
  thresholds: Thresholds,
  scope: ScopeOptions = {},
): Finding[] {
  const found = [
    ...state.units
      .filter((u) => region.unitIds.has(u.id))
      .flatMap((unit) => seatFindings(state, unit, thresholds)),
    ...state.aors.filter((a) => region.aorIds.has(a.id)).flatMap((aor) => aorFindings(state, aor)),
    ...personFindings(state, region.personIds, scope),
    ...spanFindings(state, thresholds, region.managerIds),
  ];
  return underPolicy(found, thresholds);
}

/**
 * The managers whose WIDE_SPAN a change can touch: the changed people, the members and seat
 * holders (ever) of the changed units — whose findings may move to another unit — and their
 * managers, whose count of reports may change.
 */
function spansTouched(
  state: OrgState,
  changes: HistoryChanges,
  members: readonly number[],
): Set<number> {
  const holders = [...changes.unitIds].flatMap((id) =>
    SEATS.flatMap((seat) =>
      changes
        .seatRows(id)
        .assignments(seat)
        .map((a) => a.personId),
    ),
  );
  const involved = [...changes.people.map((p) => p.id), ...members, ...holders];
  const managers = new Set(involved);
  for (const p of changes.people) if (p.managerId !== null) managers.add(p.managerId);
  for (const id of involved) {
    const managerId = state.people.get(id)?.managerId;
    if (managerId != null) managers.add(managerId);
  }
  return managers;
}
