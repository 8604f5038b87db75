import type { Seat } from '../../db/tables.js';
import { daysBetween, laterDay } from '../org/days.js';
import type { Day, OrgState } from '../org/state.js';
import { keptWith } from '../org/state-index.js';
import type { Thresholds } from '../policy.js';
import { type SeatCoverage, seatCoverage } from './seat.js';

export const COVERAGE_STATUSES = [
  'STAFFED',
  'TECH_LEAD_MANAGER',
  'MISSING_ENG_LEAD',
  'VACANT',
] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/** Leadership coverage of one unit on the state's day (SPEC §2 "Coverage of one unit"). */
export interface UnitCoverage {
  unitId: number;
  /** The day it is for (the state's): what its nested answers, the seats' holders, are about. */
  day: Day;
  status: CoverageStatus;
  healthy: boolean;
  /** Current members not counting the Eng Lead (the Tech Lead counts). */
  engineerCount: number;
  /** A Team in TECH_LEAD_MANAGER with `tlmEngineers` engineers or more. */
  tlmBeyondThreshold: boolean;
  /**
   * A seat without a (separate) holder has an OPEN role: the Eng Lead seat when empty, the
   * Tech Lead seat when empty or held by the Eng Lead.
   */
  hiring: boolean;
  /** In TECH_LEAD_MANAGER: since when, by SPEC §2 (see `tlmSinceOf`); otherwise null. */
  tlmSince: Day | null;
  /** Days from `tlmSince` to the state's day; null when not a TLM. */
  tlmDays: number | null;
  seats: Record<Seat, SeatCoverage>;
}

/** The status alone: cheap enough to call for every unit of a big org. */
export function coverageStatus(state: OrgState, unitId: number): CoverageStatus {
  const seats = state.seats.get(unitId);
  const engLead = seats?.ENG_LEAD.holder?.personId ?? null;
  const techLead = seats?.TECH_LEAD.holder?.personId ?? null;
  const separateTechLead = techLead !== null && techLead !== engLead;
  if (engLead !== null) return separateTechLead ? 'STAFFED' : 'TECH_LEAD_MANAGER';
  return techLead !== null ? 'MISSING_ENG_LEAD' : 'VACANT';
}

export function engineerCount(state: OrgState, unitId: number): number {
  const engLead = state.seats.get(unitId)?.ENG_LEAD.holder?.personId;
  return (state.members.get(unitId) ?? []).filter((id) => id !== engLead).length;
}

// A state is never changed once built and is shared by every request of its org version and
// day, so each unit's coverage is worked out once per (version, day, thresholds) and read
// by every field, request and analysis after that.
const coverageByUnit = keptWith(
  (_state: OrgState, _thresholds: Thresholds) => new Map<number, UnitCoverage>(),
);

/**
 * Throws for a unit not in the state (unknown, or archived on its day): callers resolve
 * units from the same state.
 */
export function unitCoverage(
  state: OrgState,
  unitId: number,
  thresholds: Thresholds,
): UnitCoverage {
  const byUnit = coverageByUnit(state, thresholds);
  let coverage = byUnit.get(unitId);
  if (!coverage) {
    coverage = coverageOf(state, unitId, thresholds);
    byUnit.set(unitId, coverage);
  }
  return coverage;
}

function coverageOf(state: OrgState, unitId: number, thresholds: Thresholds): UnitCoverage {
  const unit = state.unitsById.get(unitId);
  if (!unit) throw new Error(`unit #${unitId} is not in the org on ${state.asOf}`);
  const status = coverageStatus(state, unitId);
  const engineers = engineerCount(state, unitId);
  const tlmTeam = unit.layer === 'TEAM' && status === 'TECH_LEAD_MANAGER';
  const tlmSince = status === 'TECH_LEAD_MANAGER' ? tlmSinceOf(state, unitId) : null;
  let seats: Record<Seat, SeatCoverage> | undefined;
  return {
    unitId,
    day: state.asOf,
    status,
    healthy: status === 'STAFFED' || (tlmTeam && engineers < thresholds.tlmEngineers),
    engineerCount: engineers,
    tlmBeyondThreshold: tlmTeam && engineers >= thresholds.tlmEngineers,
    hiring: isHiring(state, unitId, status),
    tlmSince,
    tlmDays: tlmSince === null ? null : daysBetween(tlmSince, state.asOf),
    // Seats (holders, tenure, candidates) are worked out on first read: a dashboard of
    // 2,000 teams asking only for status and health never pays for them.
    get seats() {
      seats ??= {
        ENG_LEAD: seatCoverage(state, unitId, 'ENG_LEAD'),
        TECH_LEAD: seatCoverage(state, unitId, 'TECH_LEAD'),
      };
      return seats;
    },
  };
}

function isHiring(state: OrgState, unitId: number, status: CoverageStatus): boolean {
  const seats = state.seats.get(unitId);
  const noEngLead = status === 'MISSING_ENG_LEAD' || status === 'VACANT';
  const noSeparateTechLead = status === 'TECH_LEAD_MANAGER' || status === 'VACANT';
  return (
    (noEngLead && (seats?.ENG_LEAD.openRole ?? false)) ||
    (noSeparateTechLead && (seats?.TECH_LEAD.openRole ?? false))
  );
}

/**
 * When the current TLM began, by SPEC §2's formula to the letter: the later of the Eng
 * Lead's start and the last separate Tech Lead's end (that Tech Lead's `endedOn`). A unit
 * that was a TLM from day one counts from the Eng Lead's start: the first day of their
 * unbroken run in the seat, so an acting Eng Lead confirmed does not start the count again.
 */
function tlmSinceOf(state: OrgState, unitId: number): Day | null {
  const seats = state.seats.get(unitId);
  const engLeadSince = seats?.ENG_LEAD.holderSince;
  if (!seats || !engLeadSince) return null;
  const lastTechLeadEnd = seats.TECH_LEAD.lastSeparateEndedOn;
  return lastTechLeadEnd === null ? engLeadSince : laterDay(engLeadSince, lastTechLeadEnd);
}
