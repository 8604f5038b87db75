import { GraphQLError } from 'graphql';
import type { OrgState } from '../core/org/state.js';
import { subtreeOf } from '../core/org/subtree.js';
import type { ApiRole } from '../db/tables.js';
import type { Context, Viewer } from './context.js';

const RANK: Record<ApiRole, number> = { VIEWER: 0, PLANNER: 1, ADMIN: 2 };

/**
 * The units an answer reveals confidential data of (candidates, readiness, the bench):
 * unit ids, or `ORG` for an answer about the whole org (an export, an unscoped bench).
 */
export type Reveals = readonly number[] | 'ORG';

/** What a read needs: a role, and for confidential data the units it reveals. */
export interface Need {
  role: ApiRole;
  reveals?: Reveals;
}

/** Why a read is refused. */
export type Denial =
  | { kind: 'UNAUTHENTICATED' }
  | { kind: 'NO_ROLE'; reason: string }
  | { kind: 'ROLE'; role: ApiRole }
  | { kind: 'SCOPE'; scope: string; outside: string[] | 'ORG' };

/**
 * THE authorization decision of orgraph (SPEC §4): every scope-auth scope and every in-resolver
 * check calls it. A role reads what its rank allows; a scoped caller reads confidential data
 * only of units inside its scope's subtree — all of them, or the read is refused (never
 * silently narrowed). Structure and coverage name no units here, so they stay org-wide.
 */
export function authorize(viewer: Viewer, need: Need): Denial | null {
  if (viewer.role === null) {
    return viewer.noRoleReason
      ? { kind: 'NO_ROLE', reason: viewer.noRoleReason }
      : { kind: 'UNAUTHENTICATED' };
  }
  if (RANK[viewer.role] < RANK[need.role]) return { kind: 'ROLE', role: viewer.role };
  const { scope } = viewer;
  if (!scope || need.reveals === undefined) return null;
  if (need.reveals === 'ORG') return { kind: 'SCOPE', scope: scope.slug, outside: 'ORG' };
  const outside = need.reveals.filter((id) => !scope.unitIds.has(id));
  if (outside.length === 0) return null;
  return { kind: 'SCOPE', scope: scope.slug, outside: [...new Set(outside.map(scope.slugOf))] };
}

const LISTED = 5;

function outsideText(outside: string[] | 'ORG'): string {
  if (outside === 'ORG') return 'the whole org';
  const more = outside.length > LISTED ? ` and ${outside.length - LISTED} more` : '';
  return `units outside it (${outside.slice(0, LISTED).join(', ')}${more})`;
}

/** The GraphQL error of a denial, naming the field (`Query.successionBench`) and the scope. */
export function accessError(denial: Denial, field: string): GraphQLError {
  switch (denial.kind) {
    case 'UNAUTHENTICATED':
      return new GraphQLError('Authentication required: send a valid bearer token.', {
        extensions: { code: 'UNAUTHENTICATED' },
      });
    case 'NO_ROLE':
      return new GraphQLError(`Not authorized to read ${field}: ${denial.reason}`, {
        extensions: { code: 'FORBIDDEN', field },
      });
    case 'ROLE':
      return new GraphQLError(`Not authorized: your role (${denial.role}) cannot read ${field}.`, {
        extensions: { code: 'FORBIDDEN', field },
      });
    case 'SCOPE':
      return new GraphQLError(
        `Not authorized: your access is scoped to "${denial.scope}"; ${field} would reveal ` +
          `succession data of ${outsideText(denial.outside)}. Ask within "${denial.scope}".`,
        { extensions: { code: 'FORBIDDEN', field, scope: denial.scope } },
      );
  }
}

/** For checks that need the computed answer (scenarios, findings): throws the denial, if any. */
export function requireAccess(context: Context, field: string, need: Need): void {
  const denial = authorize(context.viewer, need);
  if (denial) throw accessError(denial, field);
}

/** What a `scope` argument reveals: its subtree on the state's day, or the whole org. */
export function revealsOfScope(state: OrgState, scopeUnitId: number | null): Reveals {
  return scopeUnitId === null ? 'ORG' : subtreeOf(state, scopeUnitId).map((u) => u.id);
}

/**
 * A field's `authScopes` when what it reveals depends on the request (arguments, parent):
 * `reveals` runs only for a scoped caller who has the role, so others pay nothing for it and
 * a caller without the role is refused for the role, whatever the arguments.
 */
export function confidential<Parent, Args>(
  role: ApiRole,
  reveals: (parent: Parent, args: Args, context: Context) => Reveals | Promise<Reveals>,
) {
  return async (parent: Parent, args: Args, context: Context): Promise<{ confidential: Need }> => {
    const { viewer } = context;
    if (!viewer.scope || authorize(viewer, { role })) return { confidential: { role } };
    return { confidential: { role, reveals: await reveals(parent, args, context) } };
  };
}
