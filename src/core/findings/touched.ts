import type { HistoryChanges } from '../org/changed-state.js';
import { candidaciesOf, candidatesFor, seatsHeldBy } from '../org/lookup.js';
import { type OrgState, SEATS } from '../org/state.js';
import { type Thresholds, underPolicy } from '../policy.js';
import { aorFindings } from './aors.js';
import { compareFindings } from './findings.js';
import { spanFindings } from './hygiene.js';
import { personFindings } from './people.js';
import { seatFindings } from './seats.js';
import type { Finding } from './types.js';

/**
 * The findings of the whole org that `changes` can make appear or disappear, in
 * `compareFindings` order: every other finding depends only on rows the changes left
 * alone, so it is the same on both sides of a diff. Those are the seat findings of the
 * touched units and of the units whose seats or candidacies involve a changed person; the
 * findings of the AoRs whose ownership changed or whose owner did; and the per-person
 * findings of everyone holding, or ready for, a seat of those units. For the hygiene kinds,
 * also the units whose seats are held by anyone who was ever a member of a touched unit (a
 * Tech Lead's team may change), and the span of the changed people and their managers.
 */
export function findingsTouchedBy(
  state: OrgState,
  changes: HistoryChanges,
  thresholds: Thresholds,
): Finding[] {
  const changedPeople = new Set(changes.people.map((p) => p.id));
  const unitIds = new Set(changes.unitIds);
  // Taken from the changes, not the state, so both sides of a diff look at the same units.
  const members = [...changes.unitIds]
    .flatMap((id) => changes.memberships(id))
    .map((m) => m.personId);
  for (const personId of [...changedPeople, ...members]) {
    for (const seat of seatsHeldBy(state, personId)) unitIds.add(seat.unitId);
  }
  for (const personId of changedPeople) {
    for (const c of candidaciesOf(state, personId)) unitIds.add(c.unitId);
  }
  const units = state.units.filter((u) => unitIds.has(u.id));
  const people = new Set(changedPeople);
  for (const unit of units) {
    for (const seat of SEATS) {
      const holder = state.seats.get(unit.id)?.[seat].holder;
      if (holder) people.add(holder.personId);
      for (const c of candidatesFor(state, unit.id, seat)) people.add(c.personId);
    }
  }
  const aors = state.aors.filter(
    (a) =>
      changes.aorIds.has(a.id) ||
      (a.primaryOwnerId !== null && changedPeople.has(a.primaryOwnerId)),
  );
  const found = [
    ...units.flatMap((unit) => seatFindings(state, unit, thresholds)),
    ...aors.flatMap((aor) => aorFindings(state, aor)),
    ...personFindings(state, people),
    ...spanFindings(state, thresholds, spansTouched(state, changes, members)),
  ];
  return underPolicy(found, thresholds).sort(compareFindings(state));
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
