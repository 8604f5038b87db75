import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { anyId } from '../db/any-of.js';
import type { Db } from '../db/client.js';
import { type ApiRole, type ApiTokenRow, apiTokenTable } from '../db/tables.js';

/** Tokens are stored as their sha256: a leaked table does not leak usable tokens. */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
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

export async function createToken(
  db: Db,
  name: string,
  role: ApiRole,
): Promise<{ token: ApiTokenRow; secret: string }> {
  const secret = newTokenSecret();
  const [token] = await db
    .insert(apiTokenTable)
    .values({ name, role, tokenHash: hashToken(secret) })
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
