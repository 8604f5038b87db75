import type { OrgHistory } from '../core/org/state.js';
import type { TableName } from '../writes/draft.js';
import type { SavedChanges } from '../writes/save.js';

/** The history key of each saved table. */
const HISTORY_KEY: Record<TableName, keyof OrgHistory> = {
  people: 'people',
  units: 'units',
  seatAssignments: 'seatAssignments',
  memberships: 'memberships',
  aors: 'aors',
  aorOwnerships: 'ownerships',
  candidates: 'candidates',
  openRoles: 'openRoles',
  reportingLines: 'reportingLines',
  unitParents: 'unitParents',
  aorUnits: 'aorUnits',
  policies: 'policies',
};

/**
 * The history after a saved write: updated rows replaced, new rows appended. The result
 * equals what reading the database back would give (the store's tests compare the two),
 * without the reload.
 */
export function applySavedChanges(history: OrgHistory, changes: SavedChanges): OrgHistory {
  const next = { ...history };
  for (const [name, { inserts, updates }] of Object.entries(changes) as Array<
    [TableName, SavedChanges[TableName]]
  >) {
    if (inserts.length === 0 && updates.length === 0) continue;
    const key = HISTORY_KEY[name];
    const replaced = new Map(updates.map((row) => [row.id, row]));
    const rows = history[key] as Array<{ id: number }>;
    const merged = rows.map((row) => replaced.get(row.id) ?? row).concat(inserts);
    (next as Record<string, unknown>)[key] = merged;
  }
  return next;
}
