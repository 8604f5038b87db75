import type { TestApp } from './app.js';

/** `GET /metrics` of a test app, as Prometheus reads it. */
export async function scrape(app: TestApp): Promise<string> {
  const response = await app.app.fetch('http://localhost/metrics');
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  return response.text();
}

/** `orgraph_units`' status label → the `LayerCoverage` field counting it. */
export const STATUS_FIELDS = {
  STAFFED: 'staffed',
  TECH_LEAD_MANAGER: 'techLeadManager',
  MISSING_ENG_LEAD: 'missingEngLead',
  VACANT: 'vacant',
} as const;

/** Every sample of one metric, keyed by its labels as written (`layer="TEAM",status="VACANT"`). */
export function samples(text: string, name: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = new RegExp(`^${name}(?:\\{(.*)\\})? (\\S+)$`).exec(line);
    if (match) found.set(match[1] ?? '', Number(match[2]));
  }
  return found;
}

/**
 * A scrape once the org gauges describe the newest org version the app holds: they are
 * worked out again in the background after a write, so a scrape right after one may still
 * show the org of before.
 */
export async function settledScrape(app: TestApp, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const text = await scrape(app);
    const version = (name: string) => samples(text, name).get('');
    if (version('orgraph_org_gauges_version') === version('orgraph_org_version')) return text;
    if (Date.now() > until) throw new Error('the org gauges did not catch up with the org');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
