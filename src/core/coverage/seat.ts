import type { Readiness, Seat } from '../../db/tables.js';
import { addDays, daysBetween, isRecordedDay } from '../org/days.js';
import { byPersonName, candidatesFor } from '../org/lookup.js';
import type { Day, OrgState } from '../org/state.js';

/** One seat of one unit on the state's day: who holds it, since when, and who could follow. */
export interface SeatCoverage {
  unitId: number;
  seat: Seat;
  holderId: number | null;
  acting: boolean;
  /** The first day of the holder's unbroken run in the seat (`holderSince`). */
  heldSince: Day | null;
  /** Days from `heldSince` to the state's day (0 on the first day). */
  tenureDays: number | null;
  /**
   * For an empty seat, the first day without a holder: the day after the last holder's end,
   * the Eng Lead's own stint in the Tech Lead seat too (churn's vacancies count it so); never
   * held, the unit's creation day, as churn's vacancy begins. Null when held, and when never
   * held in a unit there before anything recorded (no day is known).
   */
  vacantSince: Day | null;
  /** An `OPEN` role for this seat is in force. */
  openRole: boolean;
  /** Candidate person ids by readiness, each list by name then email. */
  readyNow: number[];
  readySoon: number[];
  readyLater: number[];
}

export function seatCoverage(state: OrgState, unitId: number, seat: Seat): SeatCoverage {
  const seatState = state.seats.get(unitId)?.[seat];
  if (!seatState) throw new Error(`unit #${unitId} is not in the org on ${state.asOf}`);
  const { holder, holderSince, lastEndedOn } = seatState;
  const candidates = candidatesFor(state, unitId, seat);
  const ready = (readiness: Readiness) =>
    candidates
      .filter((c) => c.readiness === readiness)
      .map((c) => c.personId)
      .sort(byPersonName(state));
  return {
    unitId,
    seat,
    holderId: holder?.personId ?? null,
    acting: holder?.acting ?? false,
    // An acting holder confirmed (or a holding restated) is in the seat since their first day.
    heldSince: holderSince,
    tenureDays: holderSince ? daysBetween(holderSince, state.asOf) : null,
    vacantSince: holder ? null : lastEndedOn ? addDays(lastEndedOn, 1) : createdDay(state, unitId),
    openRole: seatState.openRole,
    readyNow: ready('READY_NOW'),
    readySoon: ready('READY_SOON'),
    readyLater: ready('READY_LATER'),
  };
}

/** The day a unit was created, if one was recorded (not "before anything recorded"). */
function createdDay(state: OrgState, unitId: number): Day | null {
  const createdOn = state.unitsById.get(unitId)?.createdOn;
  return createdOn && isRecordedDay(createdOn) ? createdOn : null;
}

/** Held seats count for bench strength and NO_SUCCESSOR, a Tech Lead seat held by the Eng Lead too. */
export function isHeld(seat: SeatCoverage): boolean {
  return seat.holderId !== null;
}

/** READY_NOW first, then READY_SOON: the people who could step in within about two years. */
export function readyCandidates(seat: SeatCoverage): number[] {
  return [...seat.readyNow, ...seat.readySoon];
}
