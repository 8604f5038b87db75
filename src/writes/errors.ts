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

  static of(path: string | null, message: string, code: UserErrorCode): UserInputError {
    return new UserInputError([{ path, message, code }]);
  }

  /**
   * The same problems located in the caller's input: write rules name their own fields
   * (`unit`, `startedOn`), a mutation puts them under `input.`, an import under its entry.
   */
  located(place: (path: string | null) => string | null): UserInputError {
    return new UserInputError(this.userErrors.map((e) => ({ ...e, path: place(e.path) })));
  }
}

/** A write rule's field under a prefix: `unit` → `input.unit`; no field → the prefix. */
export const under =
  (prefix: string) =>
  (path: string | null): string =>
    path === null ? prefix : /^\[/.test(path) ? `${prefix}${path}` : `${prefix}.${path}`;

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

/**
 * A unique or exclusion violation as a CONFLICT userError; anything else: null. Writes are
 * serialized and check their rules first, so the database's own guards (one current holder,
 * no overlapping history) only fire when something else wrote behind orgraph's back.
 */
export function conflictOf(error: unknown): UserErrorData | null {
  const code = pgErrorOf(error)?.code;
  if (code !== '23505' && code !== '23P01') return null;
  const message = 'conflicts with a change made at the same time; reload and retry';
  return { path: null, message, code: 'CONFLICT' };
}

/**
 * Runs several independent checks of one write and reports every problem at once: a rule
 * with many references (an AoR's unit, owner and backups) names each bad one, not the first.
 */
export class Checks {
  private readonly problems: UserErrorData[] = [];

  /** The check's answer, or null when it failed (its problems are kept). */
  run<T>(check: () => T): T | null {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof UserInputError)) throw error;
      this.problems.push(...error.userErrors);
      return null;
    }
  }

  /** Throws every problem found so far, if any. */
  done(): void {
    if (this.problems.length > 0) throw new UserInputError(this.problems);
  }
}
