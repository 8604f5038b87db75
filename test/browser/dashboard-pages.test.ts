import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg, SIZES } from '../../src/demo/generate.js';
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../helpers/app.js';
import {
  type Browser,
  hasChromium,
  launchBrowser,
  listen,
  NO_CHROMIUM,
  openDashboard,
} from '../helpers/browser.js';

// A list longer than the API's page of 100 is read page by page on the dashboard: it showed
// the first 100 findings of thousands and no way to the rest.
const USABLE = () => performance.getEntriesByName('orgraph:usable').length > 0;
const SECOND_PAGE = `query ($after: String) { singlePointsOfFailure(first: 100, after: $after) {
  totalCount pageInfo { endCursor } nodes { message } } }`;

describe.skipIf(!hasChromium)(`dashboard pages${hasChromium ? '' : ` (${NO_CHROMIUM})`}`, () => {
  let api: TestApp;
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  beforeAll(async () => {
    api = await startTestApp({ org: generateOrg(SIZES.XS) });
    server = await listen(api.app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await api?.close();
  });

  it('shows the findings a page at a time, the next and previous a button away', async () => {
    const first = (await api.data(SECOND_PAGE, { after: null })).singlePointsOfFailure;
    expect(first.totalCount).toBeGreaterThan(100);
    const second = (await api.data(SECOND_PAGE, { after: first.pageInfo.endCursor }))
      .singlePointsOfFailure;
    const page = await openDashboard(browser, server.url, ADMIN_TOKEN);
    await page.waitForFunction(USABLE);
    const panel = page.locator('#findings');
    const messages = () => panel.locator('.message').allTextContents();
    await expect
      .poll(() => panel.locator('.pager').textContent())
      .toContain(`1–100 of ${first.totalCount}`);
    await panel.getByRole('button', { name: 'Next 100' }).click();
    await expect.poll(messages).toEqual(second.nodes.map((n: { message: string }) => n.message));
    expect(await panel.locator('.pager').textContent()).toContain(
      `101–${100 + second.nodes.length} of ${first.totalCount}`,
    );
    await panel.getByRole('button', { name: 'Previous 100' }).click();
    await expect.poll(messages).toEqual(first.nodes.map((n: { message: string }) => n.message));
    await page.close();
  });
});
