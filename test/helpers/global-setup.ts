import buildDist from '../ops/build.js';
import { demoOriginal } from '../ops/processes.js';
import buildWeb from './build-web.js';
import buildTemplate from './pglite-setup.js';

/**
 * vitest globalSetup: everything the tests start from, built before the workers start, the
 * independent parts side by side (two cores): dist/ and then the demo folder the process
 * tests copy (child processes) beside the dashboard's bundle and the migrated PGlite
 * template (in this process). Done one after the other, a fresh clone waited for each.
 */
export default async function setup(): Promise<() => void> {
  const [teardown] = await Promise.all([
    buildDist().then(async (teardown) => {
      // Only the PGlite run's process tests copy it (they skip with DATABASE_URL).
      if (!process.env.DATABASE_URL) await demoOriginal();
      return teardown;
    }),
    buildWeb().then(buildTemplate),
  ]);
  return teardown;
}
