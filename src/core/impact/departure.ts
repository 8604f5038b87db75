import type { Seat } from '../../db/tables.js';
import type { Thresholds } from '../../server/config.js';
import { type CoverageStatus, coverageStatus } from '../coverage/coverage.js';
import { readyCandidates, seatCoverage } from '../coverage/seat.js';
import { type Finding, findingKey, findingsFor } from '../findings/findings.js';
import { byPersonName, reportsOf, seatsHeldBy } from '../org/lookup.js';
import type { OrgState } from '../org/state.js';
import { inLayerOrder } from '../org/subtree.js';
import { sortedSeats, type VacancyStep, vacancyChain } from './vacancy-chain.js';
import { withoutPerson } from './without-person.js';

export interface SeatVacancy {
  unitId: number;
  seat: Seat;
  /** READY_NOW first, then READY_SOON, each by name then email; never the departing person. */
  readyCandidateIds: number[];
}

export interface CoverageChange {
  unitId: number;
  from: CoverageStatus;
  to: CoverageStatus;
}

/** What one person's departure would do (SPEC §2 "Departure impact"), lists in stable order. */
export interface DepartureImpact {
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
  /** Units whose coverage status would change, Pillars first, then by slug. */
  coverageChanges: CoverageChange[];
  /** Findings of the whole org that would appear / disappear, diffed by `findingKey`. */
  newFindings: Finding[];
  resolvedFindings: Finding[];
  vacancyChain: VacancyStep[];
}

/** Computed without changing anything: the org with and without the person, compared. */
export function departureImpact(
  state: OrgState,
  personId: number,
  thresholds: Thresholds,
): DepartureImpact {
  const after = withoutPerson(state, personId);
  const seats = sortedSeats(state, seatsHeldBy(state, personId));
  return {
    personId,
    vacatedSeats: seats.map(({ unitId, seat }) => ({
      unitId,
      seat,
      readyCandidateIds: readyCandidates(seatCoverage(after, unitId, seat)),
    })),
    unownedAorIds: state.aors.filter((a) => a.primaryOwnerId === personId).map((a) => a.id),
    aorsWithoutBackupIds: state.aors
      .filter((a) => a.backupOwnerIds.length === 1 && a.backupOwnerIds[0] === personId)
      .map((a) => a.id),
    orphanedReportIds: reportsOf(state, personId)
      .map((p) => p.id)
      .sort(byPersonName(state)),
    coverageChanges: coverageChanges(state, after),
    ...findingChanges(state, after, thresholds),
    vacancyChain: vacancyChain(after, personId, seats),
  };
}

function coverageChanges(before: OrgState, after: OrgState): CoverageChange[] {
  return inLayerOrder(before.units).flatMap((unit) => {
    const from = coverageStatus(before, unit.id);
    const to = coverageStatus(after, unit.id);
    return from === to ? [] : [{ unitId: unit.id, from, to }];
  });
}

function findingChanges(before: OrgState, after: OrgState, thresholds: Thresholds) {
  const was = findingsFor(before, null, thresholds);
  const will = findingsFor(after, null, thresholds);
  const wasKeys = new Set(was.map(findingKey));
  const willKeys = new Set(will.map(findingKey));
  return {
    newFindings: will.filter((f) => !wasKeys.has(findingKey(f))),
    resolvedFindings: was.filter((f) => !willKeys.has(findingKey(f))),
  };
}
