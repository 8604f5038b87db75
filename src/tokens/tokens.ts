import { hash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { anyId } from '../db/any-of.js';
import type { Db } from '../db/database.js';
import { DiskFull } from '../db/disk-room.js';
import { type ApiRole, type ApiTokenRow, apiTokenTable } from '../db/tables.js';
import type { TableList } from '../graphql/table-page.js';
import { UserInputError } from '../writes/errors.js';

/** Tokens are stored as their sha256: a leaked table does not leak usable tokens. */
function hashToken(secret: string): string {
  return hash('sha256', secret, 'hex');
}

/**
 * The bootstrap admin token's name (`ORGRAPH_ADMIN_TOKEN` set by the operator) in `viewer` and
 * the audit log; no API token may take it, or its writes would read as the bootstrap's.
 */
export const BOOTSTRAP_TOKEN_NAME = 'ORGRAPH_ADMIN_TOKEN';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The secret of an `Authorization: Bearer <secret>` header; undefined for any other. */
export function bearerSecret(authorization: string | null): string | undefined {
  return BEARER.exec(authorization ?? '')?.[1];
}

/** A secret's sha256 as bytes, for constant-time comparisons (every request makes one). */
export function tokenDigest(secret: string): Buffer {
  return hash('sha256', secret, 'buffer');
}

export function newTokenSecret(): string {
  return `orgraph_${randomBytes(32).toString('base64url')}`;
}

export async function findActiveToken(db: Db, secret: string): Promise<ApiTokenRow | null> {
  const [row] = await db
    .select()
    .from(apiTokenTable)
    .where(and(eq(apiTokenTable.tokenHash, hashToken(secret)), isNull(apiTokenTable.revokedAt)));
  return row ?? null;
}

/** How stale `lastUsedAt` may get: one write a minute per token at most, not one per request. */
export const LAST_USED_PRECISION_MS = 60_000;

/**
 * Records that a token was used, unless it was already recorded within the last minute. The
 * condition is repeated in SQL so that instances racing on one token write it once.
 */
export async function touchToken(db: Db, token: ApiTokenRow, now: Date): Promise<void> {
  const staleBefore = new Date(now.getTime() - LAST_USED_PRECISION_MS);
  if (token.lastUsedAt && token.lastUsedAt > staleBefore) return;
  await db
    .update(apiTokenTable)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokenTable.id, token.id),
        or(isNull(apiTokenTable.lastUsedAt), lt(apiTokenTable.lastUsedAt, staleBefore)),
      ),
    )
    .catch((error: unknown) => {
      // Bookkeeping: a disk too full to write it must not stop the reads it came with.
      if (!(error instanceof DiskFull)) throw error;
    });
}

export interface NewToken {
  name: string;
  role: ApiRole;
  scopeUnitId: number | null;
}

/**
 * A new token and its secret (shown once). Not one named as the bootstrap token: its writes
 * would read as the bootstrap's in the audit log (VALIDATION at `input.name`).
 */
export async function createToken(
  db: Db,
  values: NewToken,
): Promise<{ token: ApiTokenRow; secret: string }> {
  if (values.name === BOOTSTRAP_TOKEN_NAME) {
    const message = `${BOOTSTRAP_TOKEN_NAME} names the bootstrap admin token in the audit log: choose another name`;
    throw UserInputError.of('input.name', message, 'VALIDATION');
  }
  const secret = newTokenSecret();
  const [token] = await db
    .insert(apiTokenTable)
    .values({ ...values, tokenHash: hashToken(secret) })
    .returning();
  if (!token) throw new Error('insert returned no token');
  return { token, secret };
}

/** Revokes (never deletes) a token; null when there is no such active token. */
export async function revokeToken(db: Db, id: number): Promise<ApiTokenRow | null> {
  const [token] = await db
    .update(apiTokenTable)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokenTable.id, id), isNull(apiTokenTable.revokedAt)))
    .returning();
  return token ?? null;
}

export async function tokensById(db: Db, ids: readonly number[]): Promise<ApiTokenRow[]> {
  return db.select().from(apiTokenTable).where(anyId(apiTokenTable.id, ids));
}

/** Every token, revoked ones included, newest first. */
export const everyToken: TableList = {
  orderBy: [desc(apiTokenTable.createdAt), desc(apiTokenTable.id)],
};
