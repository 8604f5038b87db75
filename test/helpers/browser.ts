import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { demoDocument } from '../../src/demo/load.js';
import type { App } from '../../src/server/app.js';
import { startTestApp, type TestApp } from './app.js';

/** Debian's Chromium (`apt-get install chromium`): no browser is ever downloaded. */
const CHROMIUM = process.env.ORGRAPH_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const NO_CHROMIUM = `no Chromium at ${CHROMIUM} (apt-get install chromium, or set ORGRAPH_CHROMIUM)`;

// Headless, and quiet: the browser itself calls no one (updates, sync, field trials).
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  /** Every URL the pages asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** A fresh Chromium profile (its own user-data-dir), recording every request it makes. */
export async function launchBrowser(options: { dark?: boolean } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'orgraph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 1440, height: 900 },
    colorScheme: options.dark ? 'dark' : 'light',
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  return {
    context,
    requests,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The app on a real HTTP server, on a free port of the loopback interface (or `port`). */
export async function listen(app: App, port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Opens the dashboard, signs in with `token` through the page's own field (none: no token). */
export async function openDashboard(browser: Browser, url: string, token?: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${url}/`);
  if (token) {
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Use the token' }).click();
  }
  return page;
}

/** Requests that went anywhere but `origin` (blob: and data: URLs stay in the page). */
export function foreignRequests(requests: string[], origin: string): string[] {
  return requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(blob|data):/.test(url));
}

export interface BrowserTest {
  api: TestApp;
  /** Where the app listens, e.g. http://127.0.0.1:41234 */
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** The real app on the demo org, over HTTP on a free port, and a fresh Chromium to visit it. */
export async function startBrowserTest(): Promise<BrowserTest> {
  const api = await startTestApp({ org: demoDocument() });
  const server = await listen(api.app);
  const browser = await launchBrowser();
  return {
    api,
    url: server.url,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      await api.close();
    },
  };
}
