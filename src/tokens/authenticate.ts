import { timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Day } from '../core/org/state.js';
import type { Db } from '../db/database.js';
import { operatorViewer, type Viewer, type ViewerScope } from '../graphql/context.js';
import type { RequestOrg } from '../store/org-views.js';
import {
  CLOCK_TOLERANCE_S,
  createJwtVerifier,
  IdentityProviderUnavailable,
  InvalidJwt,
  looksLikeJwt,
} from './jwt.js';
import type { JwtConfig } from './jwt-config.js';
import { viewerOfJwt } from './jwt-viewer.js';
import { isOpenReadHost } from './open-read-host.js';
import { type ScopeRef, viewerScope } from './scope.js';
import {
  BOOTSTRAP_TOKEN_NAME,
  bearerSecret,
  findActiveToken,
  LAST_USED_PRECISION_MS,
  tokenDigest,
  touchToken,
} from './tokens.js';

/** A 401 for the whole request, with the challenge HTTP clients expect. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="orgraph"' } },
    },
  });
}

/** The digests of the server's own secrets (the admin and CLI tokens), worked out once. */
const expectedDigests = new Map<string, Buffer>();

/** Whether `digest` (a presented secret's) is that of the server's own `expectedSecret`. */
function isSameDigest(expectedSecret: string | undefined, digest: Buffer): boolean {
  if (!expectedSecret) return false;
  let expected = expectedDigests.get(expectedSecret);
  if (!expected) {
    expected = tokenDigest(expectedSecret);
    // A handful in a server's life; a bound all the same, for servers made by the thousand in tests.
    if (expectedDigests.size >= 16) expectedDigests.clear();
    expectedDigests.set(expectedSecret, expected);
  }
  // Compare digests, not strings: constant time whatever the lengths.
  return timingSafeEqual(expected, digest);
}

/**
 * The request comes from the CLI beside this server (its bearer is the server's own CLI
 * secret): a whole org document, whatever its size, is the CLI's to send.
 */
export function isFromCli(config: Pick<AccessSettings, 'cliToken'>, request: Request): boolean {
  const secret = bearerSecret(request.headers.get('authorization'));
  return secret !== undefined && isSameDigest(config.cliToken, tokenDigest(secret));
}

export interface Credentials {
  db: Db;
  /** The Authorization header, if any. */
  authorization: string | null;
  /** Where the request was sent: its URL's `host` (name and port, from the Host header). */
  host: string;
  /** The request's org snapshot and day: a scope is resolved in today's org. */
  org: RequestOrg;
  today: Day;
}

type ScopeOf = (ref: ScopeRef) => Promise<ViewerScope | null>;

/**
 * API tokens, their last use recorded at most once a minute per token and instance (the
 * database row's own check covers other instances), so a burst costs one write, not one each.
 */
function apiTokenAuthenticator() {
  const touched = new Map<number, number>();
  return async (db: Db, secret: string, scopeOf: ScopeOf): Promise<Viewer> => {
    const token = await findActiveToken(db, secret);
    if (!token) throw unauthenticated('Invalid or revoked token.');
    const now = Date.now();
    if (now - (touched.get(token.id) ?? 0) >= LAST_USED_PRECISION_MS) {
      touched.set(token.id, now);
      await touchToken(db, token, new Date(now));
    }
    const viewer: Viewer = {
      role: token.role,
      via: 'TOKEN',
      name: token.name,
      scope: null,
      tokenId: token.id,
    };
    if (token.scopeUnitId === null) return viewer;
    const scope = await scopeOf({ unitId: token.scopeUnitId });
    // Fail closed: a scoped token whose unit cannot be found never reads as unscoped.
    if (!scope) throw unauthenticated('Invalid token: its scope unit is missing.');
    return { ...viewer, scope };
  };
}

/**
 * The identity provider's keys could not be fetched: a 503 naming the provider, retryable,
 * never confused with the database's DATABASE_UNAVAILABLE (the cause is not attached, so its
 * network error codes are not read as the database's).
 */
