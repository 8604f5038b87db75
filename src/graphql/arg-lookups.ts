import { GraphQLError } from 'graphql';
import type { OrgState, PersonState, UnitState } from '../core/org/state.js';
import { subtreeOf } from '../core/org/subtree.js';
import { orgFor, scopeIdIn } from './args.js';
import type { Context } from './context.js';

/** An argument naming nothing in the org: a typed error naming the argument, not an empty answer. */
export function notFound(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, {
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
  const person = personWithEmail(state, email);
  if (!person) throw notFound(argument, `no person "${email}"`);
  return person;
}

/** The person with this email (any case) in the state, if any. */
export function personWithEmail(state: OrgState, email: string): PersonState | undefined {
  const wanted = email.toLowerCase();
  for (const person of state.people.values()) {
    if (person.email.toLowerCase() === wanted) return person;
  }
  return undefined;
}

/** The active Team with this slug in the state; another layer is a bad argument. */
export function teamIn(state: OrgState, slug: string, argument: string): UnitState {
  const unit = state.units.find((u) => u.slug === slug);
  if (!unit) throw notFound(argument, `no unit "${slug}" in the org on ${state.asOf}`);
  if (unit.layer !== 'TEAM') {
    throw new GraphQLError(
      `${argument}: "${slug}" is ${unit.layer === 'AREA' ? 'an' : 'a'} ${unit.layer}, not a TEAM`,
      {
        extensions: { code: 'BAD_USER_INPUT', argument },
      },
    );
  }
  return unit;
}

/** The units of a `scope` argument today (its whole subtree), or undefined for the whole org. */
export async function unitIdsOfScope(
  context: Context,
  scope: string | null | undefined,
): Promise<number[] | undefined> {
  if (scope == null) return undefined;
  const state = await orgFor(context, null);
  return subtreeOf(state, scopeIdIn(state, scope)).map((u) => u.id);
}
