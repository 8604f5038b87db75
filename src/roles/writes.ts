import { laterDay } from '../core/org/days.js';
import { roleOpenFrom } from '../core/org/in-force.js';
import type { Day } from '../core/org/state.js';
import type { MembershipRow, OpenRoleRow, SeatAssignmentRow } from '../db/tables.js';
import { setTeam } from '../people/team-writes.js';
import { assignSeat } from '../seats/writes.js';
import { refuseErasingFrom } from '../writes/dated.js';
import { type Draft, seatKey } from '../writes/draft.js';
import { UserInputError } from '../writes/errors.js';
import { requireTeamUnit, requireUnit, requireUnitFrom, requireUnitOn } from '../writes/lookup.js';

type RoleSeat = OpenRoleRow['seat'];
type Status = OpenRoleRow['status'];

export interface OpenRoleInput {
  unit: string;
  seat: RoleSeat;
  openedOn?: Day | null;
}

export interface CloseRoleInput {
  /** The role's row id; null for an id that names no role. */
  id: number | null;
  /** Its first day no longer open (default: the write's day). */
  on?: Day | null;
  /** Who filled it: they take the seat, or join the team (ENGINEER roles). */
  person?: string | null;
}

export interface RoleChange {
  openRole: OpenRoleRow | null;
}

export interface Fill extends RoleChange {
  assignment: SeatAssignmentRow | null;
  membership: MembershipRow | null;
}

/** The seats a unit has one requisition at a time for; ENGINEER roles may be many. */
const SINGLE_SEATS: ReadonlySet<RoleSeat> = new Set(['ENG_LEAD', 'TECH_LEAD']);

/** Every role of a unit's seat, oldest first. */
export const rolesOf = (w: Draft, unitId: number, seat: RoleSeat) =>
  w.openRoles
    .where('seat', seatKey(unitId, seat))
    .sort((a, b) => (a.openedOn < b.openedOn ? -1 : a.openedOn > b.openedOn ? 1 : a.id - b.id));

/**
 * Opens a hiring requisition, not before the unit's creation. A second role for one unit's
 * seat open on a day the new one is open is a CONFLICT: OPEN, or filled or cancelled only
 * from a later day.
 */
export function openRole(w: Draft, input: OpenRoleInput): RoleChange {
  const openedOn = input.openedOn ?? w.today;
  const unit = requireUnitOn(w, input.unit, 'unit', openedOn, 'openedOn');
  // An engineer role is filled by putting someone on the team: a Team's alone.
  if (input.seat === 'ENGINEER') requireTeamUnit(unit, 'seat', 'engineers');
  const open = rolesOf(w, unit.id, input.seat).find((r) => roleOpenFrom(r, openedOn));
  if (open && SINGLE_SEATS.has(input.seat)) {
    const message = `${unit.slug} already has an open ${input.seat} role (opened on ${open.openedOn})`;
    throw UserInputError.of('seat', message, 'CONFLICT');
  }
  const openRole = w.openRoles.insert({
    unitId: unit.id,
    seat: input.seat,
    status: 'OPEN',
    openedOn,
    closedOn: null,
  });
  return { openRole };
}

/** A role open on `on` or later: OPEN, or its closing planned for a later day (brought forward). */
function requireOpenRole(w: Draft, id: number | null, on: Day): OpenRoleRow {
  const role = id === null ? undefined : w.openRoles.get(id);
  if (!role) throw UserInputError.of('id', 'no open role with this id', 'NOT_FOUND');
  if (!roleOpenFrom(role, on)) {
    throw UserInputError.of('id', `the role is ${role.status.toLowerCase()}, not open`, 'CONFLICT');
  }
  return role;
}

/**
 * Closes an OPEN role as FILLED or CANCELLED, `on` being its first day no longer open: not
 * before the unit's creation, nor before the role opened.
 */
function closeRole(w: Draft, input: CloseRoleInput, status: Status): RoleChange {
  const on = input.on ?? w.today;
  const role = requireOpenRole(w, input.id, on);
  const unit = w.units.get(role.unitId);
  if (unit) requireUnitFrom(unit, on, 'on');
  if (on < role.openedOn) {
    const message = `must not be before the role opened (${role.openedOn})`;
    throw UserInputError.of('on', message, 'VALIDATION');
  }
  // Closed the day it opened, a role opened on a past day would never have been open.
  refuseErasingFrom(role.openedOn, on, w.recordedUntil, 'on');
  return { openRole: w.openRoles.update(role, { status, closedOn: on }) };
}

export const cancelRole = (w: Draft, input: CloseRoleInput) => closeRole(w, input, 'CANCELLED');

