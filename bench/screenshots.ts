import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
/**
 * `npm run screenshots`: the dashboard on the demo org, as a first visit in Debian's
 * Chromium sees it, light and dark, saved to docs/; prints the bundle's size and the time
 * from navigation to a usable page (tree, rollup and findings shown), median of 5 cold loads.
 */
import { openDatabase } from '../src/db/client.js';
import { loadDemoIfFirstStart, showDemoToken } from '../src/demo/load.js';
import { createApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { hasChromium, launchBrowser, listen, NO_CHROMIUM } from '../test/helpers/browser.js';
import { buildDashboard } from '../web/build.js';

const LOADS = 5;
const WHAT_IF = 'ian@example.com';

if (!hasChromium) throw new Error(NO_CHROMIUM);
const sizes = await buildDashboard();
const database = await openDatabase({});
await database.migrate();
// The demo's first start: load it, then mint the ADMIN token a new user is shown.
const dataDir = mkdtempSync(join(tmpdir(), 'orgraph-screens-'));
await loadDemoIfFirstStart(database.db, dataDir, true);
let token = '';
await showDemoToken(database.db, dataDir, (secret) => {
  token = secret;
});
const app = createApp({ database, config: loadConfig({ ORGRAPH_DEMO: 'on' }) });
const server = await listen(app);

/** Opens the dashboard in a fresh profile (cold cache) with the token already in the tab. */
async function visit(dark: boolean, screenshot?: string): Promise<number> {
  const browser = await launchBrowser({ dark });
  try {
    await browser.context.addInitScript((secret) => {
      sessionStorage.setItem('orgraph.token', secret);
    }, token);
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => performance.getEntriesByName('orgraph:usable').length > 0);
    const usable = await page.evaluate(
      () => performance.getEntriesByName('orgraph:usable')[0]?.startTime ?? Number.NaN,
    );
    if (screenshot) {
      // With a "what if" asked, so the picture shows every panel at work.
      await page.getByLabel("Person's email").fill(WHAT_IF);
      await page.getByRole('button', { name: 'Show the impact' }).click();
      await page.locator('#what-if .impact').waitFor();
      await page.screenshot({ path: screenshot, fullPage: true });
    }
    return usable;
  } finally {
    await browser.close();
  }
}

await visit(false, 'docs/dashboard-light.png');
await visit(true, 'docs/dashboard-dark.png');
const times: number[] = [];
for (let i = 0; i < LOADS; i++) times.push(await visit(false));
times.sort((a, b) => a - b);

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(
  `bundle: ${Object.entries(sizes)
    .map(([f, b]) => `${f} ${kib(b)}`)
    .join(', ')}`,
);
console.log(
  `usable after (ms, ${LOADS} cold loads): median ${times[2]?.toFixed(0)}, ` +
    `min ${times[0]?.toFixed(0)}, max ${times[LOADS - 1]?.toFixed(0)}`,
);
console.log('screenshots: docs/dashboard-light.png, docs/dashboard-dark.png');
await server.close();
await database.close();
