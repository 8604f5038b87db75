import { isPresentOn } from '../org/as-of.js';
import { addDays, daysBetween } from '../org/days.js';
import { managerIds, personName, reportsOf, seatLabel, seatsHeldBy } from '../org/lookup.js';
import { teamOf } from '../org/on-day.js';
import { type Day, type OrgState, SEATS, type UnitState } from '../org/state.js';
import { compareUnits } from '../org/subtree.js';
import type { Thresholds } from '../policy.js';
import type { Finding } from './types.js';

/**
 * The leadership hygiene of one unit (SPEC "Leadership hygiene findings"): a Team's separate
 * Tech Lead off the team or reporting elsewhere, and seats held by an acting holder too long.
 */
export function unitHygiene(state: OrgState, unit: UnitState, policy: Thresholds): Finding[] {
  return [...techLeadPairing(state, unit), ...longActing(state, unit, policy)];
}

/**
 * A Team's Tech Lead is an IC on the team who reports to its Eng Lead. Only a separate Tech
 * Lead is held to it (a TLM is weighed by the TLM kinds); reporting is checked only against
 * an Eng Lead in the seat (an empty seat is VACANT_SEAT's to report).
 */
function techLeadPairing(state: OrgState, unit: UnitState): Finding[] {
  if (unit.layer !== 'TEAM') return [];
  const seats = state.seats.get(unit.id);
  const techLeadId = seats?.TECH_LEAD.holder?.personId;
  const engLeadId = seats?.ENG_LEAD.holder?.personId ?? null;
  if (techLeadId === undefined || techLeadId === engLeadId) return [];
  const techLead = `${personName(state, techLeadId)}, Tech Lead of ${unit.name},`;
  const base = { unitId: unit.id, seat: null, personIds: [techLeadId], unitIds: [unit.id] };
  const found: Finding[] = [];
  if (!(state.members.get(unit.id) ?? []).includes(techLeadId)) {
    found.push({
      ...base,
      kind: 'TECH_LEAD_OFF_TEAM',
      severity: 'MEDIUM',
      message: `${techLead} is not a member of that team.`,
    });
  }
  const managerId = state.people.get(techLeadId)?.managerId ?? null;
  if (engLeadId !== null && managerId !== engLeadId) {
    const manager = managerId === null ? 'no one' : personName(state, managerId);
    found.push({
      ...base,
      kind: 'TECH_LEAD_REPORTS_ELSEWHERE',
      severity: 'LOW',
      message: `${techLead} reports to ${manager}, not to its Eng Lead ${personName(state, engLeadId)}.`,
    });
  }
  return found;
}

/** Each seat whose current holder has been acting for more than the policy's days. */
function longActing(state: OrgState, unit: UnitState, policy: Thresholds): Finding[] {
  return SEATS.flatMap((seat): Finding[] => {
    const { holder, actingSince } = state.seats.get(unit.id)?.[seat] ?? {};
    if (!holder || !actingSince) return [];
    const days = daysBetween(actingSince, state.asOf);
    if (days <= policy.actingDays) return [];
    return [
      {
        kind: 'LONG_ACTING',
        severity: 'MEDIUM',
        unitId: unit.id,
        seat,
        personIds: [holder.personId],
        unitIds: [unit.id],
        message: `${personName(state, holder.personId)} has been acting ${seatLabel(seat)} of ${unit.name} for ${days} days (since ${actingSince}); the policy allows ${policy.actingDays}.`,
      },
    ];
  });
}

/** The days on which the unit's acting holders turn LONG_ACTING, their rows left as they are. */
export function longActingTurns(state: OrgState, unit: UnitState, policy: Thresholds): Day[] {
  return SEATS.flatMap((seat) => {
    const since = state.seats.get(unit.id)?.[seat].actingSince;
    return since ? [addDays(since, policy.actingDays + 1)] : [];
  });
}

/**
 * WIDE_SPAN: one finding per present manager with more direct reports than the span limit.
 * With `only`, the findings of those managers alone (a departure's).
 */
export function spanFindings(
  state: OrgState,
  policy: Thresholds,
  only?: Iterable<number>,
): Finding[] {
  return [...(only ?? managerIds(state))].flatMap((managerId): Finding[] => {
    const manager = state.people.get(managerId);
    const reports = reportsOf(state, managerId).length;
    if (!manager || !isPresentOn(manager, state.asOf) || reports <= policy.spanLimit) return [];
    const unit = placementOf(state, managerId);
    if (!unit) return [];
    return [
      {
        kind: 'WIDE_SPAN',
        severity: 'MEDIUM',
        unitId: unit.id,
        seat: null,
        personIds: [managerId],
        unitIds: [unit.id],
        message: `${manager.name} has ${reports} direct reports, more than the span limit of ${policy.spanLimit}.`,
      },
    ];
  });
}

/**
 * Where a manager's finding belongs: the highest-layer unit where they hold a seat (first by
 * slug), else their own team, else the first of their reports' teams. A manager with none
 * of these belongs to no unit and is not reported.
 */
function placementOf(state: OrgState, managerId: number): UnitState | undefined {
  const first = (ids: Iterable<number | undefined>) =>
    [...ids]
      .flatMap((id) => (id === undefined ? [] : (state.unitsById.get(id) ?? [])))
      .sort(compareUnits)[0];
  return (
    first(seatsHeldBy(state, managerId).map((s) => s.unitId)) ??
    first([teamOf(state, managerId) ?? undefined]) ??
    first(reportsOf(state, managerId).map((p) => teamOf(state, p.id) ?? undefined))
  );
}
