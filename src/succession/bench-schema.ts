import { successionBench } from '../core/bench.js';
import { BenchSeat } from '../coverage/seat-schema.js';
import { confidential, revealsOfScope } from '../graphql/access.js';
import { asOfArg, orgFor, scopeArg, scopeIdIn } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import { COST, heavy } from '../graphql/costs.js';
import { onDay } from '../graphql/on-day.js';

builder.queryFields((t) => ({
  successionBench: t.field({
    type: [BenchSeat],
    description:
      'Every seat of a scope (Pillars first, by slug; Eng Lead first) with holder, tenure and ' +
      'candidates by readiness. Confidential: PLANNER, and a scoped token only within its ' +
      'scope. Bench strength: `coverage(scope).benchStrength`.',
    // The bench of every unit of the scope asked: all must be inside a scoped caller's scope.
    authScopes: confidential('PLANNER', async (_root, { scope, asOf }, context) => {
      const state = await orgFor(context, asOf);
      return revealsOfScope(state, scopeIdIn(state, scope));
    }),
    ...heavy(COST.successionBench),
    args: { scope: scopeArg(t.arg), asOf: asOfArg(t.arg) },
    resolve: async (_root, { scope, asOf }, context) => {
      const state = await orgFor(context, asOf);
      return successionBench(state, scopeIdIn(state, scope)).seats.map((s) => onDay(s, state.asOf));
    },
  }),
}));
