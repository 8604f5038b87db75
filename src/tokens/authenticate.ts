import { timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Day } from '../core/org/state.js';
import type { Db } from '../db/client.js';
import type { ApiTokenRow } from '../db/tables.js';
import type { Viewer } from '../graphql/context.js';
import type { Config } from '../server/config.js';
import type { RequestOrg } from '../store/snapshots.js';
import { createJwtVerifier, InvalidJwt, looksLikeJwt } from './jwt.js';
import { viewerOfJwt } from './jwt-viewer.js';
import { viewerScope } from './scope.js';
import { findActiveToken, hashToken, LAST_USED_PRECISION_MS, touchToken } from './tokens.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** A 401 for the whole request, with the challenge HTTP clients expect. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="orgraph"' } },
    },
  });
}

function isBootstrapToken(config: Config, secret: string): boolean {
  if (!config.adminToken) return false;
  // Compare digests, not strings: constant time whatever the lengths.
  const expected = Buffer.from(hashToken(config.adminToken), 'hex');
  return timingSafeEqual(expected, Buffer.from(hashToken(secret), 'hex'));
}

export interface Credentials {
  db: Db;
  /** The Authorization header, if any. */
  authorization: string | null;
  /** The request's org snapshot and day: a scope is resolved in today's org. */
  org: RequestOrg;
  today: Day;
}

/**
 * Resolves a request's credentials to its viewer: the bootstrap admin token, an identity
 * provider's JWT (when single sign-on is configured), or an API token. A bad credential is a
 * 401 for the whole request. No credential is not refused here: the request gets the role
 * the operator opened (ORGRAPH_OPEN_READ), or none, and `useCredentialRequired` decides.
 */
export function createAuthenticator(config: Config): (credentials: Credentials) => Promise<Viewer> {
  const verifyJwt = config.jwt ? createJwtVerifier(config.jwt) : null;
  const touched = new Map<number, number>();
  /** A burst of requests with one token costs one write per instance a minute, at most. */
  const recordUse = async (db: Db, token: ApiTokenRow) => {
    const now = Date.now();
    if (now - (touched.get(token.id) ?? 0) < LAST_USED_PRECISION_MS) return;
    touched.set(token.id, now);
    await touchToken(db, token, new Date(now));
  };
  return async ({ db, authorization, org, today }) => {
    if (!authorization) return { role: config.openRead, via: 'OPEN', name: null, scope: null };
    const secret = BEARER.exec(authorization)?.[1];
    if (!secret)
      throw unauthenticated('Malformed Authorization header: expected "Bearer <token>".');
    if (isBootstrapToken(config, secret)) {
      return { role: 'ADMIN', via: 'TOKEN', name: 'ORGRAPH_ADMIN_TOKEN', scope: null };
    }
    if (verifyJwt && config.jwt && looksLikeJwt(secret)) {
      const claims = await verifyJwt(secret).catch((error: unknown) => {
        throw error instanceof InvalidJwt
          ? unauthenticated(`Invalid JWT: ${error.message}`)
          : error;
      });
      return viewerOfJwt(claims, config.jwt, (slug) => viewerScope(org, today, { slug }));
    }
    const token = await findActiveToken(db, secret);
    if (!token) throw unauthenticated('Invalid or revoked token.');
    await recordUse(db, token);
    if (token.scopeUnitId === null)
      return { role: token.role, via: 'TOKEN', name: token.name, scope: null };
    const scope = await viewerScope(org, today, { unitId: token.scopeUnitId });
    // Fail closed: a scoped token whose unit cannot be found never reads as unscoped.
    if (!scope) throw unauthenticated('Invalid token: its scope unit is missing.');
    return { role: token.role, via: 'TOKEN', name: token.name, scope };
  };
}
