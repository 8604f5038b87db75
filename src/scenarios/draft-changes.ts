import type { HistoryChanges } from '../core/org/changed-state.js';
import type { Seat } from '../db/tables.js';
import { type Draft, seatKey } from '../writes/draft.js';
import type { DraftTable } from '../writes/draft-table.js';

/** The ids `keyOf` gives the rows a draft table changed, as they were and as they are. */
function touchedBy<R extends { id: number }>(
  table: DraftTable<R, string>,
  keyOf: (row: R) => number,
  into: Set<number>,
): void {
  for (const row of [...table.inserts, ...table.updates]) {
    into.add(keyOf(row));
    const original = table.original(row.id);
    if (original) into.add(keyOf(original));
  }
}

/**
 * A draft's changes as a state sees them, so the org after them is worked out from the org
 * before (`changedState`) and only what they touch is compared (`orgDiff`). Null when the
 * draft changed or moved units or AoRs: the hierarchy moved, so everything is worked out
 * anew. A reporting line changed (a departure withdraws those that would start once its
 * person is gone) is a change of its person.
 */
export function draftChanges(draft: Draft): HistoryChanges | null {
  if (draft.units.changed || draft.aors.changed) return null;
  const moved = [draft.unitParents, draft.aorUnits];
  if (moved.some((table) => table.changed)) return null;
  const unitIds = new Set<number>();
  touchedBy(draft.seatAssignments, (row) => row.unitId, unitIds);
  touchedBy(draft.openRoles, (row) => row.unitId, unitIds);
  touchedBy(draft.memberships, (row) => row.unitId, unitIds);
  touchedBy(draft.candidates, (row) => row.unitId, unitIds);
  const aorIds = new Set<number>();
  touchedBy(draft.aorOwnerships, (row) => row.aorId, aorIds);
  const personIds = new Set([...draft.people.updates, ...draft.people.inserts].map((p) => p.id));
  touchedBy(draft.reportingLines, (row) => row.personId, personIds);
  return {
    unitIds,
    aorIds,
    people: [...personIds].flatMap((id) => draft.people.get(id) ?? []),
    reportingLines: (personId) => draft.reportingLines.where('person', personId),
    seatRows: (unitId) => ({
      assignments: (seat: Seat) => draft.seatAssignments.where('seat', seatKey(unitId, seat)),
      roles: (seat: Seat) => draft.openRoles.where('seat', seatKey(unitId, seat)),
    }),
    memberships: (unitId) => draft.memberships.where('unit', unitId),
    candidacies: (unitId) => draft.candidates.where('unit', unitId),
    aor: (aorId) => {
      const aor = draft.aors.get(aorId);
      if (!aor) throw new Error(`draft: no AoR ${aorId}`);
      return aor;
    },
    ownerships: (aorId) => draft.aorOwnerships.where('aor', aorId),
  };
}
