import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { arrayPage, type PageArgs, sqlPage } from '../graphql/pagination.js';
import { countScenarios, listScenarios } from './data.js';
import { isScenarioVisible } from './reveals.js';
import { Scenario } from './types.js';

/**
 * A scoped planner's list holds only the scenarios it may read, counted as such: one outside
 * its scope is neither listed nor counted, as if it did not exist. Scenarios are few (drafts
 * people write), so that list is filtered in memory.
 */
async function scopedScenarios(page: PageArgs, context: Context) {
  const all = await listScenarios(context.db, 0, await countScenarios(context.db));
  const visible = await Promise.all(all.map((s) => isScenarioVisible(context, s)));
  return arrayPage(
    page,
    all.filter((_s, i) => visible[i]),
    // A scoped list holds other items than the whole one: its cursors are its own.
    { list: 'scenarios', chosenBy: { scope: context.viewer.scope?.slug } },
  );
}

builder.queryFields((t) => ({
  scenarios: t.connection(
    {
      type: Scenario,
      description:
        'Saved planning scenarios, newest first. Confidential: PLANNER; a scoped token lists ' +
        'those within its scope.',
      authScopes: { planner: true },
      resolve: (_root, page, context) =>
        context.viewer.scope
          ? scopedScenarios(page, context)
          : sqlPage(
              page,
              () => countScenarios(context.db),
              (offset, limit) => listScenarios(context.db, offset, limit),
              { list: 'scenarios' },
            ),
    },
    // SPEC §3 names the list's type: `scenarios(…): ScenarioConnection!`.
    { name: 'ScenarioConnection', description: 'A page of scenarios.' },
    { name: 'ScenarioEdge', description: 'A scenario and its cursor.' },
  ),
}));
