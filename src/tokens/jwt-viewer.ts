import type { JWTPayload } from 'jose';
import { type ApiRole, apiRoleEnum } from '../db/tables.js';
import type { Viewer, ViewerScope } from '../graphql/context.js';
import type { JwtConfig } from './jwt-config.js';

/**
 * The role a claim grants: a role name (any case), or a list of them — identity providers
 * often send groups as an array — of which the highest counts. Anything else grants nothing.
 * Only ASCII letters are folded: `toUpperCase` turns the dotless ı of "admın" into I.
 */
function roleOfClaim(claim: unknown): ApiRole | null {
  const values = (Array.isArray(claim) ? claim : [claim]).filter(
    (v): v is string => typeof v === 'string' && /^[a-z]+$/i.test(v),
  );
  const named = new Set(values.map((v) => v.toUpperCase()));
  return [...apiRoleEnum.enumValues].reverse().find((role) => named.has(role)) ?? null;
}

/** An authenticated identity that may do nothing: `viewer` answers, every other field says why. */
function noRole(name: string, reason: string): Viewer {
  return { role: null, via: 'JWT', name, scope: null, noRoleReason: reason };
}

/**
 * Who a verified JWT speaks for: its subject, with the role and scope of its claims. A JWT
 * without a usable role claim gets no access (never a default role), and a scope that names
 * no unit, or scopes an ADMIN, voids the identity rather than silently widening it.
 */
export async function viewerOfJwt(
  claims: JWTPayload,
  config: JwtConfig,
  scopeOf: (slug: string) => Promise<ViewerScope | null>,
): Promise<Viewer> {
  const name = claims.sub as string; // checked non-empty by the verifier
  const role = roleOfClaim(claims[config.roleClaim]);
  if (!role) {
    return noRole(
      name,
      `the JWT has no "${config.roleClaim}" claim naming VIEWER, PLANNER or ADMIN.`,
    );
  }
  const scopeClaim = claims[config.scopeClaim];
  if (scopeClaim === undefined || scopeClaim === null || scopeClaim === '') {
    return { role, via: 'JWT', name, scope: null };
  }
  if (typeof scopeClaim !== 'string') {
    return noRole(name, `the JWT's "${config.scopeClaim}" claim must be one unit slug.`);
  }
  if (role === 'ADMIN') {
    return noRole(name, `an ADMIN is never scoped, but the JWT's "${config.scopeClaim}" is set.`);
  }
  const scope = await scopeOf(scopeClaim);
  if (!scope) {
    return noRole(name, `the JWT's "${config.scopeClaim}" names no unit ("${scopeClaim}").`);
  }
  return { role, via: 'JWT', name, scope };
}