function identityProviderUnavailable(): GraphQLError {
  return new GraphQLError(
    "The identity provider's signing keys (ORGRAPH_JWKS) could not be fetched; try again shortly.",
    { extensions: { code: 'IDENTITY_PROVIDER_UNAVAILABLE', http: { status: 503 } } },
  );
}

/** Identity provider JWTs: a bad one is a 401 saying which check failed. */
function jwtAuthenticator(jwt: JwtConfig, log: (error: unknown) => void) {
  const verify = createJwtVerifier(jwt);
  return async (secret: string, scopeOf: ScopeOf): Promise<Viewer> => {
    const claims = await verify(secret).catch((error: unknown) => {
      if (error instanceof InvalidJwt) throw unauthenticated(`Invalid JWT: ${error.message}`);
      if (error instanceof IdentityProviderUnavailable) {
        log(error);
        throw identityProviderUnavailable();
      }
      throw error;
    });
    const viewer = await viewerOfJwt(claims, jwt, (slug) => scopeOf({ slug }));
    // Its streams end when it stops being accepted: ended at `exp` itself, a dashboard's
    // stream was accepted again at once and ended again, every two seconds for 30 s.
    return { ...viewer, expiresAt: ((claims.exp as number) + CLOCK_TOLERANCE_S) * 1000 };
  };
}

/** The server's settings (server/config.ts) a request's credentials are checked against. */
export interface AccessSettings {
  /** ORGRAPH_ADMIN_TOKEN, the operator's bootstrap token. */
  adminToken?: string;
  /** The role of a request with no credential (ORGRAPH_OPEN_READ), or none. */
  openRead: 'VIEWER' | 'PLANNER' | null;
  /** Host names beside IP addresses and `localhost` that open reads answer (open-read-host.ts). */
  openReadHosts: string[];
  /**
   * The running server's own ADMIN secret, handed to the CLI through the data folder (never
   * configured: serve.ts mints one per process). Requests bearing it act as "cli".
   */
  cliToken?: string;
  /** Single sign-on: JWTs of the identity provider are accepted when set. */
  jwt: JwtConfig | null;
}

/**
 * Resolves a request's credentials to its viewer: the bootstrap admin token, an identity
 * provider's JWT (when single sign-on is configured), or an API token. A bad credential is a
 * 401 for the whole request. No credential is not refused here: the request gets the role
 * the operator opened (ORGRAPH_OPEN_READ) when sent to a host it may be opened to, or none,
 * and `useCredentialRequired` decides.
 */
export function createAuthenticator(
  config: AccessSettings,
  providerDown: (error: unknown) => void = () => {},
): (credentials: Credentials) => Promise<Viewer> {
  const fromJwt = config.jwt ? jwtAuthenticator(config.jwt, providerDown) : null;
  const fromApiToken = apiTokenAuthenticator();
  return async ({ db, authorization, host, org, today }) => {
    if (!authorization) {
      const opened = isOpenReadHost(host, config.openReadHosts) ? config.openRead : null;
      return { role: opened, via: 'OPEN', name: null, scope: null };
    }
    const secret = bearerSecret(authorization);
    if (!secret)
      throw unauthenticated('Malformed Authorization header: expected "Bearer <token>".');
    // Hashed once, compared with each of the server's own secrets.
    const digest = tokenDigest(secret);
    if (isSameDigest(config.adminToken, digest)) {
      return { role: 'ADMIN', via: 'TOKEN', name: BOOTSTRAP_TOKEN_NAME, scope: null };
    }
    // The running server's own secret for the CLI beside it (see the data folder's owner file).
    if (isSameDigest(config.cliToken, digest)) return operatorViewer('cli');
    const scopeOf: ScopeOf = (ref) => viewerScope(org, today, ref);
    if (fromJwt && looksLikeJwt(secret)) return fromJwt(secret, scopeOf);
    return fromApiToken(db, secret, scopeOf);
  };
}
