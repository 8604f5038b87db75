import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../helpers/app.js';
import {
  type BrowserTest,
  foreignRequests,
  hasChromium,
  NO_CHROMIUM,
  startBrowserTest,
} from '../helpers/browser.js';

if (!hasChromium) console.warn(`Skipping GraphiQL's browser test: ${NO_CHROMIUM}.`);

const title = `GraphiQL in Chromium${hasChromium ? '' : ` (skipped: ${NO_CHROMIUM})`}`;

describe.skipIf(!hasChromium)(title, () => {
  let session: BrowserTest;
  beforeAll(async () => {
    session = await startBrowserTest();
  });
  afterAll(() => session?.close());

  it('opens offline on orgraph’s query, asks nothing before the token, then answers', async () => {
    const { browser, url } = session;
    const page = await browser.context.newPage();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(`${r.method()} ${new URL(r.url()).pathname}`));
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    // Its policy lets in only this server (and the editor's blob: workers): nothing it needs
    // may be refused by it.
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await page.goto(`${url}/graphql`);

    // Monaco lays text out with no-break spaces.
    const text = async (selector: string) =>
      ((await page.locator(selector).textContent()) ?? '').replaceAll('\u00a0', ' ');
    await expect
      .poll(() => text('.graphiql-query-editor'), { timeout: 20_000 })
      .toContain('orgraph: leadership coverage');
    const token = page.getByText('PASTE_YOUR_TOKEN_HERE');
    await token.waitFor();
    // The schema came with the page: no introspection, so no request failed for want of a token.
    expect(asked.filter((r) => r.startsWith('POST'))).toEqual([]);

    // As a person would: select the placeholder (the last word of line 2), type the token.
    await token.click();
    for (const key of ['Control+End', 'ArrowUp', 'End', 'ArrowLeft', 'Control+Shift+ArrowLeft']) {
      await page.keyboard.press(key);
    }
    await page.keyboard.type(ADMIN_TOKEN);
    await page.getByRole('button', { name: /Execute query/ }).click();
    await expect.poll(() => text('.graphiql-response'), { timeout: 20_000 }).toContain('byLayer');
    expect(await text('.graphiql-response')).not.toContain('errors');
    expect(asked.filter((r) => r.startsWith('POST'))).toEqual(['POST /graphql']);

    expect(failed).toEqual([]);
    expect(refused).toEqual([]);
    expect(foreignRequests(browser.requests, url)).toEqual([]);
    await page.close();
  });
});
