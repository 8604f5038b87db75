import type { Day } from '../core/org/state.js';
import type { PersonRow } from '../db/tables.js';
import type { Draft } from '../writes/draft.js';
import { UserInputError } from '../writes/errors.js';
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

/** The managers above `from`, nearest first, stopping at a loop that does not involve anyone new. */
function managerChain(w: Draft, from: PersonRow): PersonRow[] {
  const chain: PersonRow[] = [];
  const seen = new Set<number>();
  for (let at: PersonRow | undefined = from; at && !seen.has(at.id); ) {
    chain.push(at);
    seen.add(at.id);
    at = at.managerId === null ? undefined : w.people.get(at.managerId);
  }
  return chain;
}

/**
 * Sets who a person reports to (`null`: nobody). Refuses cycles — the new manager must not
 * report, directly or not, to the person — with the whole loop in the message.
 */
export function setManager(w: Draft, input: SetManagerInput): PersonChange {
  const person = requirePerson(w, input.email, 'email', w.today);
  const manager = input.manager ? requirePerson(w, input.manager, 'manager', w.today) : null;
  if (manager) {
    const chain = managerChain(w, manager);
    const at = chain.findIndex((p) => p.id === person.id);
    if (at >= 0) {
      const loop = [person, ...chain.slice(0, at + 1)].map((p) => `"${p.email}"`);
      throw UserInputError.of('manager', `management cycle: ${loop.join(' → ')}`, 'CYCLE');
    }
  }
  const updated = w.people.update(person, { managerId: manager?.id ?? null });
  if (updated === person) w.keep('people');
  return { person: updated };
}
