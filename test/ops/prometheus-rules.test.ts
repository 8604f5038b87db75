import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { settledScrape } from '../helpers/scrape.js';
import { useTestOrg } from '../helpers/test-org.js';
import { specDocument } from '../orgdoc/fixtures.js';

// The alert rule of docs/hygiene.md, checked by Prometheus' own tool (Debian: `prometheus`).
const RULES = 'docs/prometheus/orgraph-rules.yml';
const promtool = spawnSync('promtool', ['--version']).status === 0;
if (!promtool)
  console.warn('promtool not found: install Debian\'s "prometheus" package to run these');

const run = (...args: string[]) => spawnSync('promtool', args, { encoding: 'utf8' });

describe.skipIf(!promtool)('the metrics and the alert rule, by promtool', () => {
  const t = useTestOrg(specDocument());
  const dir = mkdtempSync(join(tmpdir(), 'orgraph-rules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves a scrape promtool check metrics passes', async () => {
    // prom-client's nodejs_active_{handles,requests,resources}_total are gauges named as
    // counters: the lint failed every scrape, and a CI check piping one to it with it.
    const checked = spawnSync('promtool', ['check', 'metrics'], {
      input: await settledScrape(t),
      encoding: 'utf8',
    });
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.status).toBe(0);
  });

  it('is accepted by promtool check rules, and passes its recorded test', () => {
    const checked = run('check', 'rules', RULES);
    expect(checked.stdout + checked.stderr).toContain('SUCCESS: 1 rules found');
    expect(checked.status).toBe(0);
    const tested = run('test', 'rules', 'docs/prometheus/orgraph-rules.test.yml');
    expect(tested.stdout + tested.stderr).toContain('SUCCESS');
    expect(tested.status).toBe(0);
  });

  it('fires on the series orgraph serves when a Team loses its Tech Lead', async () => {
    const scrape = async () => {
      const text = await settledScrape(t);
      return text.split('\n').filter((line) => line.startsWith('orgraph_units{layer="TEAM"'));
    };
    const before = await scrape();
    const { vacateSeat } = await t.data(
      'mutation { vacateSeat(input: { unit: "storage", seat: TECH_LEAD }) { userErrors { message } } }',
    );
    expect(vacateSeat.userErrors).toEqual([]);
    const after = await scrape();
    // Scraped every 5 minutes: three scrapes before the Tech Lead left, five after.
    const series = before.map((line, i) => {
      const [name, value] = line.split(' ');
      const later = after[i]?.split(' ')[1];
      const labels = (name as string).replace('{', '{instance="orgraph-1:4000",job="orgraph",');
      return `      - series: '${labels}'\n        values: '${`${value} `.repeat(3)}${`${later} `.repeat(5).trim()}'`;
    });
    const without = (lines: string[]) =>
      lines
        .filter((l) => /status="(TECH_LEAD_MANAGER|VACANT)"/.test(l))
        .reduce((sum, l) => sum + Number(l.split(' ')[1]), 0);
    expect(without(after)).toBe(without(before) + 1);
    copyFileSync(RULES, join(dir, 'orgraph-rules.yml'));
    writeFileSync(join(dir, 'recorded.test.yml'), recordedTest(series, without(after)));
    const tested = run('test', 'rules', join(dir, 'recorded.test.yml'));
    expect(tested.stdout + tested.stderr).toContain('SUCCESS');
    expect(tested.status).toBe(0);
  });
});

function recordedTest(series: string[], teamsWithout: number): string {
  const firing = `          - exp_labels: { severity: warning }
            exp_annotations:
              summary: A Team lost its Tech Lead
              description: '${teamsWithout} Teams have no Tech Lead of their own, more than at some point in the last 15 minutes.'`;
  return `rule_files: [orgraph-rules.yml]
evaluation_interval: 1m
tests:
  - interval: 5m
    input_series:
${series.join('\n')}
    alert_rule_test:
      - { eval_time: 10m, alertname: OrgraphTeamLostTechLead, exp_alerts: [] }
      - eval_time: 15m
        alertname: OrgraphTeamLostTechLead
        exp_alerts:
${firing}
      - { eval_time: 30m, alertname: OrgraphTeamLostTechLead, exp_alerts: [] }
`;
}
