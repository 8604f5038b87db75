import { GraphQLError } from 'graphql';
import { personWithEmail } from '../core/org/on-day.js';
import type { OrgState, PersonState, UnitState } from '../core/org/state.js';
import { subtreeOf } from '../core/org/subtree.js';
import { scopeIdIn } from './args.js';

/** An argument naming nothing in the org: a typed error naming the argument, not an empty answer. */
export function notFound(argument: string, message: string): never {
  throw new GraphQLError(`${argument}: ${message}`, {
    extensions: { code: 'NOT_FOUND', argument },
  });
}

/** An argument the query cannot answer as given: a typed error naming it. */
export function badArgument(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', argument },
  });
}

/** The person with this email (any case) in the state, departed or not. */
export function personIn(state: OrgState, email: string, argument: string): PersonState {
  return personWithEmail(state, email) ?? notFound(argument, `no person "${email}"`);
}

/** The unit with this slug in the org on the state's day (created, not archived). */
export function unitIn(state: OrgState, slug: string, argument: string): UnitState {
  const unit = state.units.find((u) => u.slug === slug);
  return unit ?? notFound(argument, `no unit "${slug}" in the org on ${state.asOf}`);
}

/** The active Team with this slug in the state; another layer is a bad argument. */
export function teamIn(state: OrgState, slug: string, argument: string): UnitState {
  const unit = unitIn(state, slug, argument);
  if (unit.layer !== 'TEAM') {
    const article = unit.layer === 'AREA' ? 'an' : 'a';
    throw badArgument(argument, `"${slug}" is ${article} ${unit.layer}, not a TEAM`);
  }
  return unit;
}

/** The units of a `scope` argument on the state's day (its whole subtree); null: the whole org. */
export function unitsOfScope(
  state: OrgState,
  scope: string | null | undefined,
): Set<number> | null {
  if (scope == null) return null;
  return new Set(subtreeOf(state, scopeIdIn(state, scope)).map((u) => u.id));
}
