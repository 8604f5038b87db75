import { latestInForce } from '../core/org/in-force.js';
import type { Day } from '../core/org/state.js';
import type { PersonRow } from '../db/tables.js';
import type { Draft } from '../writes/draft.js';
import { UserInputError } from '../writes/errors.js';
import { changeLine, walkEveryDayFrom } from '../writes/lines.js';
import { requireKnownPerson, requirePerson } from '../writes/lookup.js';

export interface PersonFields {
  name: string;
  /** Left out: kept; null: cleared. */
  title?: string | null;
  level?: string | null;
  startedOn?: Day | null;
}

export interface CreatePersonInput extends PersonFields {
  email: string;
  manager?: string | null;
}

export interface UpdatePersonInput extends Partial<PersonFields> {
  email: string;
}

export interface SetManagerInput {
  email: string;
  /** null: nobody. */
  manager: string | null;
  /** The first day of the new line (default today). */
  on?: Day | null;
}

export interface PersonChange {
  person: PersonRow | null;
}

/** Adds a person; an email already taken (in any case) is a CONFLICT. */
export function createPerson(w: Draft, input: CreatePersonInput): PersonChange {
  if (w.people.find('email', input.email.toLowerCase())) {
    const message = `a person with the email "${input.email}" already exists`;
    throw UserInputError.of('email', message, 'CONFLICT');
  }
  const manager = input.manager ? requirePerson(w, input.manager, 'manager', w.today) : null;
  const person = w.people.insert({
    email: input.email.toLowerCase(),
    name: input.name,
    title: input.title ?? null,
    level: input.level ?? null,
    managerId: manager?.id ?? null,
    startedOn: input.startedOn ?? null,
    departedOn: null,
  });
  if (manager) {
    w.reportingLines.insert({
      personId: person.id,
      managerId: manager.id,
      startedOn: w.today,
      endedOn: null,
    });
  }
  return { person };
}

const keep = <T>(given: T | undefined, stored: T) => (given === undefined ? stored : given);

/** Changes the fields given; `null` clears an optional one. Departed people can be corrected. */
export function updatePerson(w: Draft, input: UpdatePersonInput): PersonChange {
  const person = requireKnownPerson(w, input.email, 'email');
  const startedOn = keep(input.startedOn, person.startedOn);
  if (startedOn && person.departedOn && startedOn >= person.departedOn) {
    const message = `must be before their departure (${person.departedOn})`;
    throw UserInputError.of('startedOn', message, 'VALIDATION');
  }
  const updated = w.people.update(person, {
    name: input.name ?? person.name,
    title: keep(input.title, person.title),
    level: keep(input.level, person.level),
    startedOn,
  });
  if (updated === person) w.keep('people');
  return { person: updated };
}

/** Creates a person or updates the one with this email (an import's people; managers later). */
export function savePerson(w: Draft, input: CreatePersonInput): PersonChange {
  const stored = w.people.find('email', input.email.toLowerCase());
  return stored ? updatePerson(w, input) : createPerson(w, { ...input, manager: null });
}

/** The id of a person's manager on `day` (null: none), as the draft's reporting lines say. */
export function managerOn(w: Draft, personId: number, day: Day): number | null {
  return latestInForce(w.reportingLines.where('person', personId), day)?.managerId ?? null;
}

/**
 * Refuses a manager for `person` from `on` that would close a loop on any day from then on
 * (CYCLE, the whole loop in the message): on `on`, and on each later day a recorded change
 * along the new manager's chain takes effect.
 */
function refuseLoops(w: Draft, person: PersonRow, manager: PersonRow, on: Day): void {
  walkEveryDayFrom(
    on,
    (id) => w.reportingLines.where('person', id),
    (day) => {
      const chain: number[] = [];
      for (let at: number | null = manager.id; at !== null && !chain.includes(at); ) {
        chain.push(at);
        if (at === person.id) {
          const loop = [person.id, ...chain].map((id) => `"${w.people.get(id)?.email}"`);
          const when = day === on ? '' : ` from ${day}`;
          const message = `management cycle${when}: ${loop.join(' → ')}`;
          throw UserInputError.of('manager', message, 'CYCLE');
        }
        at = managerOn(w, at, day);
      }
      return chain;
    },
  );
}

/**
 * Sets who a person reports to from `on` (default today; `null`: nobody), recorded in their
 * reporting lines; the person's `managerId` follows the latest line. Refuses cycles — the
 * new manager must not report, directly or not, to the person, on `on` or any later day.
 */
export function setManager(w: Draft, input: SetManagerInput): PersonChange {
  const on = input.on ?? w.today;
  const person = requirePerson(w, input.email, 'email', on);
  const manager = input.manager ? requirePerson(w, input.manager, 'manager', on) : null;
  if (manager) refuseLoops(w, person, manager, on);
  const changed = changeLine({
    table: w.reportingLines,
    rows: w.reportingLines.where('person', person.id),
    on,
    values: manager && { personId: person.id, managerId: manager.id },
    holds: (line) => line.managerId === manager?.id,
    recorded: (line) => `a change of manager to "${w.people.get(line.managerId)?.email}"`,
    path: 'on',
    today: w.recordedUntil,
  });
  const updated = w.people.update(person, { managerId: manager?.id ?? null });
  if (!changed && updated === person) w.keep('people');
  return { person: updated };
}
