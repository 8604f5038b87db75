import { buildDashboard } from '../../web/build.js';

/** vitest globalSetup: the pages under test are served from a fresh bundle of web/. */
export default async function setup(): Promise<void> {
  await buildDashboard();
}
