import type {
  AorOwnershipRow,
  AorRow,
  CandidateRow,
  MembershipRow,
  OpenRoleRow,
  Seat,
  SeatAssignmentRow,
  UnitRow,
} from '../../db/tables.js';
import { groupBy } from '../collections.js';
import {
  type AorState,
  type CandidateState,
  type Day,
  type Holding,
  type OrgHistory,
  type OrgState,
  type PersonState,
  SEATS,
  type SeatState,
  type UnitState,
} from './state.js';

interface Dated {
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
  if (role.openedOn > day) return false;
  return role.closedOn === null ? role.status === 'OPEN' : role.closedOn > day;
}

/**
 * The org as it stood on `asOf`: every history row filtered to what was in force that day.
 * People are all kept (a directory for names), whatever their dates: only their seats,
 * ownerships, candidacies and memberships are dated.
 */
export function orgStateOn(history: OrgHistory, asOf: Day): OrgState {
  const { units, unitsById, childrenOf } = hierarchyOn(history.units, asOf);
  const seats = seatsOn(history, units, asOf);
  return {
    asOf,
    units,
    unitsById,
    childrenOf,
    people: new Map(history.people.map((p) => [p.id, toPersonState(p)])),
    seats,
    members: membersOn(history, unitsById, asOf),
    aors: aorsOn(history.aors, history.ownerships, unitsById, asOf),
    candidates: candidatesOn(history.candidates, seats, asOf),
  };
}

/** The units not archived on `asOf`, in slug order, by id and under their parents. */
export function hierarchyOn(rows: readonly UnitRow[], asOf: Day) {
  const units = rows
    .filter((u) => u.archivedOn === null || u.archivedOn > asOf)
    .map(toUnitState)
    .sort((a, b) => compareText(a.slug, b.slug));
  const unitsById = new Map(units.map((u) => [u.id, u]));
  return { units, unitsById, childrenOf: childrenByParent(units) };
}

function toUnitState(u: UnitRow): UnitState {
  return { id: u.id, slug: u.slug, name: u.name, layer: u.layer, parentId: u.parentId };
}

export function toPersonState(p: OrgHistory['people'][number]): PersonState {
  return {
    id: p.id,
    email: p.email,
    name: p.name,
    managerId: p.managerId,
    departedOn: p.departedOn,
  };
}

/** Still in the org on `day`: no departure recorded, or one still to come. */
export function isPresentOn(person: PersonState, day: Day): boolean {
  return person.departedOn === null || person.departedOn > day;
}

/** Plain code-point order, so results never depend on the server's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function childrenByParent(units: UnitState[]): Map<number | null, UnitState[]> {
  const children = new Map<number | null, UnitState[]>();
  // `units` is already in slug order, so every child list is too.
  for (const unit of units) {
    const list = children.get(unit.parentId);
    if (list) list.push(unit);
    else children.set(unit.parentId, [unit]);
  }
  return children;
}

function seatKey(unitId: number, seat: string): string {
  return `${unitId}:${seat}`;
}

/**
 * The row in force on `day`. The database allows one open-ended row per seat, but a closed
 * row may overlap the next one on its last day: the most recently started row wins.
 */
