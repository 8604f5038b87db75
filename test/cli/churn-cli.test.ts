import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cliOn } from '../helpers/cli.js';
import { useTestOrg } from '../helpers/test-org.js';

// `npm run org -- churn` for scripts: the changes and the stats of a period, as text or CSV.
const e = (name: string) => `${name}@example.com`;
const t = useTestOrg(
  {
    people: ['ann', 'bob', 'cy'].map((n) => ({ email: e(n), name: n.toUpperCase() })),
    units: [
      { slug: 'p', name: 'P', layer: 'PILLAR', engLead: { person: e('ann'), since: '2026-01-01' } },
    ],
  },
  {
    setup: async (app) => {
      const assign = `mutation ($input: AssignSeatInput!) { assignSeat(input: $input) { userErrors { message } } }`;
      for (const input of [
        { unit: 'p', seat: 'ENG_LEAD', person: e('bob'), startedOn: '2026-03-01', acting: true },
        { unit: 'p', seat: 'TECH_LEAD', person: e('cy'), startedOn: '2026-04-01' },
      ]) {
        const { assignSeat } = await app.data(assign, { input });
        expect(assignSeat.userErrors).toEqual([]);
      }
    },
  },
);

const cli = () => cliOn(t);

const PERIOD = ['--from', '2026-02-01', '--to', '2026-06-30'];

describe('npm run org -- churn', () => {
  it('writes the changes of a period as CSV, one change a row', async () => {
    const c = cli();
    expect(await c.run('churn', ...PERIOD, '--format', 'csv')).toBe(0);
    expect(parse(c.out(), { columns: true })).toEqual([
      {
        on: '2026-03-01',
        unit: 'p',
        seat: 'ENG_LEAD',
        kind: 'REPLACED',
        before: e('ann'),
        beforeActing: 'false',
        after: e('bob'),
        afterActing: 'true',
      },
      {
        on: '2026-04-01',
        unit: 'p',
        seat: 'TECH_LEAD',
        kind: 'FILLED',
        before: '',
        beforeActing: 'false',
        after: e('cy'),
        afterActing: 'false',
      },
    ]);
  });

  it('writes the CSV header for a period of no change, as a script reading it expects', async () => {
    // It wrote nothing at all: no header, no line.
    const c = cli();
    expect(
      await c.run('churn', '--from', '2026-01-05', '--to', '2026-01-05', '--format', 'csv'),
    ).toBe(0);
    expect(c.out()).toBe('on,unit,seat,kind,before,beforeActing,after,afterActing\n');
  });

  it('writes the six stats rows, as CSV or as an aligned table', async () => {
    const csv = cli();
    expect(await csv.run('churn', ...PERIOD, '--stats', '--format', 'csv', '--scope', 'p')).toBe(0);
    const rows: Record<string, string>[] = parse(csv.out(), { columns: true });
    expect(rows.map((r) => `${r.layer} ${r.seat}`)).toEqual([
      'PILLAR ENG_LEAD',
      'PILLAR TECH_LEAD',
      'AREA ENG_LEAD',
      'AREA TECH_LEAD',
      'TEAM ENG_LEAD',
      'TEAM TECH_LEAD',
    ]);
    // The Tech Lead seat, empty from the history's first day (01-01) until cy on 04-01.
    expect(rows[1]).toMatchObject({ ended: '1', medianDaysVacant: '90', turnover: '0' });
    const text = cli();
    expect(await text.run('churn', ...PERIOD, '--stats')).toBe(0);
    expect(text.out()).toMatch(/^layer +seat +began +ended/);
    expect(text.out()).toMatch(/\nPILLAR +TECH_LEAD +0 +1 +90 +90 +0 +- +- +0\n/);
  });

  it('refuses a period that ends before it starts, and bad options, as bad usage', async () => {
    const backwards = cli();
    expect(await backwards.run('churn', '--from', '2026-06-30', '--to', '2026-02-01')).toBe(2);
    expect(backwards.err()).toMatch(/^--from: 2026-06-30 is after --to 2026-02-01\n/);
    const missing = cli();
    expect(await missing.run('churn', '--from', '2026-06-30')).toBe(2);
    expect(missing.err()).toMatch(/--to DATE/);
    const format = cli();
    expect(await format.run('churn', ...PERIOD, '--format', 'xlsx')).toBe(2);
    expect(format.err()).toMatch(/--format: "xlsx"/);
  });
});
