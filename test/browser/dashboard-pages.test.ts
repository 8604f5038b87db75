import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/org/days.js';
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
import { expectWritten } from '../helpers/writes.js';

// A list longer than the API's page of 100 is read page by page on the dashboard: it showed
// the first 100 findings of thousands and no way to the rest. The churn's changes show the
// newest: it showed a year's first 100, the oldest.
const TODAY = new Date().toISOString().slice(0, 10);
const USABLE = () => performance.getEntriesByName('orgraph:usable').length > 0;
const SECOND_PAGE = `query ($after: String) { singlePointsOfFailure(first: 100, after: $after) {
  totalCount pageInfo { endCursor } nodes { message } } }`;

describe.skipIf(!hasChromium)(`dashboard pages${hasChromium ? '' : ` (${NO_CHROMIUM})`}`, () => {
  let api: TestApp;
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  beforeAll(async () => {
    // Today as the page's: the churn's period ends on the browser's day.
    // More than the 100 units the tree opens whole: it opens on its pillars.
    api = await startTestApp({ org: generateOrg({ ...SIZES.XS, teams: 110 }), today: TODAY });
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

  it('goes back to the last page when a live refresh leaves the one shown past the end', async () => {
    // 102 teams without a Tech Lead, then two given one elsewhere: the second page read
    // "101–100 of 100" over nothing, its Next button off, until the day or scope changed.
    const teams = Array.from({ length: 102 }, (_, i) => ({
      slug: `t${String(i).padStart(3, '0')}`,
      name: `Team ${i}`,
      layer: 'TEAM',
      parent: 'a',
    }));
    const own = await startTestApp({
      org: {
        people: [{ email: 'tl@example.com', name: 'Tee Ell' }],
        units: [
          { slug: 'p', name: 'P', layer: 'PILLAR' },
          { slug: 'a', name: 'A', layer: 'AREA', parent: 'p' },
          ...teams,
        ],
      },
      today: TODAY,
    });
    const ownServer = await listen(own.app);
    try {
      const page = await openDashboard(browser, ownServer.url, ADMIN_TOKEN);
      await page.waitForFunction(USABLE);
      const panel = page.locator('#no-tech-lead');
      await panel.getByRole('button', { name: 'Next 100' }).click();
      await expect
        .poll(() => panel.locator('.pager').textContent(), { timeout: 10_000 })
        .toContain('101–102 of 102');
      const ASSIGN = `mutation ($unit: String!) { assignSeat(input: {
        unit: $unit, seat: TECH_LEAD, person: "tl@example.com" }) { userErrors { message } } }`;
      for (const unit of ['t000', 't001']) await own.data(ASSIGN, { unit });
      // The live refresh follows the writes' orgChanged events: seconds on a loaded machine
      // (CI failed it once at the default second).
      await expect.poll(() => panel.locator('li').count(), { timeout: 15_000 }).toBe(100);
      expect(await panel.locator('.count').textContent()).toBe('100 teams without a Tech Lead');
      // One page now: no pager.
      expect(await panel.locator('.pager').count()).toBe(0);
      await page.close();
    } finally {
      await ownServer.close();
      await own.close();
    }
  });

  it('lists the churn newest first', async () => {
    const { teamsWithoutTechLead, people } = await api.data(`{
      teamsWithoutTechLead(first: 3) { nodes { slug } } people(first: 3) { nodes { email } } }`);
    const ASSIGN = `mutation ($input: AssignSeatInput!) { assignSeat(input: $input) {
      userErrors { path message code } } }`;
    for (const [i, team] of teamsWithoutTechLead.nodes.entries()) {
      const person = people.nodes[i].email;
      const startedOn = addDays(TODAY, -10 * (i + 1));
      await expectWritten(api, ASSIGN, { unit: team.slug, seat: 'TECH_LEAD', person, startedOn });
    }
    const { leadershipChanges } = await api.data(`{
      leadershipChanges(from: "${addDays(TODAY, -364)}", to: "${TODAY}", last: 100) {
        nodes { on } } }`);
    const newestFirst = leadershipChanges.nodes.map((c: { on: string }) => c.on).reverse();
    expect(new Set(newestFirst).size).toBeGreaterThan(2);
    const page = await openDashboard(browser, server.url, ADMIN_TOKEN);
    await page.waitForFunction(USABLE);
    const changes = page.locator('#churn .changes > li');
    await expect.poll(() => changes.count()).toBe(newestFirst.length);
    const shown = (await changes.allTextContents()).map((text) => text.slice(0, 10));
    expect(shown).toEqual(newestFirst);
    await page.close();
  });

  it('opens the tree of a large org on the scope picked, its teams in sight', async () => {
    // An area picked as the scope showed collapsed, its teams a click away.
    const { units } = await api.data(
      '{ units(layer: AREA, first: 100) { totalCount nodes { slug name children { slug } } } }',
    );
    const area = units.nodes.at(-1);
    const page = await openDashboard(browser, server.url, ADMIN_TOKEN);
    await page.goto(`${server.url}/?scope=${area.slug}`);
    await page.waitForFunction(USABLE);
    const tree = page.locator('#tree');
    for (const team of area.children)
      await expect.poll(() => tree.locator(`#unit-${team.slug}`).isVisible()).toBe(true);
    // Opened as a user would have, so it closes as any other.
    const toggle = tree.locator(`#unit-${area.slug} button.unit-name`);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    // Named by its unit alone: the arrow is drawn, not read ("▾ Name" was its name).
    const named = tree.getByRole('button', { name: area.name, exact: true });
    expect(await named.getAttribute('aria-expanded')).toBe('true');
    await toggle.click();
    await expect.poll(() => tree.locator(`#unit-${area.children[0].slug}`).count()).toBe(0);
    await page.close();
  });

  it('labels the trend by the days it answers, in a browser west of UTC too', async () => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'America/Los_Angeles' });
    // The axis is drawn on a canvas: its labels are read as drawn.
    await page.addInitScript(() => {
      const drawn: string[] = [];
      Object.assign(window, { drawn });
      const fill = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
        drawn.push(String(text));
        return fill.call(this, text, ...rest);
      };
    });
    await page.goto(`${server.url}/?asOf=2026-06-01`);
    await page.getByLabel('API token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Use the token' }).click();
    await page.waitForFunction(USABLE);
    const drawn = () => page.evaluate(() => (window as unknown as { drawn: string[] }).drawn);
    await expect.poll(async () => (await drawn()).length).toBeGreaterThan(0);
    // From June to June, as the points are (Los Angeles read them as from July to May).
    const months = (await drawn()).filter((text) => /^[A-Z][a-z]{2}$/.test(text));
    expect(months.slice(0, 7)).toEqual(['Jun', 'Aug', 'Oct', 'Dec', 'Feb', 'Apr', 'Jun']);
    await page.close();
  });
});
