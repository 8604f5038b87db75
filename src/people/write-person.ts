import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { type PersonRow, personTable } from '../db/tables.js';
import { UserInputError } from '../writes/errors.js';
import {
  daySchema,
  emailSchema,
  nameSchema,
  optionalText,
  refSchema,
  requiredOrNull,
} from '../writes/fields.js';
import { requireKnownPerson, requirePerson } from '../writes/lookup.js';
import type { Write } from '../writes/run.js';
import { peopleByEmails } from './data.js';

export const createPersonSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  title: optionalText(200).nullish(),
  level: optionalText(50).nullish(),
  manager: refSchema.nullish(),
  startedOn: daySchema.nullish(),
});

export const updatePersonSchema = z.object({
  email: refSchema,
  name: nameSchema.optional(),
  title: optionalText(200).nullish(),
  level: optionalText(50).nullish(),
  startedOn: daySchema.nullish(),
});

export const setManagerSchema = z.object({
  email: refSchema,
  manager: requiredOrNull('is required: an email, or null for no manager'),
});

export interface PersonChange {
  person: PersonRow | null;
}
export const noPerson: PersonChange = { person: null };

/** The person with this email (any case, departed or not), or NOT_FOUND at `path`. */

export async function createPerson(
  w: Write,
  input: z.output<typeof createPersonSchema>,
): Promise<PersonChange> {
  if ((await peopleByEmails(w.tx, [input.email])).length > 0) {
    const message = `a person with the email "${input.email}" already exists`;
    throw UserInputError.of('input.email', message, 'CONFLICT');
  }
  const manager = input.manager
    ? await requirePerson(w.tx, input.manager, 'input.manager', w.today)
    : null;
  const [person] = await w.tx
    .insert(personTable)
    .values({
      email: input.email,
      name: input.name,
      title: input.title ?? null,
      level: input.level ?? null,
      managerId: manager?.id ?? null,
      startedOn: input.startedOn ?? null,
    })
    .returning();
  w.record({ personId: person?.id, before: null, after: person });
  return { person: person ?? null };
}

const UPDATABLE = ['name', 'title', 'level', 'startedOn'] as const;

/** Changes the fields given; `null` clears an optional one. Departed people can be corrected. */
export async function updatePerson(
  w: Write,
  input: z.output<typeof updatePersonSchema>,
): Promise<PersonChange> {
  const person = await requireKnownPerson(w.tx, input.email, 'input.email');
  const changes: Partial<Pick<PersonRow, (typeof UPDATABLE)[number]>> = {};
  for (const key of UPDATABLE) {
    const value = input[key];
    if (value !== undefined && value !== person[key]) Object.assign(changes, { [key]: value });
  }
  if (changes.startedOn && person.departedOn && changes.startedOn >= person.departedOn) {
    const message = `must be before their departure (${person.departedOn})`;
    throw UserInputError.of('input.startedOn', message, 'VALIDATION');
  }
  if (Object.keys(changes).length === 0) return { person };
  const [updated] = await w.tx
    .update(personTable)
    .set(changes)
    .where(eq(personTable.id, person.id))
    .returning();
  w.record({ personId: person.id, before: person, after: updated });
  return { person: updated ?? null };
}

/** The chain of managers above `managerId`, nearest first (ids and emails), in one statement. */
async function managerChain(tx: Db, managerId: number) {
  const result = await tx.execute(sql`
    with recursive chain (id, email, manager_id, depth) as (
      select id, email, manager_id, 0 from ${personTable} where id = ${managerId}
      union all
      select p.id, p.email, p.manager_id, c.depth + 1
      from ${personTable} p join chain c on p.id = c.manager_id
      where c.depth < 10000
    )
    select id, email from chain order by depth`);
  return (result as unknown as { rows: Array<{ id: number; email: string }> }).rows;
}

/**
 * Sets who a person reports to (`null`: nobody). Refuses cycles — the new manager must not
 * report, directly or not, to the person — with the whole loop in the message.
 */
export async function setManager(
  w: Write,
  input: z.output<typeof setManagerSchema>,
): Promise<PersonChange> {
  const person = await requirePerson(w.tx, input.email, 'input.email', w.today);
  const manager = input.manager
    ? await requirePerson(w.tx, input.manager, 'input.manager', w.today)
    : null;
  if (manager?.id === person.id) {
    throw UserInputError.of('input.manager', 'a person cannot be their own manager', 'CYCLE');
  }
  if (manager) {
    const chain = await managerChain(w.tx, manager.id);
    const at = chain.findIndex((p) => Number(p.id) === person.id);
    if (at >= 0) {
      const loop = [person.email, ...chain.slice(0, at + 1).map((p) => p.email)];
      const message = `management cycle: ${loop.map((e) => `"${e}"`).join(' → ')}`;
      throw UserInputError.of('input.manager', message, 'CYCLE');
    }
  }
  if ((manager?.id ?? null) === person.managerId) return { person };
  const [updated] = await w.tx
    .update(personTable)
    .set({ managerId: manager?.id ?? null })
    .where(eq(personTable.id, person.id))
    .returning();
  w.record({ personId: person.id, before: person, after: updated });
  return { person: updated ?? null };
}
