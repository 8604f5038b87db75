/**
 * The codes of expected failures a mutation reports as data. The GraphQL layer exposes
 * this union as the enum `UserErrorCode`: the names are part of the API contract.
 */
export type UserErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'INVALID_HIERARCHY' | 'CYCLE';

export const USER_ERROR_CODES: readonly UserErrorCode[] = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_HIERARCHY',
  'CYCLE',
];

/** One problem, located in the input (`units[3].parent`) when it has a place there. */
export interface UserErrorData {
  path: string | null;
  message: string;
  code: UserErrorCode;
}

/**
 * An expected failure of a mutation. Thrown inside the write transaction, it rolls back
 * everything and comes back to the client as `userErrors`, never as a crash.
 */
export class UserInputError extends Error {
  constructor(readonly userErrors: UserErrorData[]) {
    super(userErrors.map((e) => `${e.path}: ${e.message}`).join('; '));
  }

  static of(path: string, message: string, code: UserErrorCode): UserInputError {
    return new UserInputError([{ path, message, code }]);
  }
}

// The partial unique indexes that guard "at most one current …": a violation means another
// write got there first, so the client gets a CONFLICT naming the field, not a 500.
const CONSTRAINT_MESSAGES: Record<string, { path: string; message: string }> = {
  seat_assignment_current_key: {
    path: 'input.seat',
    message: 'the seat was assigned by another change at the same time; reload and retry',
  },
  team_membership_current_key: {
    path: 'input.person',
    message: 'this person joined another team at the same time; reload and retry',
  },
  aor_ownership_current_primary_key: {
    path: 'input.person',
    message: 'the AoR got a primary owner from another change at the same time',
  },
  aor_ownership_current_person_key: {
    path: 'input.person',
    message: 'this person already owns this AoR',
  },
  succession_candidate_current_key: {
    path: 'input.person',
    message: 'this person is already a candidate for this seat',
  },
  unit_slug_key: { path: 'input.slug', message: 'a unit with this slug already exists' },
  aor_slug_key: { path: 'input.slug', message: 'an AoR with this slug already exists' },
  person_email_key: { path: 'input.email', message: 'a person with this email already exists' },
};

interface PgError {
  code?: string;
  constraint?: string;
  cause?: unknown;
}

/** The database error under drizzle's wrapper, if the failure came from the database. */
function pgErrorOf(error: unknown): PgError | null {
  for (let e = error as PgError | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string' && e.code.length === 5) return e;
    e = e.cause as PgError | undefined;
  }
  return null;
}

/** A unique violation of a known index as a CONFLICT userError; anything else: null. */
export function conflictOf(error: unknown): UserErrorData | null {
  const pg = pgErrorOf(error);
  if (pg?.code !== '23505') return null;
  const known = pg.constraint ? CONSTRAINT_MESSAGES[pg.constraint] : undefined;
  return {
    path: known?.path ?? null,
    message: known?.message ?? 'conflicts with a change made at the same time',
    code: 'CONFLICT',
  };
}
