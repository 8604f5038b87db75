import type { Seat } from '../../db/tables.js';
import { readyCandidates, seatCoverage } from '../coverage/seat.js';
import { type SeatRef, seatsHeldBy } from '../org/lookup.js';
import type { OrgState } from '../org/state.js';
import { compareUnits } from '../org/subtree.js';

/** One seat of the chain of moves a departure would set off. */
export interface VacancyStep {
  /** 0 for the departing person's own seats; n + 1 for seats left by a depth-n successor. */
  depth: number;
  unitId: number;
  seat: Seat;
  /** Who leaves the seat. */
  vacatedById: number;
  /** The best ready candidate still free to move, or null when there is none. */
  successorId: number | null;
}

/**
 * If the best ready candidate (READY_NOW before READY_SOON, then by name and email) filled
 * each vacated seat, which seats would they leave empty in turn: breadth first, so steps come
 * by depth. A successor leaves every seat they held. No loops: a person moves at most once
 * (the departing person never), and a seat is vacated at most once.
 *
 * `after` is the org once the departure is recorded (`src/impact/evaluate.ts`).
 */
export function vacancyChain(
  after: OrgState,
  departingId: number,
  seats: SeatRef[],
): VacancyStep[] {
  const moved = new Set([departingId]);
  const vacated = new Set(seats.map(seatId));
  const pending = seats.map((s) => ({ ...s, depth: 0, vacatedById: departingId }));
  const steps: VacancyStep[] = [];
  for (let next = pending.shift(); next; next = pending.shift()) {
    const successorId =
      readyCandidates(seatCoverage(after, next.unitId, next.seat)).find((id) => !moved.has(id)) ??
      null;
    steps.push({ ...next, successorId });
    if (successorId === null) continue;
    moved.add(successorId);
    for (const left of sortedSeats(after, seatsHeldBy(after, successorId))) {
      if (vacated.has(seatId(left))) continue;
      vacated.add(seatId(left));
      pending.push({ ...left, depth: next.depth + 1, vacatedById: successorId });
    }
  }
  return steps;
}

function seatId(s: SeatRef): string {
  return `${s.unitId}:${s.seat}`;
}

/** Units Pillars first, then by slug; Eng Lead before Tech Lead. */
export function sortedSeats(state: OrgState, seats: SeatRef[]): SeatRef[] {
  const unitOf = (s: SeatRef) => state.unitsById.get(s.unitId);
  return [...seats].sort((a, b) => {
    const ua = unitOf(a);
    const ub = unitOf(b);
    const byUnit = ua && ub ? compareUnits(ua, ub) : a.unitId - b.unitId;
    return byUnit || (a.seat === b.seat ? 0 : a.seat === 'ENG_LEAD' ? -1 : 1);
  });
}
