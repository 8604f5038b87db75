import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/org/days.js';
import { ADMIN_TOKEN, TODAY, testAppOn } from '../helpers/app.js';
import {
  type BrowserTest,
  hasChromium,
  listen,
  NO_CHROMIUM,
  openDashboard,
  startBrowserTest,
} from '../helpers/browser.js';

/** A wait for what a live refresh or a first load brings: seconds on a loaded machine. */
const LIVE = { timeout: 15_000 };

// What the page tells a person whose token goes bad while it is open, or is pasted wrong,
// and a day typed into "As of" with the keyboard. Each failed before its fix.
const USABLE = () => performance.getEntriesByName('orgraph:usable').length > 0;

describe.skipIf(!hasChromium)(
  `the dashboard, kept honest${hasChromium ? '' : ` (${NO_CHROMIUM})`}`,
  () => {
    let session: BrowserTest;
    beforeAll(async () => {
      session = await startBrowserTest();
    });
    afterAll(() => session?.close());

    it('says so when its API token is revoked while the page is open', async () => {
      // It went on showing the org as it was, as if live, retrying its stream quietly.
      const { api, browser, url } = session;
      const { createApiToken } = await api.data(
        `mutation { createApiToken(input: { name: "revoked while open", role: VIEWER }) {
          token apiToken { id } } }`,
      );
      const page = await openDashboard(browser, url, createApiToken.token);
      await page.waitForFunction(USABLE);
      await expect.poll(() => page.locator('#churn tbody tr').count(), LIVE).toBeGreaterThan(0);
      expect(await page.getByRole('alert').count()).toBe(0);
      await api.data(
        'mutation ($id: ID!) { revokeApiToken(input: { id: $id }) { userErrors { code } } }',
        { id: createApiToken.apiToken.id },
      );
      await expect
        .poll(() => page.getByRole('alert').allTextContents(), { timeout: 15_000 })
        .toContainEqual(expect.stringContaining('Invalid or revoked token'));
      await page.close();
    });

    it('refreshes once for a burst of writes, not once for each', async () => {
      // Every write asked all of the page's questions again: ten writes, ten rounds of ten.
      const { api, browser, url } = session;
      const page = await openDashboard(browser, url, ADMIN_TOKEN);
      await page.waitForFunction(USABLE);
      let rounds = 0;
      page.on('request', (request) => {
        if (request.postData()?.includes('query DashboardTree')) rounds += 1;
      });
      const RENAME = `mutation ($name: String!) { updateUnit(input: { slug: "labs", name: $name }) {
        userErrors { code } } }`;
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => api.data(RENAME, { name: `Labs ${i}` })),
      );
      const { unit } = await api.data('{ unit(slug: "labs") { name } }');
      await expect.poll(() => page.locator('#unit-labs').textContent(), LIVE).toContain(unit.name);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(rounds).toBeGreaterThan(0);
      expect(rounds).toBeLessThan(4);
      await api.data(RENAME, { name: 'Labs' });
      await page.close();
    });

    it('comes back by itself once the server is back after a restart', async () => {
      // Its feed stopped when the first question after the restart found the server still
      // down: the page said "The server could not be reached." until Refresh was clicked.
      const first = await listen(session.api.app);
      const page = await openDashboard(session.browser, first.url, ADMIN_TOKEN);
      await page.waitForFunction(USABLE);
      await page.getByLabel('Severity').selectOption('CRITICAL');
      await first.close();
      await expect
        .poll(() => page.getByRole('alert').allTextContents(), { timeout: 15_000 })
        .toContainEqual(expect.stringContaining('could not be reached'));
      // What it last answered stays, the filters too: the page was one line, set back after.
      expect(await page.locator('#tree li').count()).toBeGreaterThan(0);
      expect(await page.getByLabel('Severity').inputValue()).toBe('CRITICAL');
      // Still down a moment after the page gave up the stream: it must keep trying.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const again = await listen(session.api.app, Number(new URL(first.url).port));
      try {
        await expect.poll(() => page.getByRole('alert').count(), { timeout: 15_000 }).toBe(0);
        await expect.poll(() => page.locator('#churn tbody tr').count(), LIVE).toBeGreaterThan(0);
        expect(await page.getByLabel('Severity').inputValue()).toBe('CRITICAL');
      } finally {
        await page.close();
        await again.close();
      }
    });

    it('moves the churn period on at midnight, as the trend, when the page refreshes', async () => {
      // The trend moved to the new day and the churn panel kept yesterday as its last day.
      // The day is the server's (the browser's, when the page took it from its own clock,
      // ended the trend and the churn on another day than the rest): here it moves at once.
      let day = TODAY;
      const moving = testAppOn({ database: session.api.database, watch: () => {} }, {}, () => day);
      const server = await listen(moving.app);
      const page = await openDashboard(session.browser, server.url, ADMIN_TOKEN);
      try {
        await expect.poll(() => page.locator('#churn tbody tr').count(), LIVE).toBeGreaterThan(0);
        const to = page.locator('#churn').getByLabel('To', { exact: true });
        expect(await to.inputValue()).toBe(TODAY);
        const trendDays = page.locator('#trend .scroll tbody tr th');
        expect(await trendDays.last().textContent()).toBe(TODAY);
        day = addDays(TODAY, 1);
        // A write: the live feed asks every panel again.
        await moving.data(
          `mutation { createPerson(input: { email: "midnight-${Date.now()}@example.com", name: "M" }) {
            userErrors { message } } }`,
        );
        await expect.poll(() => to.inputValue(), { timeout: 15_000 }).toBe(day);
        await expect.poll(() => trendDays.last().textContent()).toBe(day);
      } finally {
        await page.close();
        await server.close();
        await moving.app.dispose();
      }
    });

    it("judges a scope's archive day by the server's today, not the browser's clock", async () => {
      // The browser's day is past the server's TODAY: a team archived from the day after was
      // called "not in the org that day" while every panel answered for it on the server's day.
      const archived = addDays(TODAY, 1);
      expect(new Date().toISOString().slice(0, 10) >= archived).toBe(true);
      await session.api.data(
        `mutation ($on: Date!) {
          createUnit(input: { slug: "closing", name: "Closing", layer: TEAM, parent: "infra" }) {
            userErrors { message } }
          archiveUnit(input: { slug: "closing", on: $on }) { userErrors { message } } }`,
        { on: archived },
      );
      const page = await openDashboard(session.browser, session.url, ADMIN_TOKEN);
      await page.goto(`${session.url}/?scope=closing`);
      await page.waitForFunction(USABLE);
      const picked = page.getByLabel('Scope').locator('option:checked');
      await expect.poll(() => picked.textContent()).toBe('Closing (team)');
      await page.close();
    });

    it('names the token, not the server, when a pasted token cannot be sent', async () => {
      // A typographic apostrophe picked up in a chat: it read "The server could not be reached."
      const page = await openDashboard(session.browser, session.url, 'orgraph_abc’def');
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      expect((await alert.allTextContents()).join(' ')).toContain('This token has a character');
      await page.close();
    });

    it('takes a token pasted as the header reads it ("Bearer …")', async () => {
      const page = await openDashboard(session.browser, session.url, `Bearer ${ADMIN_TOKEN}`);
      await page.waitForFunction(USABLE);
      expect(await page.getByRole('alert').count()).toBe(0);
      await page.close();
    });

    it('asks only the days the API answers while a day is typed, keeping the filters', async () => {
      const page = await openDashboard(session.browser, session.url, ADMIN_TOKEN);
      await page.waitForFunction(USABLE);
      await page.getByLabel('Severity').selectOption('CRITICAL');
      const asked: string[] = [];
      page.on('request', (r) => {
        const day = JSON.parse(r.postData() ?? '{}').variables?.asOf;
        if (typeof day === 'string') asked.push(day);
      });
      // Typed digit by digit (en-US: mm dd yyyy), the field holds 0002, 0020, 0202 on the way to
      // 2025: each was asked of every panel, refused, and the page rebuilt (the filter lost).
      await page.getByLabel('As of').focus();
      await page.keyboard.type('06012025', { delay: 100 });
      await expect.poll(() => page.url()).toContain('asOf=2025-06-01');
      await expect.poll(() => page.locator('#findings').getAttribute('aria-busy')).toBe('false');
      expect(asked.filter((day) => day < '1900-01-01')).toEqual([]);
      expect(await page.getByLabel('Severity').inputValue()).toBe('CRITICAL');
      await page.close();
    });

    it('asks the day a typing stops at, and says a day it does not answer, answering on', async () => {
      // 12/31/2025 typed over 06/01/2025 passed through 12/01, 12/03 and 12/31 of 2025's
      // neighbours, every panel asked for each; 01/01/1899 was shown while the page answered
      // for the last day the typing passed, and 02/30/2026 silently for today.
      const page = await openDashboard(session.browser, session.url, ADMIN_TOKEN);
      await page.waitForFunction(USABLE);
      const picker = page.getByLabel('As of');
      await picker.fill('2025-06-01');
      await expect.poll(() => page.url()).toContain('asOf=2025-06-01');
      await expect.poll(() => page.locator('#findings').getAttribute('aria-busy')).toBe('false');
      const asked = new Set<string>();
      page.on('request', (r) => {
        const day = JSON.parse(r.postData() ?? '{}').variables?.asOf;
        if (typeof day === 'string') asked.add(day);
      });
      await picker.focus();
      await page.keyboard.type('12312025', { delay: 50 });
      await expect.poll(() => page.url()).toContain('asOf=2025-12-31');
      // The address changes a render before the panels ask: wait for the asking, then its end.
      await expect.poll(() => [...asked]).toContain('2025-12-31');
      await expect.poll(() => page.locator('#findings').getAttribute('aria-busy')).toBe('false');
      // (The panels asked after the page was usable may still be asking 06-01's.) Each day the
      // typing passed through was asked (12-01, 12-03, 12-31); now the one it stops at, or on
      // a machine so loaded that the typing itself paused, one more.
      const others = [...asked].filter((day) => day !== '2025-06-01');
      expect(others.length).toBeLessThanOrEqual(2);
      asked.clear();
      await picker.focus();
      await page.keyboard.type('01011899', { delay: 50 });
      await page.locator('h1').click(); // leaving the picker
      const said = page.locator('.page-header [role=status]');
      await expect
        .poll(() => said.textContent())
        .toMatch(
          /^1899-\d\d-\d\d is not a day answered \(1900-01-01 to 2999-12-31\): still answers for 2025-12-31$/,
        );
      await page.waitForTimeout(600);
      expect(page.url()).toContain('asOf=2025-12-31');
      expect([...asked].filter((day) => day !== '2025-12-31')).toEqual([]);
      // Today, clicked straight from a day typed wrong: the warning said as the picker is left
      // moved the button from under the pointer (the click was lost), and stayed once it worked.
      await picker.focus();
      await page.keyboard.type('01011899', { delay: 50 });
      const today = page.getByRole('button', { name: 'Today' });
      const box = await today.boundingBox();
      if (!box) throw new Error('no Today button');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.up();
      await expect.poll(() => page.url()).not.toContain('asOf=');
      await expect.poll(() => said.count()).toBe(0);
      await expect(page.locator('.page-header [aria-live]').textContent()).resolves.toBe(
        'Answers for today',
      );
      await page.close();
    });
  },
);
