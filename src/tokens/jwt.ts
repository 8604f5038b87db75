import { readFileSync } from 'node:fs';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JSONWebKeySet,
  type JWTPayload,
  jwtVerify,
} from 'jose';
import type { JwksSource, JwtConfig } from './jwt-config.js';

/**
 * Identity providers sign with a private key and publish the public one: only asymmetric
 * algorithms are accepted, so `alg: none` and an HS256 token "signed" with the published public
 * key are refused before any key is even looked up.
 */
const ASYMMETRIC = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/** A JWT that does not verify: the caller answers it as a bad token (401). */
/** Seconds a JWT is still accepted past its `exp` (clocks disagree a little). */
export const CLOCK_TOLERANCE_S = 30;

export class InvalidJwt extends Error {}

/** The provider's key set could not be had (down, slow, an error page): nobody's fault here. */
export class IdentityProviderUnavailable extends Error {}

/**
 * The failures of fetching a JWKS URL: a timeout, a network error (not jose's own), an answer
 * other than 200 or not a key set (jose's generic error, which it throws for nothing else).
 */
function isKeySetUnavailable(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true;
  return (
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    error.constructor === errors.JOSEError
  );
}

/** A JWS in compact form: three base64url parts (the last empty for `alg: none`). */
export function looksLikeJwt(bearer: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(bearer);
}

function keySetOf(source: JwksSource) {
  if (source.kind === 'url') {
    // jose caches the set, refetches it when a token names a key it has not seen (the provider
    // rotated its keys), and waits `cooldownDuration` between such refetches.
    return createRemoteJWKSet(source.url, { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000 });
  }
  let jwks: JSONWebKeySet;
  try {
    jwks = JSON.parse(readFileSync(source.path, 'utf8')) as JSONWebKeySet;
  } catch (error) {
    throw new Error(`ORGRAPH_JWKS: cannot read a JWK set from ${source.path}: ${String(error)}`);
  }
  return createLocalJWKSet(jwks);
}

/**
 * Verifies an identity provider's JWT (signature, issuer, audience, expiry, not-before) and
 * returns its claims; any failure is an `InvalidJwt` whose message says which check failed.
 */
export function createJwtVerifier(config: JwtConfig): (jwt: string) => Promise<JWTPayload> {
  const keys = keySetOf(config.jwks);
  return async (jwt) => {
    try {
      const { payload } = await jwtVerify(jwt, keys, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: ASYMMETRIC,
        // A token that never expires, or names nobody, is not one an identity provider issues.
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_S,
      });
      // jose checks that `sub` is there; an empty subject would name nobody in the audit log.
      if (typeof payload.sub !== 'string' || payload.sub.trim() === '') {
        throw new InvalidJwt('"sub" (Subject) claim must be a non-empty string');
      }
      return payload;
    } catch (error) {
      if (error instanceof InvalidJwt) throw error;
      if (config.jwks.kind === 'url' && isKeySetUnavailable(error)) {
        throw new IdentityProviderUnavailable(String(error));
      }
      // jose's messages name the failed check ("exp" claim timestamp check failed, signature
      // verification failed, …) and nothing secret; anything else is a fault, not a bad token.
      if (error instanceof errors.JOSEError) throw new InvalidJwt(error.message);
      throw error;
    }
  };
}
