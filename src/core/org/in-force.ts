import type { OpenRoleRow } from '../../db/tables.js';
import type { Day } from './state.js';

/** A row of a dated history: in force from its start to its end, both inclusive. */
export interface Dated {
  startedOn: string;
  endedOn: string | null;
}

/** A dated row is in force on `day` from its start to its end, both inclusive. */
export function inForceOn(row: Dated, day: Day): boolean {
  return row.startedOn <= day && (row.endedOn === null || row.endedOn >= day);
}

/**
 * An open role is open from `openedOn` until the day before `closedOn` (the day it was
 * filled or cancelled). A closed role without a `closedOn` has no known open period, so it
 * never counts.
 */
export function roleOpenOn(role: OpenRoleRow, day: Day): boolean {
  return role.openedOn <= day && roleOpenFrom(role, day);
}

/**
 * Whether a role is open on `day` or on any later day: OPEN, or closed (filled, cancelled)
 * from a later day — and open on some day at all (one closed the day it opened never was).
 * A seat's role of that kind is already under way for a write on `day`.
 */
export function roleOpenFrom(role: OpenRoleRow, day: Day): boolean {
  if (role.closedOn === null) return role.status === 'OPEN';
  return role.closedOn > day && role.closedOn > role.openedOn;
}

/**
 * A role's status as it stood on `day` (null: not opened yet): `OPEN` while `roleOpenOn`,
 * else what it was closed as.
 */
export function roleStatusOn(role: OpenRoleRow, day: Day): OpenRoleRow['status'] | null {
  if (role.openedOn > day) return null;
  return roleOpenOn(role, day) ? 'OPEN' : role.status;
}

/**
 * The row in force on `day`. The database allows one open-ended row per seat, but a closed
 * row may overlap the next one on its last day: the most recently started row wins.
 */
export function latestInForce<T extends Dated & { id: number }>(
  rows: readonly T[],
  day: Day,
): T | null {
  let best: T | null = null;
  for (const row of rows) {
    if (!inForceOn(row, day)) continue;
    if (
      !best ||
      row.startedOn > best.startedOn ||
      (row.startedOn === best.startedOn && row.id > best.id)
    )
      best = row;
  }
  return best;
}
