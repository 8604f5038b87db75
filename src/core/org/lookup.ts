import type { Seat } from '../../db/tables.js';
import { appendTo } from '../collections.js';
import { compareText, isPresentOn } from './as-of.js';
import { type CandidateState, type OrgState, type PersonState, SEATS } from './state.js';

/** One seat of one unit. */
export interface SeatRef {
  unitId: number;
  seat: Seat;
}

/**
 * One index of a state, computed on first use and dropped with the state: states are never
 * mutated once built, so coverage of 2,000 teams costs one pass over the candidates, not one
 * per seat; and each index is built only when asked (an org worked out for a departure's
 * impact never pays for the reporting lines of 100,000 people).
 */
function stateIndex<T>(build: (state: OrgState) => T): (state: OrgState) => T {
  const built = new WeakMap<OrgState, T>();
  return (state) => {
    let found = built.get(state);
    if (found === undefined) {
      found = build(state);
      built.set(state, found);
    }
    return found;
  };
}

const reportsByManager = stateIndex((state) => {
  const reports = new Map<number, PersonState[]>();
  for (const person of state.people.values()) {
    if (person.managerId !== null && isPresentOn(person, state.asOf)) {
      appendTo(reports, person.managerId, person);
    }
  }
  return reports;
});

const candidatesBySeat = stateIndex((state) => {
  const bySeat = new Map<string, CandidateState[]>();
  for (const c of state.candidates) appendTo(bySeat, `${c.unitId}:${c.seat}`, c);
  return bySeat;
});

const seatsByPerson = stateIndex((state) => {
  const byPerson = new Map<number, SeatRef[]>();
  for (const unit of state.units) {
    const seats = state.seats.get(unit.id);
    for (const seat of SEATS) {
      const holder = seats?.[seat].holder;
      if (holder) appendTo(byPerson, holder.personId, { unitId: unit.id, seat });
    }
  }
  return byPerson;
});

/** The candidacies in force for one seat. */
export function candidatesFor(state: OrgState, unitId: number, seat: Seat): CandidateState[] {
  return candidatesBySeat(state).get(`${unitId}:${seat}`) ?? [];
}

/** The seats a person holds, units in slug order, Eng Lead before Tech Lead. */
export function seatsHeldBy(state: OrgState, personId: number): SeatRef[] {
  return seatsByPerson(state).get(personId) ?? [];
}

/**
 * The units whose succession data a person's departure impact reveals: those of the seats
 * they hold (their vacancies and ready candidates), and those where they are a candidate
 * (their leaving changes those seats' bench and findings).
 */
export function unitsOfPerson(state: OrgState, personId: number): number[] {
  return [
    ...seatsHeldBy(state, personId).map((s) => s.unitId),
    ...state.candidates.filter((c) => c.personId === personId).map((c) => c.unitId),
  ];
}

/** The people reporting to a manager on the state's day (departed people left out). */
export function reportsOf(state: OrgState, managerId: number): PersonState[] {
  return reportsByManager(state).get(managerId) ?? [];
}

/** Every person holding at least one seat, with their seats. */
export function seatHolders(state: OrgState): Map<number, SeatRef[]> {
  return seatsByPerson(state);
}

/** A person's name for messages; an id missing from the directory still reads sensibly. */
export function personName(state: OrgState, personId: number): string {
  return state.people.get(personId)?.name ?? `person #${personId}`;
}

export function unitName(state: OrgState, unitId: number): string {
  return state.unitsById.get(unitId)?.name ?? `unit #${unitId}`;
}

/** Orders person ids by name, then email: how people are listed to a reader. */
export function byPersonName(state: OrgState): (a: number, b: number) => number {
  return (a, b) => {
    const pa = state.people.get(a);
    const pb = state.people.get(b);
    return (
      compareText(pa?.name ?? '', pb?.name ?? '') ||
      compareText(pa?.email ?? '', pb?.email ?? '') ||
      a - b
    );
  };
}

export function seatLabel(seat: Seat): string {
  return seat === 'ENG_LEAD' ? 'Eng Lead' : 'Tech Lead';
}
