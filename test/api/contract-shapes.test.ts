import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';

// Names and shapes SPEC §3 writes out in its GraphQL blocks, read through introspection of
// the served schema: a client generated from the SPEC must find them as written.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    org: { units: [{ slug: 'platform', name: 'Platform', layer: 'PILLAR' }] },
  });
});
afterAll(() => t.close());

const FIELD = `{ __type(name: "Query") { fields { name
  type { kind name ofType { name } }
  args { name defaultValue type { kind name } } } } __schema { types { name } } }`;

async function queryField(name: string) {
  const { __type, __schema } = await t.data(FIELD);
  const field = __type.fields.find((f: { name: string }) => f.name === name);
  return { field, typeNames: __schema.types.map((type: { name: string }) => type.name) };
}

describe('SPEC §3 names and shapes', () => {
  it('scenarios answers a ScenarioConnection!', async () => {
    const { field, typeNames } = await queryField('scenarios');
    expect(field.type).toMatchObject({ kind: 'NON_NULL', ofType: { name: 'ScenarioConnection' } });
    expect(typeNames).toContain('ScenarioEdge');
    const { scenarios } = await t.data('{ scenarios { totalCount nodes { id } } }');
    expect(scenarios).toEqual({ totalCount: 0, nodes: [] });
  });

  it('coverageTrend takes `every: Interval = MONTH`: an explicit null is the default', async () => {
    const { field } = await queryField('coverageTrend');
    const every = field.args.find((a: { name: string }) => a.name === 'every');
    expect(every).toMatchObject({
      defaultValue: 'MONTH',
      type: { kind: 'ENUM', name: 'Interval' },
    });
    const trend = (every: string) =>
      t.data(`{ coverageTrend(from: "2026-09-15", to: "2026-11-23", every: ${every}) { on } }`);
    const monthly = await trend('MONTH');
    expect(monthly.coverageTrend.map((p: { on: string }) => p.on)).toEqual([
      '2026-09-15',
      '2026-10-15',
      '2026-11-15',
      '2026-11-23',
    ]);
    expect(await trend('null')).toEqual(monthly);
  });
});
