import type { Thresholds } from '../../server/config.js';
import type { HistoryChanges } from '../org/changed-state.js';
import { candidaciesOf, candidatesFor, seatsHeldBy } from '../org/lookup.js';
import { type OrgState, SEATS } from '../org/state.js';
import { aorFindings } from './aors.js';
import { compareFindings } from './findings.js';
import { personFindings } from './people.js';
import { seatFindings } from './seats.js';
import type { Finding } from './types.js';

/**
 * The findings of the whole org that `changes` can make appear or disappear, in
 * `compareFindings` order: every other finding depends only on rows the changes left
 * alone, so it is the same on both sides of a diff. Those are the seat findings of the
 * touched units and of the units whose seats or candidacies involve a changed person; the
 * findings of the AoRs whose ownership changed or whose owner did; and the per-person
 * findings of everyone holding, or ready for, a seat of those units.
 */
export function findingsTouchedBy(
  state: OrgState,
  changes: HistoryChanges,
  thresholds: Thresholds,
): Finding[] {
  const changedPeople = new Set(changes.people.map((p) => p.id));
  const unitIds = new Set(changes.unitIds);
  for (const personId of changedPeople) {
    for (const seat of seatsHeldBy(state, personId)) unitIds.add(seat.unitId);
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
  return [
    ...units.flatMap((unit) => seatFindings(state, unit, thresholds)),
    ...aors.flatMap((aor) => aorFindings(state, aor)),
    ...personFindings(state, people),
  ].sort(compareFindings(state));
}
