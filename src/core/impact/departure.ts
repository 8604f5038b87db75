import type { Seat } from '../../db/tables.js';
import { readyCandidates, seatCoverage } from '../coverage/seat.js';
import { isPresentOn } from '../org/as-of.js';
import { byPersonName, reportsOf, seatsHeldBy } from '../org/lookup.js';
import type { OrgState } from '../org/state.js';
import type { OrgDiff } from './org-diff.js';
import { sortedSeats, type VacancyStep, vacancyChain } from './vacancy-chain.js';

export interface SeatVacancy {
  unitId: number;
  seat: Seat;
  /** READY_NOW first, then READY_SOON, each by name then email; never the departing person. */
  readyCandidateIds: number[];
  /** How many of them, first, are READY_NOW (the rest are READY_SOON). */
  readyNowCount: number;
}

/** What one person's departure would do (SPEC §2 "Departure impact"), lists in stable order. */
export interface DepartureImpact extends OrgDiff {
  personId: number;
  /** Units Pillars first, then by slug; Eng Lead before Tech Lead. */
  vacatedSeats: SeatVacancy[];
  /** AoRs whose primary owner they are, by AoR slug. */
  unownedAorIds: number[];
  /**
   * AoRs where they are the only backup owner, by AoR slug. An AoR they own as primary is
   * in `unownedAorIds` instead: its backups stay, so it does not lose one.
   */
  aorsWithoutBackupIds: number[];
  /** Their direct reports, by name then email. */
  orphanedReportIds: number[];
  vacancyChain: VacancyStep[];
}

/**
 * Computed without changing anything: the org with and without the person, compared.
 * `after` is the org on the same day once their departure is recorded (a planning scenario
 * of one departure: `src/scenarios/evaluate.ts`), and `diff` that scenario's comparison.
 */
export function departureImpact(
  state: OrgState,
  after: OrgState,
  diff: OrgDiff,
  personId: number,
): DepartureImpact {
  const seats = sortedSeats(state, seatsHeldBy(state, personId));
  return {
    personId,
    vacatedSeats: seats.map(({ unitId, seat }) => {
      const coverage = seatCoverage(after, unitId, seat);
      return {
        unitId,
        seat,
        readyCandidateIds: readyCandidates(coverage),
        readyNowCount: coverage.readyNow.length,
      };
    }),
    unownedAorIds: state.aors.filter((a) => a.primaryOwnerId === personId).map((a) => a.id),
    aorsWithoutBackupIds: state.aors
      .filter((a) => a.backupOwnerIds.length === 1 && a.backupOwnerIds[0] === personId)
      .map((a) => a.id),
    // Someone gone by then leaves no one without a manager who was not already.
    orphanedReportIds: isPresentOn(state.people.get(personId) ?? { departedOn: null }, state.asOf)
      ? reportsOf(state, personId)
          .map((p) => p.id)
          .sort(byPersonName(state))
      : [],
    ...diff,
    vacancyChain: vacancyChain(after, personId, seats),
  };
}
