/** The document's people: saved, their departures, their managers placed (in two passes). */
import { isPresentOn } from '../core/org/as-of.js';
import { laterDay } from '../core/org/days.js';
import type { Day } from '../core/org/state.js';
import { recordDeparture } from '../people/departure-writes.js';
import { savePerson, setManager } from '../people/writes.js';
import { UserInputError, under } from '../writes/errors.js';
import { findPerson } from '../writes/lookup.js';
import { managerOf } from './already-so.js';
import { type Applying, attempt, placing } from './applying.js';
import type { PersonEntry } from './document.js';
import type { ParsedDocument } from './shape.js';

/**
 * The document's departures of the days `when` picks. Those to come go last: a departure
 * ends what the document gave the person, as it will on its day.
 */
export function applyDepartures(a: Applying, when: (on: Day) => boolean): void {
  for (const { index, value } of a.doc.people) {
    const on = value.departedOn;
    const at = `people[${index}]`;
    const person = a.w.people.find('email', value.email);
    if (!on || !when(on) || !person || a.repeats.has(at) || person.departedOn === on) continue;
    const place = placing(at, { on: `${at}.departedOn`, email: `${at}.departedOn` });
    attempt(a, place, () => recordDeparture(a.w, { email: value.email, on }));
  }
}

/** The departures after `today` a document states, by email. */
export function departuresToCome(doc: ParsedDocument, today: Day): Map<string, Day> {
  const leaving = new Map<string, Day>();
  for (const { value } of doc.people) {
    if (value.departedOn && value.departedOn > today) leaving.set(value.email, value.departedOn);
  }
  return leaving;
}

/**
 * A seat the document gives from its holder's departure to come or later is refused, as a
 * re-import of the document refuses it once that departure is recorded (the departure, applied
 * last, withdrew it silently, and the plan counted a seat never held). So is one whose holder
 * left by the import's day, whatever its `since`: a document states who holds a seat on its
 * day (written as a holding ended by the departure, it was refused on the next import).
 */
export function refuseAfterLeaving(a: Applying, email: string, from: Day): void {
  const left = a.leaving.get(email) ?? findPerson(a.w, email)?.departedOn;
  if (left && laterDay(from, a.w.today) >= left) {
    throw UserInputError.of('person', `person "${email}" departed on ${left}`, 'CONFLICT');
  }
}

/** Saves the document's people; returns the entries saved, for `placeManagers`. */
export function savePeople(a: Applying) {
  return a.doc.people.filter(({ index, value }) => {
    const at = `people[${index}]`;
    return !a.repeats.has(at) && attempt(a, under(at), () => savePerson(a.w, value));
  });
}

/**
 * Gives the saved people the managers the document states, once the departures of the
 * import's day or before are recorded: a manager gone by then is refused (as `setManager`
 * refuses one, and as a second import of the document did), and the manager of a person
 * gone by then is theirs no more, so not a fact of the day the document states.
 */
export function placeManagers(a: Applying, saved: ReturnType<typeof savePeople>): void {
  let pending = saved.filter(({ value }) => managerChanges(a, value));
  // A document is read as a whole: a manager change that closes a loop only until a later
  // entry of the document opens it again is tried again after the others.
  for (let progress = true; progress && pending.length > 0; ) {
    const failed = pending.filter(({ value }) => !tryManager(a, value));
    progress = failed.length < pending.length;
    pending = failed;
  }
  for (const { index, value } of pending) {
    const manager = value.manager ?? null;
    // The date refused is the import's: the document's field is the manager it states.
    const at = `people[${index}]`;
    const place = placing(at, { on: `${at}.manager` });
    attempt(a, place, () => setManager(a.w, { email: value.email, manager }));
  }
}

/** Whether an entry names a manager other than the person's on the import's day. */
function managerChanges(a: Applying, value: PersonEntry): boolean {
  const manager = value.manager;
  if (manager === undefined || (manager && a.invalid.emails.has(manager))) return false;
  const person = a.w.people.find('email', value.email);
  if (person && !isPresentOn(person, a.w.today)) return false;
  return (person ? managerOf(a.w, person) : null) !== manager;
}

function tryManager(a: Applying, value: PersonEntry): boolean {
  try {
    setManager(a.w, { email: value.email, manager: value.manager ?? null });
    return true;
  } catch (error) {
    if (error instanceof UserInputError) return false;
    throw error;
  }
}
