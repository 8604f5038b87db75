import { buildPgliteTemplate } from '../../src/db/pglite-template.js';
import buildDist from '../ops/build.js';
import { demoOriginal } from '../ops/processes.js';
import buildWeb from './build-web.js';

/**
 * vitest globalSetup: everything the tests start from, built before the workers start, the
 * independent parts side by side (two cores): dist/ (child processes) beside the dashboard's
 * bundle and the migrated PGlite template (in this process) that every test database and
 * every new data folder starts from; then the demo folder the process tests copy, whose
 * first start uses both. Done one after the other, a fresh clone waited for each.
 */
export default async function setup(): Promise<() => void> {
  // On PostgreSQL nothing uses it: test databases copy a migrated database on the server, and
  // the process tests that start embedded servers skip.
  const template = process.env.DATABASE_URL ? undefined : buildPgliteTemplate();
  const [teardown] = await Promise.all([
    buildDist().then(async (teardown) => {
      if (template) {
        await template;
        await demoOriginal();
      }
      return teardown;
    }),
    buildWeb(),
  ]);
  return teardown;
}
