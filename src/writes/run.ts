import type { z } from 'zod';
import type { Day } from '../core/org/state.js';
import type { Db } from '../db/client.js';
import { changeTable } from '../db/tables.js';
import { type WriteOptions, writeTransaction } from '../db/write.js';
import type { Context } from '../graphql/context.js';
import { formatPath } from '../orgdoc/errors.js';
import { conflictOf, type UserErrorData, UserInputError } from './errors.js';

/** One audited change: what it touched, before and after. */
export interface ChangeRecord {
  unitId?: number | null;
  personId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** What a mutation's write step gets: the transaction, the day, and the audit log. */
export interface Write {
  tx: Db;
  today: Day;
  record(change: ChangeRecord): void;
}

/**
 * Runs a mutation's write as one transaction, with its audit rows (who: the token's name,
 * when, what before/after) written in the same transaction. A `UserInputError`, or a
 * unique-index conflict with a concurrent write, rolls everything back and comes back as
 * `userErrors`; anything else is a fault and is thrown (and masked by Yoga).
 */
export async function runMutation<T extends object>(
  { db, today, viewer }: Context,
  operation: string,
  /** The payload's fields when the mutation fails (each changed object: null). */
  failed: T,
  write: (w: Write) => Promise<T>,
  options?: WriteOptions,
): Promise<T & { userErrors: UserErrorData[] }> {
  try {
    const result = await writeTransaction(
      db,
      async (tx) => {
        const changes: ChangeRecord[] = [];
        const value = await write({ tx, today, record: (c) => changes.push(c) });
        if (changes.length > 0) {
          const actor = viewer.name ?? 'anonymous';
          await tx.insert(changeTable).values(changes.map((c) => ({ actor, operation, ...c })));
        }
        return value;
      },
      options,
    );
    return { ...result, userErrors: [] };
  } catch (error) {
    if (error instanceof UserInputError) return { ...failed, userErrors: error.userErrors };
    const conflict = conflictOf(error);
    if (conflict) return { ...failed, userErrors: [conflict] };
    throw error;
  }
}

/** Validates a mutation input with zod; every issue becomes a userError at `input.<path>`. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new UserInputError(
    parsed.error.issues.map((issue) => ({
      path: formatPath(['input', ...issue.path]),
      message: issue.message,
      code: 'VALIDATION' as const,
    })),
  );
}
