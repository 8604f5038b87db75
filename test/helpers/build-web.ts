import { buildDashboard } from '../../web/build.js';

/** Part of the global setup (global-setup.ts): the pages under test are a fresh bundle of web/. */
export default async function setup(): Promise<void> {
  await buildDashboard();
}