function latestInForce<T extends Dated & { id: number }>(rows: readonly T[], day: Day): T | null {
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

function seatsOn(
  history: OrgHistory,
  units: UnitState[],
  asOf: Day,
): Map<number, Record<Seat, SeatState>> {
  const assignments = groupBy(history.seatAssignments, (a) => seatKey(a.unitId, a.seat));
  const roles = groupBy(history.openRoles, (r) => seatKey(r.unitId, r.seat));
  const seats = new Map<number, Record<Seat, SeatState>>();
  for (const unit of units) {
    const rows: SeatRows = {
      assignments: (seat) => assignments.get(seatKey(unit.id, seat)) ?? [],
      roles: (seat) => roles.get(seatKey(unit.id, seat)) ?? [],
    };
    seats.set(unit.id, unitSeatsOn(rows, asOf));
  }
  return seats;
}

/** The history rows of one unit's seats. */
export interface SeatRows {
  assignments(seat: Seat): readonly SeatAssignmentRow[];
  roles(seat: Seat): readonly OpenRoleRow[];
}

/** Both seats of one unit on `asOf`, from that unit's rows alone. */
export function unitSeatsOn(rows: SeatRows, asOf: Day): Record<Seat, SeatState> {
  const engLead = latestInForce(rows.assignments('ENG_LEAD'), asOf);
  const stateOf = (seat: Seat): SeatState => {
    const assignments = rows.assignments(seat);
    return {
      holder: toHolding(latestInForce(assignments, asOf)),
      lastSeparateEndedOn: lastSeparateEnd(assignments, engLead?.personId ?? null, asOf),
      openRole: rows.roles(seat).some((r) => roleOpenOn(r, asOf)),
    };
  };
  return { ENG_LEAD: stateOf('ENG_LEAD'), TECH_LEAD: stateOf('TECH_LEAD') };
}

function toHolding(row: SeatAssignmentRow | null): Holding | null {
  return row && { personId: row.personId, startedOn: row.startedOn, acting: row.acting };
}

/**
 * The last day of the latest assignment that ended before `asOf`, skipping the current Eng
 * Lead's own stints: when the Eng Lead held the Tech Lead seat for a while, the team was a
 * TLM throughout, so only a separate Tech Lead's end marks when the TLM began. Rows replaced
 * before they began (ended the day before their start) were never held and do not count.
 */
function lastSeparateEnd(rows: readonly SeatAssignmentRow[], engLeadId: number | null, asOf: Day) {
  let last: Day | null = null;
  for (const row of rows) {
    if (row.endedOn === null || row.endedOn >= asOf || row.personId === engLeadId) continue;
    if (row.endedOn < row.startedOn) continue;
    if (last === null || row.endedOn > last) last = row.endedOn;
  }
  return last;
}

function membersOn(history: OrgHistory, unitsById: Map<number, UnitState>, asOf: Day) {
  const members = new Map<number, number[]>();
  for (const row of history.memberships) {
    if (!unitsById.has(row.unitId) || !inForceOn(row, asOf)) continue;
    const list = members.get(row.unitId) ?? [];
    if (!list.includes(row.personId)) list.push(row.personId);
    members.set(row.unitId, list);
  }
  for (const list of members.values()) list.sort((a, b) => a - b);
  return members;
}

/** The members of one unit on `asOf`, from that unit's membership rows alone. */
export function unitMembersOn(rows: readonly MembershipRow[], asOf: Day): number[] {
  const members = new Set(rows.filter((row) => inForceOn(row, asOf)).map((row) => row.personId));
  return [...members].sort((a, b) => a - b);
}

function aorsOn(
  aors: AorRow[],
  ownerships: AorOwnershipRow[],
  unitsById: Map<number, UnitState>,
  asOf: Day,
): AorState[] {
  const byAor = groupBy(
    ownerships.filter((o) => inForceOn(o, asOf)),
    (o) => o.aorId,
  );
  return aors
    .filter((a) => unitsById.has(a.unitId) && (a.retiredOn === null || a.retiredOn > asOf))
    .sort((a, b) => compareText(a.slug, b.slug))
    .map((aor) => aorStateOn(aor, byAor.get(aor.id) ?? [], asOf));
}

/** One AoR on `asOf`, from its ownership rows alone (those not in force are skipped). */
export function aorStateOn(
  aor: AorRow,
  ownerships: readonly AorOwnershipRow[],
  asOf: Day,
): AorState {
  const rows = ownerships.filter((o) => inForceOn(o, asOf));
  const primary = latestInForce(
    rows.filter((r) => r.role === 'PRIMARY'),
    asOf,
  );
  const primaryOwnerId = primary?.personId ?? null;
  const backups = new Set(
    rows.filter((r) => r.role === 'BACKUP' && r.personId !== primaryOwnerId).map((r) => r.personId),
  );
  return {
    id: aor.id,
    slug: aor.slug,
    name: aor.name,
    unitId: aor.unitId,
    criticality: aor.criticality,
    primaryOwnerId,
    backupOwnerIds: [...backups].sort((a, b) => a - b),
  };
}

/**
 * Candidacies in force for seats of live units. A holder is never a candidate for their
 * own seat (SPEC §1), so a candidacy left over from before they took it is dropped.
 */
function candidatesOn(
  rows: readonly CandidateRow[],
  seats: Map<number, Record<Seat, SeatState>>,
  asOf: Day,
): CandidateState[] {
  return candidaciesIn(rows, seats, asOf).sort(compareCandidates);
}

/** The candidacies of `rows` in force, the latest per person and seat, in no order. */
export function candidaciesIn(
  rows: readonly CandidateRow[],
  seats: Map<number, Record<Seat, SeatState>>,
  asOf: Day,
): CandidateState[] {
  const latest = new Map<string, CandidateRow>();
  for (const row of rows) {
    const seat = seats.get(row.unitId)?.[row.seat];
    if (!seat || seat.holder?.personId === row.personId || !inForceOn(row, asOf)) continue;
    const key = `${seatKey(row.unitId, row.seat)}:${row.personId}`;
    const seen = latest.get(key);
    if (!seen || row.startedOn > seen.startedOn) latest.set(key, row);
  }
  return [...latest.values()].map((r) => ({
    unitId: r.unitId,
    seat: r.seat,
    personId: r.personId,
    readiness: r.readiness,
  }));
}

/** A state's candidacies: by unit id, Eng Lead seat first, then by person id. */
export function compareCandidates(a: CandidateState, b: CandidateState): number {
  return (
    a.unitId - b.unitId || SEATS.indexOf(a.seat) - SEATS.indexOf(b.seat) || a.personId - b.personId
  );
}
