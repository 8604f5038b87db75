import type { ArgBuilder } from '@pothos/core';
import { GraphQLError } from 'graphql';
import type { Day, OrgState } from '../core/org/state.js';
import type { LoadedOrg } from '../store/org-views.js';
import { refSchema } from '../writes/fields.js';
import type { Types } from './builder.js';
import type { Context } from './context.js';

/** The org on `asOf` (default: the request's today), from the shared snapshot. */
export function orgFor(context: Context, asOf: Day | null | undefined): Promise<OrgState> {
  return context.org.on(asOf ?? context.today);
}

/**
 * `answer` over the request's org snapshot: synchronously once the request has loaded it
 * (every field of a big tree but the first few), else once it is loaded. A resolver that
 * returns a value rather than a promise costs graphql-js no extra turn.
 */
export function withOrg<T>(context: Context, answer: (org: LoadedOrg) => T): T | Promise<T> {
  const org = context.org.loaded();
  if (org) return answer(org);
  return context.org.ready().then(() => answer(context.org.loaded() as LoadedOrg));
}

/** A scope slug as a unit id of the state (null: the whole org); unknown slugs are errors. */
export function scopeIdIn(state: OrgState, scope: string | null | undefined): number | null {
  if (scope == null) return null;
  const unit = state.units.find((u) => u.slug === scope);
  if (!unit) {
    throw new GraphQLError(`scope: no unit "${scope}" in the org on ${state.asOf}`, {
      extensions: { code: 'NOT_FOUND', argument: 'scope' },
    });
  }
  return unit.id;
}

/** The `asOf` argument every analysis field takes. */
export const asOfArg = (arg: ArgBuilder<Types>) =>
  arg({ type: 'Date', description: 'Answer as of this day (default: today).' });

/**
 * The rule of every slug or email argument: a control character (NUL above all) is refused
 * as bad input naming the argument, before any lookup.
 */
export const keyRule = { schema: refSchema };

/** The `scope` argument: a unit slug whose subtree is answered. */
export const scopeArg = (arg: ArgBuilder<Types>) =>
  arg.string({
    description: 'A unit slug: that unit and everything below it. None: the whole org.',
    validate: keyRule,
  });
