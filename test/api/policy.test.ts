import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/org/days.js';
import { startTestApp, TODAY, testAppOn, type WatchedDatabase } from '../helpers/app.js';
import { person, platformWithStorage, useTestOrg } from '../helpers/test-org.js';

// SPEC "Policies": the org's policy, dated, read by anyone, set by ADMIN through the one
// write path, answered `asOf` the day it was in force.
const ORG = {
  people: [
    person('ana@x.io'),
    person('dee@x.io', 'ana@x.io'),
    person('eli@x.io', 'ana@x.io'),
    person('fay@x.io', 'ana@x.io'),
  ],
  units: [
    ...platformWithStorage({
      engLead: 'ana@x.io',
      techLead: 'dee@x.io',
      members: ['dee@x.io', 'eli@x.io'],
    }),
  ],
};
const POLICY = `query ($asOf: Date) { policy(asOf: $asOf) {
  since tlmTeamSize longTlmDays spanLimit actingDays kinds { kind severity off } } }`;
const SET = `mutation ($input: SetPolicyInput!) { setPolicy(input: $input) {
  policy { since spanLimit kinds { kind severity off } } userErrors { path message code } } }`;
const FINDINGS = `query ($asOf: Date) { singlePointsOfFailure(asOf: $asOf, first: 100) {
  nodes { kind severity unit { slug } } } }`;

const t = useTestOrg(ORG);
// The org is imported TODAY: policies are set from days after it, so both sides have it.
const D = addDays(TODAY, 10);

async function kindsOn(asOf: string) {
  const { singlePointsOfFailure } = await t.data(FINDINGS, { asOf });
  return singlePointsOfFailure.nodes.map(
    (f: { kind: string; severity: string }) => `${f.severity} ${f.kind}`,
  );
}

