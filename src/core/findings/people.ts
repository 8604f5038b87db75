import { candidatesFor, personName, type SeatRef, seatHolders, seatLabel } from '../org/lookup.js';
import { type OrgState, SEATS, type UnitState } from '../org/state.js';
import { compareUnits } from '../org/subtree.js';
import type { Finding } from './types.js';

/**
 * The per-person kinds, over the whole org: one finding per person, placed on the
 * highest-layer unit involved (first by slug on a tie), listing every unit involved. With
 * `only`, the findings of those people alone.
 */
export function personFindings(state: OrgState, only?: ReadonlySet<number>): Finding[] {
  const wanted = (personId: number) => !only || only.has(personId);
  return [...multiSeatHolders(state, wanted), ...successorConcentration(state, wanted)];
}

/** Holding both seats of one unit counts once: only distinct units matter. */
function multiSeatHolders(state: OrgState, wanted: (personId: number) => boolean): Finding[] {
  const found: Finding[] = [];
  for (const [personId, seats] of seatHolders(state)) {
    if (!wanted(personId)) continue;
    const units = unitsOf(state, seats);
    const [top] = units;
    if (!top || units.length < 2) continue;
    found.push({
      kind: 'MULTI_SEAT_HOLDER',
      severity: 'HIGH',
      unitId: top.id,
      seat: null,
      personIds: [personId],
      unitIds: units.map((u) => u.id),
      message: `${personName(state, personId)} holds leadership seats in ${units.length} units (${names(units)}): one departure would empty all of them.`,
    });
  }
  return found;
}

/**
 * Seats, held or empty, whose only READY_NOW or READY_SOON candidate is one person. Each
 * seat counts, so being the only ready successor for both seats of one unit is concentration.
 */
function successorConcentration(state: OrgState, wanted: (personId: number) => boolean): Finding[] {
  const soleFor = new Map<number, SeatRef[]>();
  for (const unit of state.units) {
    for (const seat of SEATS) {
      const ready = candidatesFor(state, unit.id, seat).filter(
        (c) => c.readiness !== 'READY_LATER',
      );
      const [only] = ready;
      if (!only || ready.length > 1) continue;
      soleFor.set(only.personId, [
        ...(soleFor.get(only.personId) ?? []),
        { unitId: unit.id, seat },
      ]);
    }
  }
  const found: Finding[] = [];
  for (const [personId, seats] of soleFor) {
    if (!wanted(personId)) continue;
    const units = unitsOf(state, seats);
    const [top] = units;
    if (!top || seats.length < 2) continue;
    const seatNames = sortSeats(state, seats).map(
      (s) => `${seatLabel(s.seat)} of ${state.unitsById.get(s.unitId)?.name}`,
    );
    found.push({
      kind: 'SUCCESSOR_CONCENTRATION',
      severity: 'MEDIUM',
      unitId: top.id,
      seat: null,
      personIds: [personId],
      unitIds: units.map((u) => u.id),
      message: `${personName(state, personId)} is the only ready successor for ${seats.length} seats (${seatNames.join(', ')}).`,
    });
  }
  return found;
}

/** The distinct units of some seats, highest layer first, then by slug. */
function unitsOf(state: OrgState, seats: SeatRef[]): UnitState[] {
  const units = new Set(seats.flatMap((s) => state.unitsById.get(s.unitId) ?? []));
  return [...units].sort(compareUnits);
}

function sortSeats(state: OrgState, seats: SeatRef[]): SeatRef[] {
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
