import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import {
  type AorOwnershipRow,
  type AorRow,
  aorOwnershipTable,
  aorTable,
  type PersonRow,
} from '../db/tables.js';
import { UserInputError } from '../mutations/errors.js';
import { lastDayBefore } from '../org/days.js';
import type { Day } from '../org/state.js';
import { peopleByEmails } from '../people/data.js';

// Input rules shared by the AoR and succession mutations. PostgreSQL text cannot hold NUL
// characters: refuse them as input rather than fail in the database.
const plainText = z
  .string()
  .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');
export const slugSchema = z
  .string()
  .max(64, 'at most 64 characters')
  .regex(/^[a-z0-9-]+$/, 'only lowercase letters, digits and dashes');
export const nameSchema = plainText.pipe(
  z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters'),
);
/** A long free text (description, notes): at most 2000 characters; null clears it. */
export const longTextSchema = plainText.pipe(z.string().max(2000, 'at most 2000 characters'));
/** A reference by slug or email: an unknown one is NOT_FOUND, not malformed. */
export const refSchema = z.string().min(1, 'must not be empty');

/** The AoR with this slug, not retired, or a userError at `path`. */
export async function requireAor(tx: Db, slug: string, path: string): Promise<AorRow> {
  const [aor] = await tx.select().from(aorTable).where(eq(aorTable.slug, slug));
  if (!aor) throw UserInputError.of(path, `unknown AoR "${slug}"`, 'NOT_FOUND');
  if (aor.retiredOn) {
    throw UserInputError.of(path, `AoR "${slug}" was retired on ${aor.retiredOn}`, 'CONFLICT');
  }
  return aor;
}

/** The person with this email (any case), departed or not, or a NOT_FOUND at `path`. */
export async function requireKnownPerson(tx: Db, email: string, path: string): Promise<PersonRow> {
  const [person] = await peopleByEmails(tx, [email]);
  if (!person) throw UserInputError.of(path, `unknown person "${email}"`, 'NOT_FOUND');
  return person;
}

/** The open-ended ownerships of an AoR (current, or planned to start). */
export function openOwnerships(tx: Db, aorId: number): Promise<AorOwnershipRow[]> {
  return tx
    .select()
    .from(aorOwnershipTable)
    .where(and(eq(aorOwnershipTable.aorId, aorId), isNull(aorOwnershipTable.endedOn)));
}

/**
 * Ends an open-ended ownership as of `on` (its last day is the day before, or it never took
 * effect when it had not started by then); a concurrent end is a conflict.
 */
export async function endOwnership(
  tx: Db,
  row: AorOwnershipRow,
  on: Day,
  path: string,
): Promise<AorOwnershipRow> {
  const [ended] = await tx
    .update(aorOwnershipTable)
    .set({ endedOn: lastDayBefore(row.startedOn, on) })
    .where(and(eq(aorOwnershipTable.id, row.id), isNull(aorOwnershipTable.endedOn)))
    .returning();
  if (!ended) {
    throw UserInputError.of(path, 'the AoR’s owners changed at the same time; retry', 'CONFLICT');
  }
  return ended;
}

/** Starts an ownership on `on`. */
export async function insertOwnership(
  tx: Db,
  aorId: number,
  personId: number,
  role: AorOwnershipRow['role'],
  on: Day,
): Promise<AorOwnershipRow> {
  const [row] = await tx
    .insert(aorOwnershipTable)
    .values({ aorId, personId, role, startedOn: on })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}
