import type { Thresholds } from '../../server/config.js';
import type { HistoryChanges } from '../org/changed-state.js';
import { candidaciesOf, candidatesFor, seatsHeldBy } from '../org/lookup.js';
import { type OrgState, SEATS } from '../org/state.js';
import { aorFindings } from './aors.js';
import { personFindings } from './people.js';
import { seatFindings } from './seats.js';
import type { Finding } from './types.js';

/** The units, AoRs and people whose findings a change can alter. */
export interface FindingsRegion {
  unitIds: Set<number>;
  aorIds: ReadonlySet<number>;
  personIds: ReadonlySet<number>;
}

/**
 * Where `changes` can alter findings, seen from each of `states` (the orgs on both sides of
 * the change; every finding outside depends only on rows the changes left alone, so it is
 * the same on both sides): the seat findings of the touched units and of the units whose seats or
 * candidacies involve a changed person (`changedPeople`, default the changed rows); the
 * findings of the AoRs whose ownership changed or whose owner did; and the per-person
 * findings of everyone holding, or ready for, a seat of those units.
 */
export function regionTouchedBy(
  states: readonly OrgState[],
  changes: HistoryChanges,
  changedPeople: ReadonlySet<number> = new Set(changes.people.map((p) => p.id)),
): FindingsRegion {
  const unitIds = new Set(changes.unitIds);
  const personIds = new Set(changedPeople);
  for (const state of states) {
    for (const personId of changedPeople) {
      for (const seat of seatsHeldBy(state, personId)) unitIds.add(seat.unitId);
      for (const c of candidaciesOf(state, personId)) unitIds.add(c.unitId);
    }
  }
  for (const state of states) {
    for (const unitId of unitIds) {
      for (const seat of SEATS) {
        const holder = state.seats.get(unitId)?.[seat].holder;
        if (holder) personIds.add(holder.personId);
        for (const c of candidatesFor(state, unitId, seat)) personIds.add(c.personId);
      }
    }
  }
  const aorIds = new Set(changes.aorIds);
  for (const state of states) {
    for (const aor of state.aors) {
      if (aor.primaryOwnerId !== null && changedPeople.has(aor.primaryOwnerId)) aorIds.add(aor.id);
    }
  }
  return { unitIds, aorIds, personIds };
}

/** The findings of a region, in no particular order: the same rules as `findingsFor`. */
export function findingsIn(
  state: OrgState,
  region: FindingsRegion,
  thresholds: Thresholds,
): Finding[] {
  return [
    ...state.units
      .filter((u) => region.unitIds.has(u.id))
      .flatMap((unit) => seatFindings(state, unit, thresholds)),
    ...state.aors.filter((a) => region.aorIds.has(a.id)).flatMap((aor) => aorFindings(state, aor)),
    ...personFindings(state, region.personIds),
  ];
}