/** Where the seat and team rules name their fields, fillRole names its own. */
const FILL_PATHS: Record<string, string> = {
  email: 'person',
  startedOn: 'on',
  team: 'id',
  unit: 'id',
};

/**
 * Fills a role and, given who filled it, puts them in place: the seat for a seat role (as
 * `assignSeat`), the team for an ENGINEER role (as `setTeam`).
 */
export function fillRole(w: Draft, input: CloseRoleInput): Fill {
  const { openRole } = closeRole(w, input, 'FILLED');
  const none = { openRole, assignment: null, membership: null };
  if (!openRole || !input.person) return none;
  const on = input.on ?? w.today;
  const slug = w.units.get(openRole.unitId)?.slug ?? '';
  try {
    if (openRole.seat === 'ENGINEER') {
      const { membership } = setTeam(w, { email: input.person, team: slug, on });
      return { ...none, membership };
    }
    // A requisition filled is a permanent hire: the seat's acting holder filling it is
    // confirmed from `on` (a CONFIRMED change), not left acting.
    const seat = { unit: slug, seat: openRole.seat, person: input.person, startedOn: on };
    return { ...none, assignment: assignSeat(w, { ...seat, acting: false }).assignment };
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    throw error.located((path) => (path && FILL_PATHS[path]) ?? path);
  }
}

/**
 * Whether a role is already as an entry states it: OPEN while it is open today (even one
 * filled from a later day), else in that status.
 */
export const states = (role: OpenRoleRow, status: Status, today: Day): boolean =>
  status === 'OPEN' ? roleOpenFrom(role, today) : role.status === status;

export interface SaveRoleInput {
  unit: string;
  seat: RoleSeat;
  status?: Status | null;
  /** When given, it picks which role of the seat is meant. */
  openedOn?: Day | null;
}

/**
 * A role an entry names by its `openedOn` was filled or cancelled: reopening it would rewrite
 * its history, and a new role of that day would overlap it. A new role has a day of its own.
 */
function refuseReopening(slug: string, role: OpenRoleRow): never {
  const message = `${closedRole(slug, role)}; a document does not reopen a closed role (leave out openedOn to open a new one)`;
  throw UserInputError.of('openedOn', message, 'CONFLICT');
}

/** A filled role is not made cancelled, nor a cancelled one filled: as `cancelRole` refuses. */
function refuseRestating(slug: string, role: OpenRoleRow): never {
  const message = `${closedRole(slug, role)}; its status is history (open a new role for a new need)`;
  throw UserInputError.of('status', message, 'CONFLICT');
}

const closedRole = (slug: string, role: OpenRoleRow) =>
  `the ${role.seat} role of "${slug}" opened on ${role.openedOn} was ${role.status.toLowerCase()}${role.closedOn ? ` on ${role.closedOn}` : ''}`;

/**
 * An import's role entry, matched against the latest role of its unit's seat (of its
 * `openedOn` when given): in that status already, nothing; OPEN, a new role (a closed role
 * of its `openedOn` is not reopened: CONFLICT); FILLED or CANCELLED, the open role closes on
 * the day of the import (a role closed otherwise keeps its status: CONFLICT, as `cancelRole`
 * refuses a filled role); none at all, a new role in that status. Roles in `taken` were
 * matched by the document's other entries: an ENGINEER seat has as many roles as entries.
 */
export function saveRole(
  w: Draft,
  input: SaveRoleInput,
  taken: ReadonlySet<number> = new Set(),
): RoleChange {
  const unit = requireUnit(w, input.unit, 'unit');
  const status = input.status ?? 'OPEN';
  const roles = rolesOf(w, unit.id, input.seat).filter(
    (r) => !taken.has(r.id) && (!input.openedOn || r.openedOn === input.openedOn),
  );
  const latest = roles.at(-1);
  const open = roles.findLast((r) => r.status === 'OPEN');
  const openToday = status === 'OPEN' ? roles.findLast((r) => states(r, status, w.today)) : null;
  if ((latest && states(latest, status, w.today)) || openToday) {
    w.keep('openRoles');
    // The role the entry matched (an import's next entries match others).
    return { openRole: (status === 'OPEN' ? openToday : latest) ?? null };
  }
  if (status === 'OPEN' && input.openedOn && latest) refuseReopening(unit.slug, latest);
  if (status === 'OPEN') return openRole(w, input);
  const closing = (role: OpenRoleRow) => laterDay(role.openedOn, w.today);
  if (open) return closeRole(w, { id: open.id, on: closing(open) }, status);
  if (latest) refuseRestating(unit.slug, latest);
  const { openRole: opened } = openRole(w, input);
  return { openRole: opened && w.openRoles.update(opened, { status, closedOn: closing(opened) }) };
}
