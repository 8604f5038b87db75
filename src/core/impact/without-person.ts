import type { Seat } from '../../db/tables.js';
import { addDays } from '../org/days.js';
import type { OrgState, PersonState, SeatState } from '../org/state.js';

/**
 * The org as it would stand if the person had left before the state's day: their seats
 * empty (vacated the day before, so "vacant since" is the state's day), their AoR
 * ownerships, candidacies and membership gone, their direct reports without a manager.
 * Pure: `state` is left untouched and the unchanged parts are shared.
 */
export function withoutPerson(state: OrgState, personId: number): OrgState {
  const lastDay = addDays(state.asOf, -1);
  const vacate = (seat: SeatState): SeatState =>
    seat.holder?.personId === personId
      ? { ...seat, holder: null, lastSeparateEndedOn: lastDay }
      : seat;
  const seats = new Map<number, Record<Seat, SeatState>>();
  for (const [unitId, s] of state.seats) {
    seats.set(unitId, { ENG_LEAD: vacate(s.ENG_LEAD), TECH_LEAD: vacate(s.TECH_LEAD) });
  }
  const people = new Map<number, PersonState>();
  for (const [id, p] of state.people) {
    if (id !== personId) people.set(id, p.managerId === personId ? { ...p, managerId: null } : p);
  }
  const members = new Map<number, number[]>();
  for (const [unitId, ids] of state.members) {
    members.set(
      unitId,
      ids.filter((id) => id !== personId),
    );
  }
  return {
    ...state,
    people,
    seats,
    members,
    aors: state.aors.map((aor) => ({
      ...aor,
      primaryOwnerId: aor.primaryOwnerId === personId ? null : aor.primaryOwnerId,
      backupOwnerIds: aor.backupOwnerIds.filter((id) => id !== personId),
    })),
    candidates: state.candidates.filter((c) => c.personId !== personId),
  };
}
