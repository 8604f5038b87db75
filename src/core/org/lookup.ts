import type { Seat } from '../../db/tables.js';
import { appendTo, groupBy } from '../collections.js';
import { overlayOf } from '../overlay-map.js';
import { compareCandidates, compareText, isPresentOn } from './as-of.js';
import { seatKey } from './seats-on.js';
import { type CandidateState, type OrgState, type PersonState, SEATS } from './state.js';
import { stateIndex } from './state-index.js';

/** One seat of one unit. */
export interface SeatRef {
  unitId: number;
  seat: Seat;
}

const byId = (a: PersonState, b: PersonState) => a.id - b.id;

/** Each manager's reports present on the day, by id (the people map's order is the rows'). */
const reportsByManager = stateIndex(
  (state): ReadonlyMap<number, PersonState[]> => {
    const reports = new Map<number, PersonState[]>();
    for (const person of state.people.values()) {
      if (person.managerId !== null && isPresentOn(person, state.asOf)) {
        appendTo(reports, person.managerId, person);
      }
    }
    for (const list of reports.values()) list.sort(byId);
    return reports;
  },
  // Only a changed state's changed people join or leave a list: their managers' before and now.
  (earlier, state, change) =>
    change.personIds.size === 0
      ? earlier
      : overlayOf(earlier, (reports) => {
          // Grouped once: a day when thousands change managers is not managers × people.
          const joining = groupBy(
            [...change.personIds].flatMap((id) => {
              const p = state.people.get(id);
              return p && p.managerId !== null && isPresentOn(p, state.asOf) ? [p] : [];
            }),
            (p) => p.managerId as number,
          );
          for (const managerId of new Set([...change.formerManagerIds, ...joining.keys()])) {
            const list = (earlier.get(managerId) ?? [])
              .filter((p) => !change.personIds.has(p.id))
              .concat(joining.get(managerId) ?? [])
              .sort(byId);
            if (list.length > 0) reports.set(managerId, list);
            else reports.delete(managerId);
          }
        }),
);

const candidatesBySeat = stateIndex(
  (state): ReadonlyMap<string, CandidateState[]> =>
    groupBy(state.candidates, (c) => seatKey(c.unitId, c.seat)),
  (earlier, _state, change) => {
    const now = groupBy(change.candidacies, (c) => seatKey(c.unitId, c.seat));
    return overlayOf(earlier, (bySeat) => {
      for (const unitId of change.unitIds) {
        for (const seat of SEATS) {
          const key = seatKey(unitId, seat);
          const list = now.get(key);
          if (list) bySeat.set(key, list);
          else bySeat.delete(key);
        }
      }
    });
  },
);

/** Every person with a candidacy in force, with their candidacies. */
export const candidaciesByPerson = stateIndex(
  (state): ReadonlyMap<number, CandidateState[]> => groupBy(state.candidates, (c) => c.personId),
  (earlier, _state, change) => {
    const now = groupBy(change.candidacies, (c) => c.personId);
    const people = new Set([...change.formerCandidacies.map((c) => c.personId), ...now.keys()]);
    return redoneFor(people, earlier, now, change.unitIds, compareCandidates);
  },
);

function seatsOfEveryone(state: OrgState): ReadonlyMap<number, SeatRef[]> {
  const byPerson = new Map<number, SeatRef[]>();
  for (const unit of state.units) {
    for (const seat of heldSeats(state, unit.id)) appendTo(byPerson, seat.personId, seat);
  }
  return byPerson;
}

const seatsByPerson = stateIndex(seatsOfEveryone, (earlier, state, change) => {
  // Renamed units may stand elsewhere in slug order: everyone's seats are sorted again.
  if (!change.unitOrderKept) return seatsOfEveryone(state);
  const now = groupBy(
    [...change.unitIds].flatMap((unitId) => heldSeats(state, unitId)),
    (s) => s.personId,
  );
  const people = new Set([...change.formerHolderIds, ...now.keys()]);
  const slug = (s: SeatRef) => state.unitsById.get(s.unitId)?.slug ?? '';
  const inOrder = (a: SeatRef, b: SeatRef) =>
    compareText(slug(a), slug(b)) || SEATS.indexOf(a.seat) - SEATS.indexOf(b.seat);
  return redoneFor(people, earlier, now, change.unitIds, inOrder);
});

