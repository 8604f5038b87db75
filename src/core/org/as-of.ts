import type {
  AorOwnershipRow,
  AorRow,
  CandidateRow,
  MembershipRow,
  Seat,
  UnitParentRow,
  UnitRow,
} from '../../db/tables.js';
import { groupBy } from '../collections.js';
import { inForceOn, latestInForce } from './in-force.js';
import { aorExistsOn, aorUnitsOn, managersOn, parentsOn, unitExistsOn } from './lines.js';
import { seatKey, seatsOn } from './seats-on.js';
import {
  type AorState,
  type CandidateState,
  type Day,
  type OrgHistory,
  type OrgState,
  type PersonState,
  SEATS,
  type SeatState,
  type UnitState,
} from './state.js';

/**
 * The org as it stood on `asOf`: every history row filtered to what was in force that day.
 * People are all kept (a directory for names), whatever their dates: only their managers,
 * seats, ownerships, candidacies and memberships are dated.
 */
export function orgStateOn(history: OrgHistory, asOf: Day): OrgState {
  const { units, unitsById, childrenOf } = hierarchyOn(history.units, history.unitParents, asOf);
  const managers = managersOn(history.reportingLines, asOf);
  const seats = seatsOn(history, units, asOf);
  return {
    asOf,
    units,
    unitsById,
    childrenOf,
    people: new Map(history.people.map((p) => [p.id, toPersonState(p, managers.get(p.id))])),
    seats,
    members: membersOn(history, unitsById, asOf),
    aors: aorsOn(history, unitsById, asOf),
    candidates: candidatesOn(history.candidates, seats, asOf),
  };
}

/** The units existing on `asOf`, in slug order, by id and under their parents that day. */
export function hierarchyOn(
  rows: readonly UnitRow[],
  parents: readonly UnitParentRow[],
  asOf: Day,
) {
  const parentOf = parentsOn(parents, asOf);
  const units = rows
    .filter((u) => unitExistsOn(u, asOf))
    .map((u) => toUnitState(u, parentOf.get(u.id) ?? null))
    .sort((a, b) => compareText(a.slug, b.slug));
  const unitsById = new Map(units.map((u) => [u.id, u]));
  return { units, unitsById, childrenOf: childrenByParent(units) };
}

function toUnitState(u: UnitRow, parentId: number | null): UnitState {
  const { id, slug, name, layer, createdOn } = u;
  return { id, slug, name, layer, parentId, createdOn };
}

/** A person as a state holds them, with their manager on the state's day. */
export function toPersonState(
  p: OrgHistory['people'][number],
  managerId: number | undefined,
): PersonState {
  return {
    id: p.id,
    email: p.email,
    name: p.name,
    managerId: managerId ?? null,
    departedOn: p.departedOn,
  };
}

/**
 * Still in the org on `day`: no departure recorded, or one still to come (the departure day
 * is the first day gone). The one definition: reads, analyses and write rules all ask it.
 */
export function isPresentOn(person: { departedOn: Day | null }, day: Day): boolean {
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

function membersOn(history: OrgHistory, unitsById: Map<number, UnitState>, asOf: Day) {
  const byUnit = groupBy(
    history.memberships.filter((row) => unitsById.has(row.unitId)),
    (row) => row.unitId,
  );
  const members = new Map<number, number[]>();
  for (const [unitId, rows] of byUnit) {
    const now = unitMembersOn(rows, asOf);
    if (now.length > 0) members.set(unitId, now);
  }
  return members;
}

/** The members of one unit on `asOf`, from that unit's membership rows alone. */
export function unitMembersOn(rows: readonly MembershipRow[], asOf: Day): number[] {
  const members = new Set(rows.filter((row) => inForceOn(row, asOf)).map((row) => row.personId));
  return [...members].sort((a, b) => a - b);
}

/** The AoRs existing on `asOf` in a unit existing then, by slug, each in its unit of the day. */
function aorsOn(
  history: Pick<OrgHistory, 'aors' | 'aorUnits' | 'ownerships'>,
  unitsById: Map<number, UnitState>,
  asOf: Day,
): AorState[] {
  const byAor = groupBy(history.ownerships, (o) => o.aorId);
  const unitOf = aorUnitsOn(history.aorUnits, asOf);
  return history.aors
    .filter((a) => unitsById.has(unitOf.get(a.id) ?? 0) && aorExistsOn(a, asOf))
    .sort((a, b) => compareText(a.slug, b.slug))
    .map((aor) => aorStateOn(aor, unitOf.get(aor.id) as number, byAor.get(aor.id) ?? [], asOf));
}

/**
 * One AoR on `asOf` in `unitId` (its unit that day), from its ownership rows alone (those
 * not in force are skipped).
 */
export function aorStateOn(
  aor: AorRow,
  unitId: number,
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
    unitId,
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
  seats: ReadonlyMap<number, Record<Seat, SeatState>>,
  asOf: Day,
): CandidateState[] {
  return candidaciesIn(rows, seats, asOf).sort(compareCandidates);
}

/** The candidacies of `rows` in force, the latest per person and seat, in no order. */
export function candidaciesIn(
  rows: readonly CandidateRow[],
  seats: ReadonlyMap<number, Record<Seat, SeatState>>,
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
