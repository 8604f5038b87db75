import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/** Where the identity provider's public keys come from. */
export type JwksSource = { kind: 'url'; url: URL } | { kind: 'file'; path: string };

/** Single sign-on settings (SPEC §4): JWTs are accepted only when all three are set. */
export interface JwtConfig {
  issuer: string;
  audience: string;
  jwks: JwksSource;
  /** The claim holding the role (VIEWER, PLANNER, ADMIN). */
  roleClaim: string;
  /** The claim holding the scope: a unit slug. */
  scopeClaim: string;
}

/** The environment variables of single sign-on, merged into the server's schema. */
export const jwtEnv = {
  ORGRAPH_JWT_ISSUER: z.string().min(1).optional(),
  ORGRAPH_JWT_AUDIENCE: z.string().min(1).optional(),
  ORGRAPH_JWKS: z
    .string()
    .min(1)
    .refine((value) => !/^http:/i.test(value), 'must be an https URL or a file path')
    .superRefine((value, context) => {
      // A URL is not a file to look for (http: is refused above, once).
      const problem = /^https?:\/\//i.test(value) ? null : keySetFileProblem(resolve(value));
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  ORGRAPH_JWT_ROLE_CLAIM: z.string().min(1).default('orgraph_role'),
  ORGRAPH_JWT_SCOPE_CLAIM: z.string().min(1).default('orgraph_scope'),
};

/**
 * Why a key set file cannot serve (null: it can): found at the start as a bad setting, not
 * at the first sign-in as an unexpected failure.
 */
function keySetFileProblem(path: string): string | null {
  try {
    const set = JSON.parse(readFileSync(path, 'utf8')) as { keys?: unknown } | null;
    if (!Array.isArray(set?.keys)) return `${path} holds no JWK set (no "keys" list)`;
    // A set of shared secrets (`oct`) only: every sign-in was refused for its algorithm.
    if (!set.keys.some(isPublicKeyType)) return `${path} holds no RSA, EC or OKP public key`;
    const problems = set.keys.map(publicKeyProblem).flatMap((problem, index) => {
      const kid = (set.keys as { kid?: unknown }[])[index]?.kid;
      const named = typeof kid === 'string' ? ` (kid "${kid}")` : '';
      return problem ? [`key ${index + 1}${named} ${problem}`] : [];
    });
    return problems.length ? `${path}: ${problems.join('; ')}` : null;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return `cannot read a JWK set from ${path} (${reason})`;
  }
}

/**
 * Why a published key could not check a signature (null: it can). Checked here, since jose
 * imports a key only when a token names it: a malformed key answered every sign-in with an
 * unexpected failure. Keys of other types (`oct`) are never chosen for the asymmetric
 * algorithms accepted, so they are left alone.
 */
function publicKeyProblem(key: unknown): string | null {
  if (!isPublicKeyType(key)) return null;
  const { kty } = key;
  try {
    const details = createPublicKey({ key: key as JsonWebKey, format: 'jwk' }).asymmetricKeyDetails;
    // jose refuses RSA keys under 2048 bits at each verification.
    const bits = details?.modulusLength ?? Number.POSITIVE_INFINITY;
    return kty === 'RSA' && bits < 2048
      ? `is an RSA key of ${bits} bits (2048 or more needed)`
      : null;
  } catch (error) {
    return `is not a usable ${kty} public key (${(error as Error).message})`;
  }
}

const isPublicKeyType = (key: unknown): key is { kty: 'RSA' | 'EC' | 'OKP' } =>
  ['RSA', 'EC', 'OKP'].includes((key as { kty?: unknown } | null)?.kty as string);

type JwtEnv = {
  ORGRAPH_JWT_ISSUER?: string;
  ORGRAPH_JWT_AUDIENCE?: string;
  ORGRAPH_JWKS?: string;
  ORGRAPH_JWT_ROLE_CLAIM: string;
  ORGRAPH_JWT_SCOPE_CLAIM: string;
};

const REQUIRED = ['ORGRAPH_JWT_ISSUER', 'ORGRAPH_JWT_AUDIENCE', 'ORGRAPH_JWKS'] as const;

/**
 * Half a configuration would verify tokens against nothing (any issuer, any audience): when
 * one of the three is set, the others are required.
 */
export function checkJwtEnv(env: JwtEnv, context: z.RefinementCtx): void {
  if (!REQUIRED.some((name) => env[name] !== undefined)) return;
  for (const name of REQUIRED.filter((n) => env[n] === undefined)) {
    context.addIssue({
      code: 'custom',
      path: [name],
      message: `required with ${REQUIRED.filter((n) => n !== name).join(' and ')}`,
    });
  }
}

export function jwtConfigOf(env: JwtEnv): JwtConfig | null {
  const { ORGRAPH_JWT_ISSUER: issuer, ORGRAPH_JWT_AUDIENCE: audience, ORGRAPH_JWKS: jwks } = env;
  if (!issuer || !audience || !jwks) return null;
  return {
    issuer,
    audience,
    jwks: /^https:\/\//i.test(jwks)
      ? { kind: 'url', url: new URL(jwks) }
      : { kind: 'file', path: resolve(jwks) },
    roleClaim: env.ORGRAPH_JWT_ROLE_CLAIM,
    scopeClaim: env.ORGRAPH_JWT_SCOPE_CLAIM,
  };
}
