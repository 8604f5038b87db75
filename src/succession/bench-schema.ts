import { successionBench } from '../core/bench.js';
import { BenchSeat } from '../coverage/schema.js';
import { asOfArg, orgFor, scopeArg, scopeIdIn } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import { COST, heavy } from '../graphql/costs.js';

builder.queryFields((t) => ({
  successionBench: t.field({
    type: [BenchSeat],
    description:
      'Every seat of a scope (Pillars first, by slug; Eng Lead first) with holder, tenure and ' +
      'candidates by readiness. Confidential: PLANNER. Bench strength: `coverage(scope).benchStrength`.',
    authScopes: { planner: true },
    ...heavy(COST.successionBench),
    args: { scope: scopeArg(t.arg), asOf: asOfArg(t.arg) },
    resolve: async (_root, { scope, asOf }, context) => {
      const state = await orgFor(context, asOf);
      return successionBench(state, scopeIdIn(state, scope)).seats;
    },
  }),
}));
