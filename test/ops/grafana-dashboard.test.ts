import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { settledScrape } from '../helpers/scrape.js';
import { useTestOrg } from '../helpers/test-org.js';
import { specDocument } from '../orgdoc/fixtures.js';

// The Grafana dashboard of docs/prometheus, imported as it is: every query names series a
// scrape of orgraph has, and each parses as Prometheus reads it (promtool, Debian's
// `prometheus`; that part skipped where it is not installed, as the alert rule's test is).
type Panel = { id: number; title: string; targets: { expr: string; datasource: unknown }[] };
const DASHBOARD = JSON.parse(readFileSync('docs/prometheus/orgraph-dashboard.json', 'utf8')) as {
  panels: Panel[];
  templating: { list: { name: string; type: string }[] };
};
const exprs = DASHBOARD.panels.flatMap((panel) => panel.targets.map((target) => target.expr));
const promtool = spawnSync('promtool', ['--version']).status === 0;

describe('the Grafana dashboard', () => {
  const t = useTestOrg(specDocument());
  const dir = mkdtempSync(join(tmpdir(), 'orgraph-dashboard-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('queries only series a scrape of orgraph has, through the data source it asks for', async () => {
    await t.data('{ coverage { benchStrength } }');
    await t.gql('{ noSuchField }'); // an answer with errors: their counter's series
    const scrape = await settledScrape(t);
    const served = new Set(
      scrape
        .split('\n')
        .filter((line) => line.startsWith('orgraph_'))
        .map((line) => line.split(/[{ ]/)[0]),
    );
    const named = new Set(exprs.flatMap((expr) => expr.match(/orgraph_[a-z0-9_]+/g) ?? []));
    expect(named.size).toBeGreaterThan(8);
    expect([...named].filter((name) => !served.has(name))).toEqual([]);
    expect(DASHBOARD.templating.list).toMatchObject([{ name: 'datasource', type: 'datasource' }]);
    // Grafana's variable, which the import asks to point at a Prometheus data source.
    const chosen = ['$', '{datasource}'].join('');
    for (const { targets } of DASHBOARD.panels) {
      for (const target of targets) expect(target.datasource).toMatchObject({ uid: chosen });
    }
    const ids = DASHBOARD.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.skipIf(!promtool)('has queries promtool parses, each checked as a recording rule', () => {
    // Grafana's window for rate(), which it writes in before Prometheus reads the query.
    const read = (expr: string) => expr.replaceAll('$__rate_interval', '1m');
    const rules = exprs.map((expr, i) => ({ record: `orgraph:dashboard_${i}`, expr: read(expr) }));
    const file = join(dir, 'dashboard-rules.yml');
    writeFileSync(file, JSON.stringify({ groups: [{ name: 'dashboard', rules }] }));
    const checked = spawnSync('promtool', ['check', 'rules', file], { encoding: 'utf8' });
    expect(checked.stdout + checked.stderr).toContain(`SUCCESS: ${rules.length} rules found`);
    expect(checked.status).toBe(0);
  });
});
