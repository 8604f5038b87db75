import { ORG_DAYS } from '../core/org/days.js';
import type { Day } from '../core/org/state.js';
import type { Draft } from '../writes/draft.js';

/**
 * A document states the org as it stands, not since when: what an import creates is taken
 * to have been there before anything recorded (`ORG_DAYS.first`), as every unit, AoR, manager
 * and parent was before they were dated. A new AoR is created, and a new unit's parent and a
 * new person's manager hold, from that day; so later writes dated before the import (an
 * owner since January) find them. (A new unit is created so by `saveUnit` itself: the
 * document's own dated rows, a seat's `since`, are checked against its creation as they are
 * applied.) Changes to what already existed (a unit moved, a manager changed) keep the
 * import's day.
 */
export function backdateCreated(w: Draft): void {
  const start = ORG_DAYS.first;
  const newUnits = new Set(w.units.inserts.map((u) => u.id));
  const newPeople = new Set(w.people.inserts.map((p) => p.id));
  for (const aor of w.aors.inserts) w.aors.update(aor, { createdOn: start });
  const newAors = new Set(w.aors.inserts.map((a) => a.id));
  // Only the lines in force from the import day on: one withdrawn the same day stays so.
  const fromToday = (row: { startedOn: Day; endedOn: Day | null }) =>
    row.startedOn === w.today && row.endedOn === null;
  for (const row of w.unitParents.inserts) {
    if (newUnits.has(row.unitId) && fromToday(row)) w.unitParents.update(row, { startedOn: start });
  }
  for (const row of w.aorUnits.inserts) {
    if (newAors.has(row.aorId) && fromToday(row)) w.aorUnits.update(row, { startedOn: start });
  }
  for (const row of w.reportingLines.inserts) {
    if (newPeople.has(row.personId) && fromToday(row)) {
      w.reportingLines.update(row, { startedOn: start });
    }
  }
}
