import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, type TestApp, TODAY } from '../helpers/app.js';
import {
  type Browser,
  type BrowserTest,
  foreignRequests,
  hasChromium,
  NO_CHROMIUM,
  openDashboard,
  startBrowserTest,
} from '../helpers/browser.js';

if (!hasChromium) console.warn(`Skipping the dashboard's browser tests: ${NO_CHROMIUM}.`);

const CREATE_TOKEN = `mutation ($role: Role!, $scope: String) {
  createApiToken(input: { name: "dashboard test", role: $role, scope: $scope }) { token }
}`;

// Run in the page (a function, not a string: the page's CSP forbids eval).
const USABLE = () => performance.getEntriesByName('orgraph:usable').length > 0;

describe.skipIf(!hasChromium)(
  `the dashboard in Chromium${hasChromium ? '' : ` (skipped: ${NO_CHROMIUM})`}`,
  () => {
    let session: BrowserTest;
    let api: TestApp;
    let url: string;
    let browser: Browser;
    const tokens: Record<string, string> = {};

    beforeAll(async () => {
      session = await startBrowserTest();
      ({ api, url, browser } = session);
      for (const role of ['VIEWER', 'PLANNER']) {
        tokens[role] = (await api.data(CREATE_TOKEN, { role })).createApiToken.token;
      }
      const scoped = { role: 'PLANNER', scope: 'storage' };
      tokens.SCOPED = (await api.data(CREATE_TOKEN, scoped)).createApiToken.token;
    });

    afterAll(() => session?.close());

    // Every test's pages load nothing from another host (the pages only read: the org and
    // tokens made above are shared, each page a new tab with its own session).
    let requestsBefore = 0;
    beforeEach(() => {
      requestsBefore = browser.requests.length;
    });
    afterEach(() => {
      const requests = browser.requests.slice(requestsBefore);
      expect(requests.length).toBeGreaterThan(0);
      expect(foreignRequests(requests, url)).toEqual([]);
    });

    const row = (page: Page, slug: string) => page.locator(`#unit-${slug}`);

    it('asks for a token, then shows the demo tree with every coverage status, in words', async () => {
      const page = await browser.context.newPage();
      const before = browser.requests.length;
      await page.goto(`${url}/`);
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('Authentication');
      // Without a token only the sign-in check is asked: no panel's question to be refused.
      const asked = browser.requests.slice(before).filter((u) => u.startsWith(`${url}/graphql`));
      expect(asked).toHaveLength(1);
      await page.getByLabel('API token').fill(ADMIN_TOKEN);
      await page.getByRole('button', { name: 'Use the token' }).click();
      await page.waitForFunction(USABLE);
      await expect
        .poll(() => page.getByTestId('signed-in').textContent())
        .toBe('Signed in as ORGRAPH_ADMIN_TOKEN: ADMIN');

      expect(await row(page, 'platform').textContent()).toContain('Staffed · healthy');
      expect(await row(page, 'product').textContent()).toContain('Tech Lead Manager');
      expect(await row(page, 'ventures').textContent()).toContain('Missing Eng Lead');
      expect(await row(page, 'labs').textContent()).toContain('Vacant');
      const storage = await row(page, 'storage').textContent();
      expect(storage).toContain('Eng Lead: Ana Ruiz');
      expect(storage).toMatch(/\d+ engineers/);
      // Collapsible: closing Infrastructure hides its teams.
      await page.getByRole('button', { name: 'Infrastructure' }).click();
      await expect.poll(() => row(page, 'storage').count()).toBe(0);
      // Searchable, by a lead's name too.
      await page.getByLabel('Search units and leads').fill('Kim Sato');
      await expect.poll(() => row(page, 'compute').count()).toBe(1);
      expect(await row(page, 'checkout').count()).toBe(0);
      // The token stays for the tab: a reload needs no new one.
      await page.reload();
      await page.waitForFunction(USABLE);
      // The trend: a chart, and the same numbers as the API's `coverageTrend` in a table, up
      // to the server's today (TODAY; the browser's is another: it ended the trend there).
      const today = TODAY;
      const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
      const { coverageTrend } = await api.data(
        `{ coverageTrend(from: "${from}", to: "${today}", every: MONTH) {
            on byLayer { layer healthy units } } }`,
      );
      // The table of numbers (uPlot's legend is a table too).
      const trendRows = page.locator('#trend .scroll tbody tr');
      await expect.poll(() => trendRows.count()).toBe(coverageTrend.length);
      await expect.poll(() => page.locator('#trend .chart canvas').count()).toBeGreaterThan(0);
      const last = coverageTrend.at(-1);
      const pillars = last.byLayer.find((l: { layer: string }) => l.layer === 'PILLAR');
      expect(await trendRows.last().textContent()).toContain(
        `${last.on}${pillars.healthy} of ${pillars.units}`,
      );
      // Its four lines told apart by dash too, in colours no status badge uses: the layers
      // were the Staffed, TLM and Missing Eng Lead colours, one olive to a colour-blind eye.
      const markers = await page
        .locator('#trend .u-legend .u-marker')
        .evaluateAll((els) => els.map((el) => getComputedStyle(el).borderStyle));
      expect(markers.slice(-4)).toEqual(['solid', 'dashed', 'dotted', 'double']);
      const statusEdges = await page.evaluate(() =>
        ['--staffed-edge', '--tlm-edge', '--missing-edge', '--vacant-edge'].map((v) =>
          getComputedStyle(document.documentElement).getPropertyValue(v).trim(),
        ),
      );
      const lineColours = await page
        .locator('#trend .u-legend .u-marker')
        .evaluateAll((els) => els.map((el) => getComputedStyle(el).borderColor));
      const hex = (rgb: string) =>
        `#${(rgb.match(/\d+/g) ?? [])
          .slice(0, 3)
          .map((n) => Number(n).toString(16).padStart(2, '0'))
          .join('')}`;
      for (const colour of lineColours.slice(-4)) expect(statusEdges).not.toContain(hex(colour));
      await page.close();
    });

    it('filters findings by severity and kind, each linking to its unit', async () => {
      const page = await openDashboard(browser, url, ADMIN_TOKEN);
      await page.waitForFunction(USABLE);
      const findings = page.locator('#findings .findings > li');
      const { singlePointsOfFailure: all } = await api.data(
        '{ singlePointsOfFailure(first: 100) { totalCount } }',
      );
      await expect.poll(() => findings.count()).toBe(all.totalCount);

      await page.getByLabel('Severity').selectOption('CRITICAL');
      const { singlePointsOfFailure: critical } = await api.data(
        '{ singlePointsOfFailure(minSeverity: CRITICAL) { totalCount } }',
      );
      expect(critical.totalCount).toBeLessThan(all.totalCount);
      await expect.poll(() => findings.count()).toBe(critical.totalCount);
      expect(new Set(await findings.locator('.badge').allTextContents())).toEqual(
        new Set(['CRITICAL']),
      );

      await page.getByLabel('Severity').selectOption('');
      await page.getByLabel('Kind').selectOption('UNOWNED_AOR');
      const kinds = () => findings.evaluateAll((items) => items.map((i) => i.dataset.kind));
      await expect.poll(async () => new Set(await kinds())).toEqual(new Set(['UNOWNED_AOR']));

      // The link opens the way to the unit in the tree and moves the focus there.
      await page.getByRole('button', { name: 'Collapse all' }).click();
      const link = findings.first().getByRole('link');
      const slug = (await link.getAttribute('href'))?.replace('#unit-', '') ?? '';
      await link.click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`unit-${slug}`);
      await page.close();
    });

    it('shows the churn of the last 12 months: the six stats rows and the changes', async () => {
      const page = await openDashboard(browser, url, ADMIN_TOKEN);
      await page.waitForFunction(USABLE);
      // The server's today (the browser's is another): the period ends there.
      const today = TODAY;
      const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
      const { leadershipChanges } = await api.data(
        `{ leadershipChanges(from: "${from}", to: "${today}", last: 100) {
          totalCount nodes { on } } }`,
      );
      const churn = page.locator('#churn');
      await expect.poll(() => churn.locator('tbody tr').count()).toBe(6);
      expect(await churn.getByLabel('From', { exact: true }).inputValue()).toBe(from);
      const changes = churn.locator('.changes > li');
      await expect.poll(() => changes.count()).toBe(Math.min(leadershipChanges.totalCount, 100));
      // The newest first: a year of a big org's changes is more than a page.
      const shownDays = (await changes.allTextContents()).map((text) => text.slice(0, 10));
      const newestFirst = leadershipChanges.nodes.map((c: { on: string }) => c.on).reverse();
      expect(shownDays).toEqual(newestFirst);
      if (leadershipChanges.totalCount > 0) {
        const link = changes.first().getByRole('link');
        const slug = (await link.getAttribute('href'))?.replace('#unit-', '') ?? '';
        await link.click();
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.id))
          .toBe(`unit-${slug}`);
      }
      // A period the API refuses is said in the panel's words, not asked: 1899 showed the
      // API's message about a GraphQL variable, and a console 400.
      const asked: string[] = [];
      page.on('request', (r) => asked.push(r.postData() ?? ''));
      const fromField = churn.getByLabel('From', { exact: true });
      await fromField.fill('1899-06-01');
      await expect
        .poll(() => churn.getByRole('alert').textContent())
        .toBe('A period is two days from 1900-01-01 to 2999-12-31, From not after To.');
      await fromField.fill(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
      await expect.poll(() => churn.getByRole('alert').count()).toBe(1);
      expect(asked.filter((body) => body.includes('DashboardChurn'))).toEqual([]);
      await page.close();
    });

    it('fits the churn table beside the tree at 1400 px; narrower, it scrolls as a region', async () => {
      const page = await openDashboard(browser, url, ADMIN_TOKEN);
      await page.waitForFunction(USABLE);
      const table = page.getByRole('region', { name: 'Vacancies by seat' });
      await expect.poll(() => table.locator('tbody tr').count()).toBe(6);
      const overflow = () => table.evaluate((el) => el.scrollWidth - el.clientWidth);
      // At 1400 px its last column (Turnover) was cut off, with nothing saying so.
      await page.setViewportSize({ width: 1400, height: 900 });
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1200, height: 900 });
      expect(await overflow()).toBeGreaterThan(0);
      await table.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => table.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      await page.close();
    });

    it('answers for the day picked in "As of"', async () => {
      const page = await openDashboard(browser, url, ADMIN_TOKEN);
      await page.waitForFunction(USABLE);
      expect(await row(page, 'compute').textContent()).toContain('Tech Lead Manager');
      expect(await row(page, 'compute').textContent()).toContain('Kim Sato');

      // Kim Sato took the seat on 2026-08-03: a year before, nobody led Compute.
      await page.getByLabel('As of').fill('2025-06-01');
      await expect.poll(() => row(page, 'compute').textContent()).toContain('Vacant');
      expect(await row(page, 'compute').textContent()).not.toContain('Kim Sato');
      const { coverage } = await api.data(
        '{ coverage(asOf: "2025-06-01") { byLayer { vacant } } }',
      );
      const vacant = page.locator('#rollup tr', { hasText: 'Vacant' }).locator('td');
      await expect
        .poll(() => vacant.allTextContents())
        .toEqual(coverage.byLayer.map((l: { vacant: number }) => String(l.vacant)));
      expect(page.url()).toContain('asOf=2025-06-01');
      await page.close();
    });

    it('answers for the pillar or area picked in "Scope", kept in the address', async () => {
      const page = await openDashboard(browser, url, ADMIN_TOKEN);
      await page.waitForFunction(USABLE);
      const asked = async (scope: string | null) =>
        await api.data(
          `query ($scope: String) {
            coverage(scope: $scope) { byLayer { units } }
            singlePointsOfFailure(scope: $scope, first: 100) { totalCount }
          }`,
          { scope },
        );
      const platform = await asked('platform');
      const units = page.locator('#rollup tr', { hasText: 'Units' }).locator('td');
      const findings = page.locator('#findings .findings > li');
      await page.getByLabel('Scope').selectOption('platform');
      await expect
        .poll(() => units.allTextContents())
        .toEqual(platform.coverage.byLayer.map((l: { units: number }) => String(l.units)));
      await expect.poll(() => findings.count()).toBe(platform.singlePointsOfFailure.totalCount);
      expect(page.url()).toContain('scope=platform');
      // The tree shows the scope too: the pillar and what is under it, no other pillar.
      await expect.poll(() => row(page, 'product').count()).toBe(0);
      expect(await row(page, 'platform').isVisible()).toBe(true);
      expect(await page.locator('#tree').textContent()).toContain('Within Platform');
      // A shared address opens on the same scope; "Whole org" answers for all of it again.
      await page.reload();
      await page.waitForFunction(USABLE);
      expect(await page.getByLabel('Scope').inputValue()).toBe('platform');
      expect(await units.allTextContents()).toEqual(
        platform.coverage.byLayer.map((l: { units: number }) => String(l.units)),
      );
      await page.getByLabel('Scope').selectOption('');
      const whole = await asked(null);
      await expect.poll(() => findings.count()).toBe(whole.singlePointsOfFailure.totalCount);
      await expect.poll(() => row(page, 'product').isVisible()).toBe(true);
      expect(page.url()).not.toContain('scope=');
      await page.close();
    });

    it('names a team scope from the address, and says when a link leads outside the scope', async () => {
      const page = await openDashboard(browser, url, ADMIN_TOKEN);
      await page.goto(`${url}/?scope=storage`);
      await page.waitForFunction(USABLE);
      // The picker lists pillars and areas: a team was "storage (not in the org that day)".
      const picked = page.getByLabel('Scope').locator('option:checked');
      await expect.poll(() => picked.textContent()).toBe('Storage (team)');
      await page.getByLabel('Scope').selectOption('infra');
      await page.getByLabel("Person's email").fill('cy@example.com');
      await page.getByRole('button', { name: 'Show the impact' }).click();
      // Cy leads Pipelines, outside Infrastructure: its link did nothing, unsaid.
      await page.locator('#what-if').getByRole('link', { name: 'Pipelines' }).first().click();
      await expect
        .poll(() => page.locator('#tree [role=status]').textContent())
        .toBe('pipelines is outside Infrastructure, the scope picked: pick Whole org to see it.');
      await page.close();
    });

    it('answers for today when the address names a day the API does not (2026-02-30)', async () => {
      const page = await openDashboard(browser, url, ADMIN_TOKEN);
      await page.waitForFunction(USABLE);
      // It replaced the page with the API's refusal of the variable.
      for (const day of ['2026-02-30', '1800-01-01']) {
        await page.goto(`${url}/?asOf=${day}`);
        await page.waitForFunction(USABLE);
        // …and said so: the page silently answered for today.
        expect(await page.locator('body').textContent()).toContain(
          `Answers for today: asOf=${day} in the address is not an existing day from 1900-01-01 to 2999-12-31`,
        );
        expect(await row(page, 'compute').textContent()).toContain('Kim Sato');
      }
      // A day picked then is answered, the notice gone.
      await page.getByLabel('As of').fill('2025-06-01');
      await expect
        .poll(() => page.locator('body').textContent())
        .toContain('Answers for 2025-06-01');
      expect(await page.locator('body').textContent()).not.toContain('in the address');
      await page.close();
    });

    it('shows the policy in force on the day picked in "As of"', async () => {
      const page = await openDashboard(browser, url, ADMIN_TOKEN);
      await page.waitForFunction(USABLE);
      const panel = page.locator('#policy');
      // The demo's policy sets a span limit of 4 from 2026; before it, SPEC's default of 10.
      const shown = (day: string) =>
        api.data(`{ policy(asOf: "${day}") { since spanLimit } }`).then((d) => d.policy);
      const now = await shown(new Date().toISOString().slice(0, 10));
      await expect.poll(() => panel.textContent()).toContain(`Since ${now.since}`);
      expect(await panel.textContent()).toContain(`Span limit${now.spanLimit}`);
      await page.getByLabel('As of').fill('2025-06-01');
      const before = await shown('2025-06-01');
      expect(before.spanLimit).not.toBe(now.spanLimit);
      await expect.poll(() => panel.textContent()).toContain(`Span limit${before.spanLimit}`);
      // The policy of the first day, not "Since 1900-01-01"; nor "the defaults", which an
      // ADMIN's setPolicy from that day, or a database seeded from the environment, are not.
      expect(before.since).toBe('1900-01-01');
      expect(await panel.textContent()).toContain('In force from the first day');
      // The teams without a Tech Lead are counted up front, as the findings are.
      const { teamsWithoutTechLead } = await api.data(
        '{ teamsWithoutTechLead(asOf: "2025-06-01") { totalCount } }',
      );
      await expect
        .poll(() => page.locator('#no-tech-lead .count').textContent())
        .toBe(`${teamsWithoutTechLead.totalCount} teams without a Tech Lead`);
      await page.close();
    });

    it('refreshes on orgChanged: a write through the API shows up without a reload', async () => {
      // The page subscribes once its token proved good: a write after that is heard.
      const subscribed = browser.context.waitForEvent('response', {
        predicate: (r) => r.request().postData()?.includes('DashboardLive') ?? false,
      });
      const page = await openDashboard(browser, url, tokens.VIEWER);
      await page.waitForFunction(USABLE);
      let loads = 0;
      page.on('load', () => loads++);
      const rename = (name: string) =>
        api.data(
          `mutation ($name: String!) {
          updateUnit(input: { slug: "compute", name: $name }) { userErrors { code } }
        }`,
          { name },
        );
      expect(await row(page, 'compute').textContent()).not.toContain('Compute (live)');
      expect((await subscribed).status()).toBe(200);
      try {
        await rename('Compute (live)');
        await expect
          .poll(() => row(page, 'compute').textContent(), { timeout: 10_000 })
          .toContain('Compute (live)');
        expect(loads).toBe(0);
      } finally {
        await rename('Compute');
      }
      await page.close();
    });

    it('shows the bench and "what if" to a PLANNER, not to a VIEWER', async () => {
      const viewer = await browser.context.newPage();
      // Nor is a VIEWER's page asking the bench, to be refused: every refusal was a FORBIDDEN
      // in the server's log and error metrics, on each load and each live refresh.
      const asked: string[] = [];
      viewer.on('request', (r) => asked.push(r.postData() ?? ''));
      const scopeAsked = viewer.waitForResponse((r) =>
        /DashboardScope/.test(r.request().postData() ?? ''),
      );
      await viewer.goto(`${url}/`);
      await viewer.getByLabel('API token').fill(tokens.VIEWER ?? '');
      await viewer.getByRole('button', { name: 'Use the token' }).click();
      await viewer.waitForFunction(USABLE);
      await scopeAsked;
      expect(await viewer.locator('#bench, #what-if').count()).toBe(0);
      expect(asked.filter((body) => /DashboardBench/.test(body))).toEqual([]);
      expect(await viewer.locator('#tree').count()).toBe(1);
      // A kind the API refuses a VIEWER by name is not offered to filter by.
      const kinds = () => viewer.getByLabel('Kind').locator('option').allTextContents();
      expect(await kinds()).toContain('Unowned AoR');
      expect(await kinds()).not.toContain('Successor concentration');
      await viewer.close();

      const planner = await openDashboard(browser, url, tokens.PLANNER);
      const bench = planner.locator('#bench tbody tr');
      await expect.poll(() => bench.count()).toBeGreaterThan(0);
      const offered = () => planner.getByLabel('Kind').locator('option').allTextContents();
      await expect.poll(offered).toContain('Successor concentration');
      expect(await planner.locator('#bench').textContent()).toContain('Ana Ruiz');
      // The field suggests anyone whose name starts with what is typed, not seat holders only.
      const { people } = await api.data(
        '{ people(first: 100) { nodes { name email seats { seat } } } }',
      );
      const member = people.nodes.find((p: { seats: unknown[] }) => p.seats.length === 0);
      await planner.getByLabel("Person's email").fill(member.name.slice(0, 3));
      const suggested = planner.locator('#leaver-suggestions option');
      await expect
        .poll(() =>
          suggested.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
        )
        .toContain(member.email);
      await planner.getByLabel("Person's email").fill('nobody@example.com');
      await planner.getByRole('button', { name: 'Show the impact' }).click();
      const refused = planner.locator('#what-if').getByRole('alert');
      await expect.poll(() => refused.textContent()).toContain('no person "nobody@example.com"');
      await planner.getByLabel("Person's email").fill('ana@example.com');
      await planner.getByRole('button', { name: 'Show the impact' }).click();
      const impact = planner.locator('#what-if .impact');
      await expect.poll(() => impact.textContent()).toContain('If Ana Ruiz left');
      expect(await impact.textContent()).toContain('Seats they would vacate (1)');
      // Who is ready now and who in a year or two, not all "ready" (as the bench tells them).
      for (const [email, said] of [
        ['ian@example.com', 'Infrastructure · Eng Lead · ready now: Ana Ruiz'],
        ['cy@example.com', 'Platform · Tech Lead · ready soon: Ivy Chen'],
      ] as const) {
        await planner.getByLabel("Person's email").fill(email);
        await planner.getByRole('button', { name: 'Show the impact' }).click();
        await expect.poll(() => impact.textContent()).toContain(said);
      }
      await planner.close();
    });

    it('lets a keyboard skip the org tree: one tab stop past the header, then the panels', async () => {
      // Reaching the first panel took a tab stop for every unit of the tree.
      const page = await openDashboard(browser, url, tokens.VIEWER);
      await page.waitForFunction(USABLE);
      await page.getByRole('link', { name: 'GraphiQL' }).focus();
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip the org tree' });
      expect(await skip.evaluate((a) => a === document.activeElement)).toBe(true);
      expect((await skip.boundingBox())?.x).toBeGreaterThanOrEqual(0); // in sight once focused
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const landed = await page.evaluate(() => ({
        inPanels: document.activeElement?.closest('#panels') !== null,
        inTree: document.activeElement?.closest('#tree') !== null,
      }));
      expect(landed).toEqual({ inPanels: true, inTree: false });
      await page.close();
    });

    it("shows a scoped PLANNER its scope's bench, and the what-if within it", async () => {
      const planner = await openDashboard(browser, url, tokens.SCOPED);
      const bench = planner.locator('#bench tbody tr');
      // Asked once the page is usable, after the token's scope: on a loaded machine, seconds.
      await expect.poll(() => bench.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const units = await planner.locator('#bench tbody th a').allTextContents();
      expect(new Set(units)).toEqual(new Set(['Storage']));
      expect(await planner.getByTestId('signed-in').textContent()).toBe(
        'Signed in as dashboard test: PLANNER, Storage only',
      );
      await planner.getByLabel("Person's email").fill('ana@example.com');
      await planner.getByRole('button', { name: 'Show the impact' }).click();
      const impact = planner.locator('#what-if .impact');
      await expect.poll(() => impact.textContent()).toContain('If Ana Ruiz left');
      await planner.close();
    });
  },
);
