import { groupBy } from '../core/collections.js';
import { seatKey } from '../core/org/seats-on.js';
import type { OrgHistory } from '../core/org/state.js';

/**
 * The history's rows by the keys reads ask them by (an id, a unit, a person): what the SQL
 * loaders used to read, from the snapshot every analysis reads. Each index is built on
 * first use and kept with its history (a write makes a new history, and the index is built
 * again only if asked).
 */
function historyIndex<T>(build: (history: OrgHistory) => T): (history: OrgHistory) => T {
  const built = new WeakMap<OrgHistory, T>();
  return (history) => {
    let found = built.get(history);
    if (found === undefined) {
      found = build(history);
      built.set(history, found);
    }
    return found;
  };
}

const byId = <R extends { id: number }>(rows: readonly R[]) => new Map(rows.map((r) => [r.id, r]));

/** Newest first: by start day, then by id (the later row of a day first). */
const newestFirst =
  <R extends { id: number }>(day: (row: R) => string) =>
  (a: R, b: R) =>
    day(a) < day(b) ? 1 : day(a) > day(b) ? -1 : b.id - a.id;

const started = newestFirst((r: { id: number; startedOn: string }) => r.startedOn);
const opened = newestFirst((r: { id: number; openedOn: string }) => r.openedOn);

export const aorRows = historyIndex((h) => byId(h.aors));
export const roleRows = historyIndex((h) => byId(h.openRoles));
export const assignmentRows = historyIndex((h) => byId(h.seatAssignments));
export const candidateRows = historyIndex((h) => byId(h.candidates));

/** Every role, open and closed, newest first (by the day opened); and of each unit. */
export const rolesNewestFirst = historyIndex((h) => [...h.openRoles].sort(opened));
export const rolesByUnit = historyIndex((h) => groupBy(rolesNewestFirst(h), (r) => r.unitId));

/** Every assignment of each unit, of each person, newest first; of each seat, in no order. */
export const assignmentsByUnit = historyIndex((h) =>
  groupBy([...h.seatAssignments].sort(started), (r) => r.unitId),
);
export const assignmentsByPerson = historyIndex((h) =>
  groupBy([...h.seatAssignments].sort(started), (r) => r.personId),
);
export const assignmentsBySeat = historyIndex((h) =>
  groupBy(h.seatAssignments, (r) => seatKey(r.unitId, r.seat)),
);

/** Every team membership of each person, newest first. */
export const membershipsByPerson = historyIndex((h) =>
  groupBy([...h.memberships].sort(started), (r) => r.personId),
);

/** Every candidacy and every AoR ownership of each person, in no order. */
export const candidaciesByPerson = historyIndex((h) => groupBy(h.candidates, (r) => r.personId));
export const ownershipsByPerson = historyIndex((h) => groupBy(h.ownerships, (r) => r.personId));

/** Every parent row of each unit, in no order. */
export const parentsByUnit = historyIndex((h) => groupBy(h.unitParents, (r) => r.unitId));

/** Every unit row of each AoR, in no order. */
export const unitsByAor = historyIndex((h) => groupBy(h.aorUnits, (r) => r.aorId));
