import type { Day } from '../core/org/state.js';
import type { Db } from '../db/client.js';
import type { PersonRow, UnitRow } from '../db/tables.js';
import { peopleByEmails } from '../people/data.js';
import { unitsBySlugs } from '../units/data.js';
import { UserInputError } from './errors.js';

/** The active unit with this slug, or a NOT_FOUND userError at `path`. */
export async function requireUnit(tx: Db, slug: string, path: string): Promise<UnitRow> {
  const [unit] = await unitsBySlugs(tx, [slug]);
  if (!unit) throw UserInputError.of(path, `unknown unit "${slug}"`, 'NOT_FOUND');
  if (unit.archivedOn) {
    throw UserInputError.of(path, `unit "${slug}" was archived on ${unit.archivedOn}`, 'CONFLICT');
  }
  return unit;
}

/** The person with this email (any case), departed or not, or a NOT_FOUND at `path`. */
export async function requireKnownPerson(tx: Db, email: string, path: string): Promise<PersonRow> {
  const [person] = await peopleByEmails(tx, [email]);
  if (!person) throw UserInputError.of(path, `unknown person "${email}"`, 'NOT_FOUND');
  return person;
}

/** The person with this email (any case), present on `day`, or a userError at `path`. */
export async function requirePerson(
  tx: Db,
  email: string,
  path: string,
  day: Day,
): Promise<PersonRow> {
  const person = await requireKnownPerson(tx, email, path);
  if (person.departedOn && person.departedOn <= day) {
    throw UserInputError.of(path, `${person.email} left on ${person.departedOn}`, 'CONFLICT');
  }
  return person;
}
