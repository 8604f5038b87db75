import type { Seat } from '../../db/tables.js';
import { appendTo } from '../collections.js';
import { compareText, isPresentOn } from './as-of.js';
import { type CandidateState, type OrgState, type PersonState, SEATS } from './state.js';

/** One seat of one unit. */
export interface SeatRef {
  unitId: number;
  seat: Seat;
}

interface Indexes {
  candidatesBySeat: Map<string, CandidateState[]>;
  seatsByPerson: Map<number, SeatRef[]>;
  reportsByManager: Map<number, PersonState[]>;
}

// States are never mutated once built, so their indexes are computed once and dropped with
// them: coverage of 2,000 teams then costs one pass over the candidates, not one per seat.
const indexes = new WeakMap<OrgState, Indexes>();

function indexesOf(state: OrgState): Indexes {
  let found = indexes.get(state);
  if (!found) {
    found = { candidatesBySeat: new Map(), seatsByPerson: new Map(), reportsByManager: new Map() };
    for (const person of state.people.values()) {
      if (person.managerId !== null && isPresentOn(person, state.asOf)) {
        appendTo(found.reportsByManager, person.managerId, person);
      }
    }
    for (const c of state.candidates) appendTo(found.candidatesBySeat, `${c.unitId}:${c.seat}`, c);
    for (const unit of state.units) {
      const seats = state.seats.get(unit.id);
      for (const seat of SEATS) {
        const holder = seats?.[seat].holder;
        if (holder) appendTo(found.seatsByPerson, holder.personId, { unitId: unit.id, seat });
      }
    }
    indexes.set(state, found);
  }
  return found;
}

/** The candidacies in force for one seat. */
export function candidatesFor(state: OrgState, unitId: number, seat: Seat): CandidateState[] {
  return indexesOf(state).candidatesBySeat.get(`${unitId}:${seat}`) ?? [];
}

/** The seats a person holds, units in slug order, Eng Lead before Tech Lead. */
export function seatsHeldBy(state: OrgState, personId: number): SeatRef[] {
  return indexesOf(state).seatsByPerson.get(personId) ?? [];
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
  return indexesOf(state).reportsByManager.get(managerId) ?? [];
}

/** Every person holding at least one seat, with their seats. */
export function seatHolders(state: OrgState): Map<number, SeatRef[]> {
  return indexesOf(state).seatsByPerson;
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
