import { builder } from '../graphql/builder.js';
import { sqlPage } from '../graphql/pagination.js';
import { countScenarios, listScenarios } from './data.js';
import { Scenario } from './types.js';

builder.queryFields((t) => ({
  scenarios: t.connection({
    type: Scenario,
    description: 'Saved planning scenarios, newest first. Confidential: PLANNER.',
    authScopes: { planner: true },
    resolve: (_root, page, { db }) =>
      sqlPage(
        page,
        () => countScenarios(db),
        (offset, limit) => listScenarios(db, offset, limit),
      ),
  }),
}));