describe('policy', () => {
  it("is SPEC's defaults before any is set, every kind listed", async () => {
    const { policy } = await t.data(POLICY);
    expect(policy).toMatchObject({
      since: '1900-01-01',
      tlmTeamSize: 4,
      longTlmDays: 180,
      spanLimit: 10,
      actingDays: 90,
    });
    expect(policy.kinds).toHaveLength(12);
    expect(policy.kinds).toContainEqual({ kind: 'WIDE_SPAN', severity: null, off: false });
  });

  it('changes findings from the day it is set on, not before', async () => {
    const set = await t.data(SET, { input: { on: D, spanLimit: 2 } });
    expect(set.setPolicy.userErrors).toEqual([]);
    expect(set.setPolicy.policy).toMatchObject({ since: D, spanLimit: 2 });
    expect(await kindsOn(addDays(D, -1))).not.toContain('MEDIUM WIDE_SPAN');
    expect(await kindsOn(D)).toContain('MEDIUM WIDE_SPAN');
    const before = (await t.data(POLICY, { asOf: addDays(D, -1) })).policy;
    expect(before).toMatchObject({ since: '1900-01-01', spanLimit: 10 });
    const after = (await t.data(POLICY, { asOf: D })).policy;
    expect(after).toMatchObject({ since: D, spanLimit: 2, tlmTeamSize: 4 });
  });

  it('overrides a severity or turns a kind off; omitted fields keep their value', async () => {
    await t.data(SET, { input: { on: D, spanLimit: 2 } });
    const kinds = [
      { kind: 'WIDE_SPAN', severity: 'CRITICAL' },
      { kind: 'NO_SUCCESSOR', off: true },
    ];
    await t.data(SET, { input: { on: addDays(D, 5), kinds } });
    const today = await kindsOn(addDays(D, 5));
    expect(today).toContain('CRITICAL WIDE_SPAN');
    expect(today.filter((k: string) => k.endsWith('NO_SUCCESSOR'))).toEqual([]);
    expect(await kindsOn(addDays(D, 4))).toContain('HIGH NO_SUCCESSOR');
    const { policy } = await t.data(POLICY, { asOf: addDays(D, 5) });
    expect(policy).toMatchObject({ since: addDays(D, 5), spanLimit: 2 });
    expect(policy.kinds).toContainEqual({ kind: 'NO_SUCCESSOR', severity: null, off: true });
  });

  it('changes coverage health from its day: tlmTeamSize', async () => {
    const query = `query ($asOf: Date) { coverage(asOf: $asOf) { byLayer { layer healthy } } }`;
    // A TLM team of 3 engineers: healthy while TLM teams need a Tech Lead from 4, not from 3.
    const web = { slug: 'web', name: 'Web', layer: 'TEAM', parent: 'infra', engLead: 'fay@x.io' };
    await t.importOrg({
      people: [person('gus@x.io'), person('hal@x.io'), person('ivy@x.io')],
      units: [{ ...web, members: ['gus@x.io', 'hal@x.io', 'ivy@x.io'] }],
    });
    await t.data(SET, { input: { on: addDays(TODAY, 1), tlmTeamSize: 3 } });
    const healthy = async (asOf: string) =>
      (await t.data(query, { asOf })).coverage.byLayer.find(
        (row: { layer: string }) => row.layer === 'TEAM',
      ).healthy;
    expect(await healthy(TODAY)).toBe(2);
    expect(await healthy(addDays(TODAY, 1))).toBe(1);
  });

  it('is read by a VIEWER and set by ADMIN only, audited', async () => {
    const { createApiToken } = await t.data(
      `mutation { createApiToken(input: { name: "v", role: VIEWER }) { token } }`,
    );
    const viewer = { token: createApiToken.token };
    expect((await t.data(POLICY, {}, viewer)).policy.spanLimit).toBe(10);
    const refused = await t.gql(SET, { input: { spanLimit: 3 } }, viewer);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const changes = await t.changeCount();
    await t.data(SET, { input: { spanLimit: 3 } });
    expect(await t.changeCount()).toBe(changes + 1);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const changes = await t.changeCount();
    const bad = await t.data(SET, {
      input: { spanLimit: 0, kinds: [{ kind: 'WIDE_SPAN' }, { kind: 'WIDE_SPAN', off: true }] },
    });
    // The repeat is named, as every list's is (it was the whole list, `input.kinds`).
    expect(bad.setPolicy.userErrors.map((e: { path: string }) => e.path).sort()).toEqual([
      'input.kinds[1]',
      'input.spanLimit',
    ]);
    // In words, as docs/hygiene.md shows them (it read "Too small: expected number to be >=1").
    const big = await t.data(SET, { input: { spanLimit: 0, actingDays: 100_001 } });
    expect(big.setPolicy.userErrors.map((e: { message: string }) => e.message)).toEqual([
      'must be at least 1',
      'must be at most 100000',
    ]);
    expect(bad.setPolicy.policy).toBeNull();
    const both = await t.data(SET, {
      input: { kinds: [{ kind: 'WIDE_SPAN', severity: 'HIGH', off: true }] },
    });
    expect(both.setPolicy.userErrors).toEqual([
      expect.objectContaining({ path: 'input.kinds[0].off', code: 'VALIDATION' }),
    ]);
    expect(await t.changeCount()).toBe(changes);
  });

  it('fits in before a later policy, which stays as recorded', async () => {
    await t.data(SET, { input: { on: D, spanLimit: 3 } });
    const earlier = await t.data(SET, { input: { on: TODAY, actingDays: 30 } });
    expect(earlier.setPolicy).toMatchObject({ userErrors: [], policy: { since: TODAY } });
    const on = async (asOf: string) => (await t.data(POLICY, { asOf })).policy;
    expect(await on(addDays(TODAY, -1))).toMatchObject({ since: '1900-01-01', actingDays: 90 });
    expect(await on(TODAY)).toMatchObject({ since: TODAY, spanLimit: 10, actingDays: 30 });
    expect(await on(addDays(D, -1))).toMatchObject({ since: TODAY, actingDays: 30 });
    expect(await on(D)).toMatchObject({ since: D, spanLimit: 3, actingDays: 90 });
    // Back-dated too: the past's policy, until the one recorded after it.
    const past = await t.data(SET, { input: { on: '2026-01-01', spanLimit: 7 } });
    expect(past.setPolicy.userErrors).toEqual([]);
    expect(await on('2026-06-01')).toMatchObject({ since: '2026-01-01', spanLimit: 7 });
    expect(await on(TODAY)).toMatchObject({ since: TODAY, spanLimit: 10, actingDays: 30 });
  });

  it('two changes at once, today and for later: both kept, in either order, no day with two', async () => {
    const answers = await Promise.all([
      t.data(SET, { input: { on: D, spanLimit: 3 } }),
      t.data(SET, { input: { on: TODAY, actingDays: 30 } }),
    ]);
    expect(answers.map((a) => a.setPolicy.userErrors)).toEqual([[], []]);
    const on = async (asOf: string) => (await t.data(POLICY, { asOf })).policy;
    expect(await on(TODAY)).toMatchObject({ since: TODAY, spanLimit: 10, actingDays: 30 });
    expect(await on(addDays(D, -1))).toMatchObject({ since: TODAY, actingDays: 30 });
    // From D, D's change: its span limit, and the acting days of whichever came first.
    expect(await on(D)).toMatchObject({ since: D, spanLimit: 3 });
  });

  it('writes nothing for a change that changes nothing', async () => {
    const changes = await t.changeCount();
    const same = await t.data(SET, { input: { spanLimit: 10 } });
    expect(same.setPolicy).toMatchObject({ userErrors: [], policy: { since: '1900-01-01' } });
    expect(await t.changeCount()).toBe(changes);
  });

  it('is the same on another instance of the same database at once', async () => {
    const other = testAppOn({ database: t.database, watch: () => {} } as WatchedDatabase);
    expect((await other.data(POLICY)).policy.spanLimit).toBe(10);
    await t.data(SET, { input: { spanLimit: 7 } });
    const started = performance.now();
    await expect.poll(async () => (await other.data(POLICY)).policy.spanLimit).toBe(7);
    expect(performance.now() - started).toBeLessThan(1_000);
    await other.app.dispose();
  });

  it('travels in the org document: export, then import elsewhere', async () => {
    await t.data(SET, {
      input: { on: TODAY, spanLimit: 2, kinds: [{ kind: 'LONG_RUNNING_TLM', off: true }] },
    });
    const { exportOrg } = await t.data('{ exportOrg }');
    expect(exportOrg.policy).toEqual({
      on: TODAY,
      tlmTeamSize: 4,
      longTlmDays: 180,
      spanLimit: 2,
      actingDays: 90,
      kinds: [{ kind: 'LONG_RUNNING_TLM', off: true }],
    });
    const dry = await t.data(
      `mutation ($d: JSONObject!) { importOrg(document: $d, dryRun: true) {
        plan { action kind key fields } created { policies } updated { policies }
        userErrors { message } } }`,
      { d: { policy: { on: D, actingDays: 30 } } },
    );
    expect(dry.importOrg).toMatchObject({ created: { policies: 1 }, updated: { policies: 1 } });
    expect(dry.importOrg.plan).toEqual([
      expect.objectContaining({ action: 'CREATE', kind: 'policy', key: `policy from ${D}` }),
      { action: 'END', kind: 'policy', key: `policy from ${TODAY}`, fields: ['endedOn'] },
    ]);
    const other = await startTestApp({ org: exportOrg });
    const { policy } = await other.data(POLICY);
    expect(policy).toMatchObject({ since: TODAY, spanLimit: 2 });
    expect(policy.kinds).toContainEqual({ kind: 'LONG_RUNNING_TLM', severity: null, off: true });
    await other.close();
  });

  it('from a document, is the one in force on its day, over a policy recorded since', async () => {
    // A later policy recorded up to today stayed in force: an export imported elsewhere
    // reported success and left the other org's policy (its findings) as they were.
    const other = await startTestApp({ org: ORG });
    const set = (input: object) => other.data(SET, { input });
    await set({ on: addDays(TODAY, -10), spanLimit: 3, kinds: [{ kind: 'WIDE_SPAN', off: true }] });
    await set({ on: D, actingDays: 30 });
    const on = addDays(TODAY, -30);
    const policy = {
      on,
      tlmTeamSize: 4,
      longTlmDays: 180,
      spanLimit: 2,
      actingDays: 90,
      kinds: [],
    };
    const IMPORT = `mutation ($d: JSONObject!) { importOrg(document: $d) {
      plan { action key } userErrors { message } } }`;
    const { importOrg } = await other.data(IMPORT, { d: { policy } });
    expect(importOrg.userErrors).toEqual([]);
    expect(importOrg.plan).toContainEqual({
      action: 'END',
      key: `policy from ${addDays(TODAY, -10)}`,
    });
    const stated = { since: on, tlmTeamSize: 4, longTlmDays: 180, spanLimit: 2, actingDays: 90 };
    const today = (await other.data(POLICY)).policy;
    expect(today).toMatchObject(stated);
    expect(today.kinds.filter((k: { off: boolean }) => k.off)).toEqual([]);
    // A plan for a later day stays, as setPolicy leaves it.
    expect((await other.data(POLICY, { asOf: D })).policy).toMatchObject({
      since: D,
      actingDays: 30,
    });
    expect((await other.data(IMPORT, { d: { policy } })).importOrg.plan).toEqual([]);
    await other.close();
  });
});
