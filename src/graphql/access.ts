import { GraphQLError } from 'graphql';
import { seatsHeldBy } from '../core/org/lookup.js';
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
  | { kind: 'SCOPE'; scope: string };

/**
 * THE authorization decision of orgraph (SPEC §4): every scope-auth scope and every in-resolver
 * check calls it. A role reads what its rank allows; a scoped caller reads confidential data
 * only of units inside its scope's subtree — all of them, or the read is refused (never
 * silently narrowed). What an unscoped VIEWER reads (structure, coverage, bench strength,
 * candidate counts) a scoped caller reads org-wide too: a scope only ever narrows PLANNER data.
 */
export function authorize(viewer: Viewer, need: Need): Denial | null {
  if (viewer.role === null) {
    return viewer.noRoleReason
      ? { kind: 'NO_ROLE', reason: viewer.noRoleReason }
      : { kind: 'UNAUTHENTICATED' };
  }
  if (RANK[viewer.role] < RANK[need.role]) return { kind: 'ROLE', role: viewer.role };
  const { scope } = viewer;
  if (!scope || need.reveals === undefined || need.role === 'VIEWER') return null;
  if (need.reveals !== 'ORG' && need.reveals.every((id) => scope.unitIds.has(id))) return null;
  return { kind: 'SCOPE', scope: scope.slug };
}

/**
 * The GraphQL error of a denial, naming the field (`Query.successionBench`), and what of it is
 * refused when the field itself is open to the caller (`kind SUCCESSOR_CONCENTRATION`).
 * A scope refusal says the same words whatever lies outside (which units, whose candidacies,
 * whether the thing asked for exists at all): its text and extensions depend only on the field
 * and the caller's own scope, so refusals tell a scoped caller nothing about the rest of the org.
 */
export function accessError(denial: Denial, field: string, part?: string): GraphQLError {
  const asked = part ? `${field}'s ${part}` : field;
  switch (denial.kind) {
    case 'UNAUTHENTICATED':
      return new GraphQLError('Authentication required: send a valid bearer token.', {
        extensions: { code: 'UNAUTHENTICATED' },
      });
    case 'NO_ROLE':
      return new GraphQLError(`Not authorized to ${verbOf(field)} ${asked}: ${denial.reason}`, {
        extensions: { code: 'FORBIDDEN', field },
      });
    case 'ROLE':
      return new GraphQLError(
        `Not authorized: your role (${denial.role}) cannot ${verbOf(field)} ${asked}.`,
        { extensions: { code: 'FORBIDDEN', field } },
      );
    case 'SCOPE':
      return new GraphQLError(
        `Not authorized: your access is scoped to "${denial.scope}"; ${asked} answers only ` +
          'within your scope.',
        { extensions: { code: 'FORBIDDEN', field, scope: denial.scope } },
      );
  }
}

/**
 * The refusal of an identity without a role whose request never reached a field (its
 * document failed): the reason alone, none of the document's own errors, which would name the
 * schema's fields to a caller allowed none of them.
 */
export function noRoleError(reason: string): GraphQLError {
  return new GraphQLError(`Not authorized: ${reason}`, { extensions: { code: 'FORBIDDEN' } });
}

/** What a caller does with a field: a mutation is run, anything else is read. */
function verbOf(field: string): 'run' | 'read' {
  return field.startsWith('Mutation.') ? 'run' : 'read';
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
 * What a person's confidential reads (departure impact, candidacies) reveal, judged from the
 * structure alone — the units of the seats they hold and of their team — never from their
 * candidacies, whose lying outside a scope is itself confidential. A person with neither lies
 * within every scope (SPEC: the impact needs every seat they hold inside it; they hold none, so
 * none is vacated and no candidate named, and findings are the scope's own); no one at all (an
 * unknown email) lies in none: refused like one outside it.
 */
export function revealsOfPerson(state: OrgState, personId: number | undefined): Reveals {
  if (personId === undefined) return 'ORG';
  const units = seatsHeldBy(state, personId).map((s) => s.unitId);
  for (const [unitId, members] of state.members) {
    if (members.includes(personId)) units.push(unitId);
  }
  return units;
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
