import { timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Db } from '../db/client.js';
import type { Viewer } from '../graphql/context.js';
import type { Config } from '../server/config.js';
import { findActiveToken, hashToken } from './tokens.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="orgraph"' } },
    },
  });
}

function isSameSecret(expectedSecret: string | undefined, secret: string): boolean {
  if (!expectedSecret) return false;
  // Compare digests, not strings: constant time whatever the lengths.
  const expected = Buffer.from(hashToken(expectedSecret), 'hex');
  return timingSafeEqual(expected, Buffer.from(hashToken(secret), 'hex'));
}

/**
 * Resolves the request's bearer token to a role. A missing or bad token is a 401 for the
 * whole request, unless the operator explicitly opened read access (ORGRAPH_OPEN_READ).
 */
export async function authenticate(
  db: Db,
  config: Config,
  authorization: string | null,
): Promise<Viewer> {
  if (!authorization) {
    if (config.openRead) return { role: config.openRead, tokenName: null };
    throw unauthenticated('Authentication required: send "Authorization: Bearer <token>".');
  }
  const secret = BEARER.exec(authorization)?.[1];
  if (!secret) throw unauthenticated('Malformed Authorization header: expected "Bearer <token>".');
  if (isSameSecret(config.adminToken, secret))
    return { role: 'ADMIN', tokenName: 'ORGRAPH_ADMIN_TOKEN' };
  if (isSameSecret(config.cliToken, secret)) return { role: 'ADMIN', tokenName: 'cli' };
  const token = await findActiveToken(db, secret);
  if (!token) throw unauthenticated('Invalid or revoked token.');
  return { role: token.role, tokenName: token.name };
}
