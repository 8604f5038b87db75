import type { Day } from '../../core/org/state.js';
import { type OpenRoleRow, openRoleTable } from '../../db/tables.js';
import { insertRows, updateRows } from '../bulk.js';
import type { OpenRoleEntry } from '../document.js';
import { seatKey } from '../snapshot.js';
import { type ApplyContext, idOf } from './context.js';

type Status = OpenRoleRow['status'];
type RoleUpdate = Pick<OpenRoleRow, 'id' | 'status' | 'closedOn'>;
type RoleInsert = typeof openRoleTable.$inferInsert;
type RoleChange = { update: RoleUpdate } | { insert: RoleInsert } | null;

/** A role closes on the day of the import, never before it opened. */
const closingDay = (openedOn: Day, today: Day) => (openedOn > today ? openedOn : today);

/**
 * What one entry changes, matched against the latest role of its (unit, seat) — of its
 * `openedOn` when given: same status, nothing; OPEN with none open, a new role; FILLED or
 * CANCELLED, the open role closes (or the latest closed one takes that status); nothing
 * at all, a new role in that status.
 */
function planRole(ctx: ApplyContext, entry: OpenRoleEntry): RoleChange {
  const unitId = idOf(ctx.ids.units, entry.unit);
  const status: Status = entry.status ?? 'OPEN';
  const roles = (ctx.snapshot.openRoles.get(seatKey(unitId, entry.seat)) ?? []).filter(
    (r) => !entry.openedOn || r.openedOn === entry.openedOn,
  );
  const latest = roles.at(-1);
  const open = roles.findLast((r) => r.status === 'OPEN');
  if (latest?.status === status || (status === 'OPEN' && open)) return null;
  const target = status === 'OPEN' ? undefined : (open ?? latest);
  if (target) {
    const closedOn = target.closedOn ?? closingDay(target.openedOn, ctx.today);
    return { update: { id: target.id, status, closedOn } };
  }
  const openedOn = entry.openedOn ?? ctx.today;
  const closedOn = status === 'OPEN' ? null : closingDay(openedOn, ctx.today);
  return { insert: { unitId, seat: entry.seat, status, openedOn, closedOn } };
}

export async function applyOpenRoles(ctx: ApplyContext): Promise<void> {
  const updates: RoleUpdate[] = [];
  const inserts: RoleInsert[] = [];
  for (const { value } of ctx.doc.openRoles) {
    const change = planRole(ctx, value);
    if (!change) ctx.tally.add('unchanged', 'openRoles');
    else if ('update' in change) {
      updates.push(change.update);
      ctx.tally.add('updated', 'openRoles');
    } else {
      inserts.push(change.insert);
      ctx.tally.add('created', 'openRoles');
    }
  }
  await updateRows(ctx.tx, openRoleTable, ['status', 'closedOn'], updates);
  await insertRows(
    ctx.tx,
    openRoleTable,
    ['unitId', 'seat', 'status', 'openedOn', 'closedOn'],
    inserts,
  );
}
