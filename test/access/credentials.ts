import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  exportJWK,
  generateKeyPair,
  type JWTHeaderParameters,
  type JWTPayload,
  SignJWT,
} from 'jose';
import type { TestApp } from '../helpers/app.js';
import { scratchDir } from '../ops/processes.js';

export const ISSUER = 'https://idp.example.test/';
export const AUDIENCE = 'orgraph';

const CREATE_TOKEN = `mutation ($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token apiToken { id } userErrors { path message code } }
}`;

/** A new API token through the API (as the bootstrap admin); its secret. */
export async function tokenFor(
  t: TestApp,
  role: string,
  scope?: string,
  name = `${role} ${scope ?? 'org'}`,
): Promise<string> {
  const input = { name, role, scope };
  const { createApiToken } = await t.data(CREATE_TOKEN, { input });
  if (createApiToken.userErrors.length) throw new Error(JSON.stringify(createApiToken.userErrors));
  return createApiToken.token;
}

interface SignOptions {
  key?: CryptoKey | Uint8Array;
  header?: JWTHeaderParameters;
}

/**
 * An identity provider made in the test: an RS256 key pair, its public key published as a
 * JWK set file (the offline form of ORGRAPH_JWKS), and a signer. No network anywhere.
 */
export async function identityProvider(kid = 'key-1') {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  // In the run's scratch folder, removed when the run ends (27 folders were left per run).
  const jwksPath = join(scratchDir(), 'jwks.json');
  writeFileSync(jwksPath, JSON.stringify({ keys: [publicJwk] }));
  /** A JWT as the provider would issue it (valid for an hour), `claims` on top of its own. */
  const sign = (claims: JWTPayload, options: SignOptions = {}) => {
    const now = Math.floor(Date.now() / 1000);
    const standard = { iss: ISSUER, aud: AUDIENCE, sub: 'user-1', iat: now, exp: now + 3600 };
    return new SignJWT({ ...standard, ...claims })
      .setProtectedHeader(options.header ?? { alg: 'RS256', kid })
      .sign(options.key ?? privateKey);
  };
  return { publicJwk, publicKey, jwksPath, sign };
}

/** The environment that turns single sign-on on against `jwksPath`. */
export function ssoEnv(jwksPath: string, extra: Record<string, string> = {}) {
  return {
    ORGRAPH_JWT_ISSUER: ISSUER,
    ORGRAPH_JWT_AUDIENCE: AUDIENCE,
    ORGRAPH_JWKS: jwksPath,
    ...extra,
  };
}
