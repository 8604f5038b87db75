import type { Seat } from '../../db/tables.js';
import { type UnitCoverage, unitCoverage } from '../coverage/coverage.js';
import { isHeld, readyCandidates } from '../coverage/seat.js';
import { addDays } from '../org/days.js';
import { personName, seatLabel } from '../org/lookup.js';
import { type Day, type OrgState, SEATS, type UnitState } from '../org/state.js';
import type { Thresholds } from '../policy.js';
import { longActingTurns, unitHygiene } from './hygiene.js';
import type { Finding } from './types.js';

/**
 * The findings about one unit's seats: vacancies, TLM strain, missing successors and the
 * leadership hygiene of its holders.
 */
export function seatFindings(state: OrgState, unit: UnitState, thresholds: Thresholds): Finding[] {
  const coverage = unitCoverage(state, unit.id, thresholds);
  return [
    ...vacantSeats(state, unit, coverage),
    ...tlmStrain(state, unit, coverage, thresholds),
    ...noSuccessors(state, unit, coverage),
    ...unitHygiene(state, unit, thresholds),
  ];
}

/**
 * The days on which this unit's seat findings change with the days alone, its rows as they
 * stand on the state's day: a Team's TLM turning long-running, an acting holder turning
 * long-acting. A kind that counts days gives its day here too, so that a trend, which works
 * each point out from its neighbour by the rows that changed in between, sees it turn.
 */
export function seatFindingsTurnOn(
  state: OrgState,
  unit: UnitState,
  thresholds: Thresholds,
): Day[] {
  const turns = longActingTurns(state, unit, thresholds);
  if (unit.layer !== 'TEAM') return turns;
  const { tlmSince } = unitCoverage(state, unit.id, thresholds);
  return tlmSince ? [...turns, addDays(tlmSince, thresholds.longTlmDays + 1)] : turns;
}

function vacantSeats(state: OrgState, unit: UnitState, coverage: UnitCoverage): Finding[] {
  const found: Finding[] = [];
  const { ENG_LEAD: engLead, TECH_LEAD: techLead } = coverage.seats;
  if (!isHeld(engLead)) {
    found.push(
      vacancy(
        unit,
        'ENG_LEAD',
        engLead.openRole ? 'HIGH' : 'CRITICAL',
        'no Eng Lead',
        engLead.openRole,
      ),
    );
  }
  // A Team's Eng Lead covers its Tech Lead role (the TLM kinds weigh that); above Teams a
  // separate Tech Lead is expected, and a Team with a Tech Lead but no Eng Lead has only
  // its Eng Lead seat to fill.
  const noSeparateTechLead =
    coverage.status === 'VACANT' ||
    (coverage.status === 'TECH_LEAD_MANAGER' && unit.layer !== 'TEAM');
  if (noSeparateTechLead) {
    const what =
      techLead.holderId === null
        ? 'no Tech Lead'
        : `no separate Tech Lead (Eng Lead ${personName(state, techLead.holderId)} holds both seats)`;
    found.push(
      vacancy(unit, 'TECH_LEAD', techLead.openRole ? 'MEDIUM' : 'HIGH', what, techLead.openRole),
    );
  }
  return found;
}

function vacancy(
  unit: UnitState,
  seat: Seat,
  severity: Finding['severity'],
  what: string,
  openRole: boolean,
): Finding {
  return {
    kind: 'VACANT_SEAT',
    severity,
    unitId: unit.id,
    seat,
    personIds: [],
    unitIds: [unit.id],
    message: openRole
      ? `${unit.name} has ${what}; an open role is hiring for one.`
      : `${unit.name} has ${what} and no open role for one.`,
  };
}

function tlmStrain(
  state: OrgState,
  unit: UnitState,
  coverage: UnitCoverage,
  thresholds: Thresholds,
): Finding[] {
  const engLeadId = coverage.seats.ENG_LEAD.holderId;
  if (unit.layer !== 'TEAM' || coverage.status !== 'TECH_LEAD_MANAGER' || engLeadId === null)
    return [];
  const name = personName(state, engLeadId);
  const base = { unitId: unit.id, seat: null, personIds: [engLeadId], unitIds: [unit.id] };
  const found: Finding[] = [];
  if (coverage.tlmBeyondThreshold) {
    found.push({
      ...base,
      kind: 'TLM_BEYOND_THRESHOLD',
      severity: 'MEDIUM',
      message: `${name} is both Eng Lead and Tech Lead of ${unit.name}, a team of ${coverage.engineerCount} engineers (a separate Tech Lead is expected from ${thresholds.tlmEngineers}).`,
    });
  }
  if (coverage.tlmDays !== null && coverage.tlmDays > thresholds.longTlmDays) {
    found.push({
      ...base,
      kind: 'LONG_RUNNING_TLM',
      severity: 'LOW',
      message: `${unit.name} has had ${name} as Tech Lead Manager, with no separate Tech Lead, for ${coverage.tlmDays} days (since ${coverage.tlmSince}).`,
    });
  }
  return found;
}

/** Every held seat counts, a Tech Lead seat held by the Eng Lead as well (SPEC §2). */
function noSuccessors(state: OrgState, unit: UnitState, coverage: UnitCoverage): Finding[] {
  return SEATS.flatMap((seat): Finding[] => {
    const seatCoverage = coverage.seats[seat];
    const holderId = seatCoverage.holderId;
    if (holderId === null || readyCandidates(seatCoverage).length > 0) return [];
    return [
      {
        kind: 'NO_SUCCESSOR',
        severity: seat === 'ENG_LEAD' ? 'HIGH' : 'MEDIUM',
        unitId: unit.id,
        seat,
        personIds: [holderId],
        unitIds: [unit.id],
        message: `No one is ready now or soon to succeed ${personName(state, holderId)} as ${seatLabel(seat)} of ${unit.name}.`,
      },
    ];
  });
}