/**
 * A by-person index with `people`'s entries redone: each keeps those outside the changed
 * units and takes the changed units' from `now`, in `order`.
 */
function redoneFor<T extends { unitId: number }>(
  people: Iterable<number>,
  earlier: ReadonlyMap<number, T[]>,
  now: ReadonlyMap<number, T[]>,
  unitIds: ReadonlySet<number>,
  order: (a: T, b: T) => number,
): ReadonlyMap<number, T[]> {
  return overlayOf(earlier, (byPerson) => {
    for (const personId of people) {
      const kept = (earlier.get(personId) ?? []).filter((entry) => !unitIds.has(entry.unitId));
      const list = [...kept, ...(now.get(personId) ?? [])].sort(order);
      if (list.length > 0) byPerson.set(personId, list);
      else byPerson.delete(personId);
    }
  });
}

/** The seats of one unit that have a holder, Eng Lead first. */
function heldSeats(state: OrgState, unitId: number): (SeatRef & { personId: number })[] {
  const seats = state.seats.get(unitId);
  return SEATS.flatMap((seat) => {
    const holder = seats?.[seat].holder;
    return holder ? [{ unitId, seat, personId: holder.personId }] : [];
  });
}

/** The candidacies in force for one seat. */
export function candidatesFor(state: OrgState, unitId: number, seat: Seat): CandidateState[] {
  return candidatesBySeat(state).get(seatKey(unitId, seat)) ?? [];
}

/** A person's candidacies in force, in `compareCandidates` order. */
export function candidaciesOf(state: OrgState, personId: number): CandidateState[] {
  return candidaciesByPerson(state).get(personId) ?? [];
}

/** The seats a person holds, units in slug order, Eng Lead before Tech Lead. */
export function seatsHeldBy(state: OrgState, personId: number): SeatRef[] {
  return seatsByPerson(state).get(personId) ?? [];
}

/** The people reporting to a manager on the state's day (departed people left out). */
export function reportsOf(state: OrgState, managerId: number): PersonState[] {
  return reportsByManager(state).get(managerId) ?? [];
}

/** Everyone with a direct report on the state's day. */
export function managerIds(state: OrgState): Iterable<number> {
  return reportsByManager(state).keys();
}

/** Every person holding at least one seat, with their seats. */
export function seatHolders(state: OrgState): ReadonlyMap<number, SeatRef[]> {
  return seatsByPerson(state);
}

/** A person's name for messages; an id missing from the directory still reads sensibly. */
export function personName(state: OrgState, personId: number): string {
  return state.people.get(personId)?.name ?? `person #${personId}`;
}

export function unitName(state: OrgState, unitId: number): string {
  return state.unitsById.get(unitId)?.name ?? `unit #${unitId}`;
}

// Names as a reader orders them (adam, Émile, Zoe), not by character code (Zoe before adam,
// Émile last); one fixed locale, so every server and client lists them alike.
const NAMES = new Intl.Collator('en');

/** Orders people by name, then email: how people are listed to a reader. */
export function comparePeople(a: { name: string; email: string }, b: typeof a): number {
  return NAMES.compare(a.name, b.name) || compareText(a.email, b.email);
}

/** Orders person ids by name, then email (`comparePeople`), then id. */
export function byPersonName(state: OrgState): (a: number, b: number) => number {
  const nobody = { name: '', email: '' };
  return (a, b) =>
    comparePeople(state.people.get(a) ?? nobody, state.people.get(b) ?? nobody) || a - b;
}

export function seatLabel(seat: Seat): string {
  return seat === 'ENG_LEAD' ? 'Eng Lead' : 'Tech Lead';
}
