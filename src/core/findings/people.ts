import {
  candidaciesByPerson,
  candidaciesOf,
  candidatesFor,
  personName,
  type SeatRef,
  seatHolders,
  seatLabel,
  seatsHeldBy,
} from '../org/lookup.js';
import { type CandidateState, type OrgState, SEATS, type UnitState } from '../org/state.js';
import { compareUnits } from '../org/subtree.js';
import type { Finding, ScopeOptions } from './types.js';

/**
 * The per-person kinds, over the whole org: one finding per person, placed on the
 * highest-layer unit involved (first by slug on a tie), listing every unit involved. With
 * `only`, the findings of those people alone; with `candidaciesWithin`, successor
 * concentration counted over the seats of those units alone.
 */
export function personFindings(
  state: OrgState,
  only?: ReadonlySet<number> | null,
  { candidaciesWithin }: ScopeOptions = {},
): Finding[] {
  // A few people (a departure's) are looked up one by one; everyone, from the indexes.
  const holders = only ?? seatHolders(state).keys();
  const candidates = only ?? candidaciesByPerson(state).keys();
  return [
    ...[...holders].flatMap((personId) => multiSeatHolder(state, personId)),
    ...[...candidates].flatMap((personId) =>
      successorConcentration(state, personId, candidaciesWithin),
    ),
  ];
}

/** Holding both seats of one unit counts once: only distinct units matter. */
function multiSeatHolder(state: OrgState, personId: number): Finding[] {
  const units = unitsOf(state, seatsHeldBy(state, personId));
  const [top] = units;
  if (!top || units.length < 2) return [];
  return [
    {
      kind: 'MULTI_SEAT_HOLDER',
      severity: 'HIGH',
      unitId: top.id,
      seat: null,
      personIds: [personId],
      unitIds: units.map((u) => u.id),
      message: `${personName(state, personId)} holds leadership seats in ${units.length} units (${names(units)}): one departure would empty all of them.`,
    },
  ];
}

/**
 * Seats, held or empty, whose only READY_NOW or READY_SOON candidate is this person. Each
 * seat counts, so being the only ready successor for both seats of one unit is concentration.
 */
function successorConcentration(
  state: OrgState,
  personId: number,
  within?: ReadonlySet<number> | null,
): Finding[] {
  const seats = candidaciesOf(state, personId).filter(
    (c) =>
      (!within || within.has(c.unitId)) &&
      isReady(c) &&
      candidatesFor(state, c.unitId, c.seat).filter(isReady).length === 1,
  );
  const units = unitsOf(state, seats);
  const [top] = units;
  if (!top || seats.length < 2) return [];
  const seatNames = sortSeats(state, seats).map(
    (s) => `${seatLabel(s.seat)} of ${state.unitsById.get(s.unitId)?.name}`,
  );
  return [
    {
      kind: 'SUCCESSOR_CONCENTRATION',
      severity: 'MEDIUM',
      unitId: top.id,
      seat: null,
      personIds: [personId],
      unitIds: units.map((u) => u.id),
      message: `${personName(state, personId)} is the only ready successor for ${seats.length} seats (${seatNames.join(', ')}).`,
    },
  ];
}

function isReady(c: CandidateState): boolean {
  return c.readiness !== 'READY_LATER';
}

/** The distinct units of some seats, highest layer first, then by slug. */
function unitsOf(state: OrgState, seats: readonly SeatRef[]): UnitState[] {
  const units = new Set(seats.flatMap((s) => state.unitsById.get(s.unitId) ?? []));
  return [...units].sort(compareUnits);
}

function sortSeats(state: OrgState, seats: readonly SeatRef[]): SeatRef[] {
  const order = new Map(unitsOf(state, seats).map((u, i) => [u.id, i]));
  return [...seats].sort(
    (a, b) =>
      (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0) ||
      SEATS.indexOf(a.seat) - SEATS.indexOf(b.seat),
  );
}

function names(units: UnitState[]): string {
  return units.map((u) => u.name).join(', ');
}
