import type { OpenRoleRow } from '../db/tables.js';
import type { Draft } from '../writes/draft.js';
import { rolesOf, type SaveRoleInput, states } from './writes.js';

interface Entry {
  index: number;
  value: SaveRoleInput;
}

/**
 * The roles a document's entries already state, by entry index, matched before any entry
 * changes a role. A unit's seat's entries are its latest roles, oldest first (as an export
 * lists them), so an entry names one of those in its status. Matched one entry at a time
 * against the seat's latest role instead, a FILLED entry listed before an OPEN one filled the
 * role the OPEN one states: importing the same document again opened and filled a role more
 * each time, or was refused. Entries matching nothing here are saved as ever (`saveRole`).
 */
export function statedRoles(w: Draft, entries: readonly Entry[]): Map<number, OpenRoleRow> {
  const stated = new Map<number, OpenRoleRow>();
  for (const group of bySeat(entries)) {
    const [{ value: first }] = group;
    const unit = w.units.find('slug', first.unit);
    if (!unit || unit.archivedOn) continue; // refused when saved, at its own path
    const latest = rolesOf(w, unit.id, first.seat).slice(-group.length);
    const claimed = new Set<number>();
    for (const { index, value } of group) {
      const role = latest.findLast(
        (r) =>
          !claimed.has(r.id) &&
          (!value.openedOn || r.openedOn === value.openedOn) &&
          states(r, value.status ?? 'OPEN', w.today),
      );
      if (!role) continue;
      claimed.add(role.id);
      stated.set(index, role);
    }
  }
  return stated;
}

/** Entries grouped by the unit's seat they name, in document order. */
function bySeat(entries: readonly Entry[]): Array<[Entry, ...Entry[]]> {
  const groups = new Map<string, [Entry, ...Entry[]]>();
  for (const entry of entries) {
    const key = `${entry.value.unit}\u0000${entry.value.seat}`;
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups.values()];
}
