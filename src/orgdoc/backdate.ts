import type { Day } from '../core/org/state.js';
import type { Draft } from '../writes/draft.js';

/** The earliest day a dated row the draft adds starts (a seat's `since`, a role's opening). */
function earliestAdded(w: Draft): Day {
  let first = w.today;
  const see = (day: Day) => {
    if (day < first) first = day;
  };
  for (const table of [w.seatAssignments, w.memberships, w.aorOwnerships, w.candidates]) {
    for (const row of table.inserts) see(row.startedOn);
  }
  for (const role of w.openRoles.inserts) see(role.openedOn);
  return first;
}

/**
 * A document states the org as it stands, its dated rows saying since when: what an import
 * creates has been there since the document's history begins. A new unit is created, and a
 * new unit's parent and a new person's manager hold, from the earliest day a dated row it
 * adds starts, else from the import day — so a unit exists on the day the Eng Lead the
 * document names took its seat. Changes to what already existed (a unit moved, a manager
 * changed) keep their day, the import's.
 */
export function backdateCreated(w: Draft): void {
  const start = earliestAdded(w);
  if (start === w.today) return;
  const newUnits = new Set(w.units.inserts.map((u) => u.id));
  const newPeople = new Set(w.people.inserts.map((p) => p.id));
  for (const unit of w.units.inserts) w.units.update(unit, { createdOn: start });
  // Only the lines in force from the import day on: one withdrawn the same day stays so.
  const fromToday = (row: { startedOn: Day; endedOn: Day | null }) =>
    row.startedOn === w.today && row.endedOn === null;
  for (const row of w.unitParents.inserts) {
    if (newUnits.has(row.unitId) && fromToday(row)) w.unitParents.update(row, { startedOn: start });
  }
  for (const row of w.reportingLines.inserts) {
    if (newPeople.has(row.personId) && fromToday(row)) {
      w.reportingLines.update(row, { startedOn: start });
    }
  }
}
