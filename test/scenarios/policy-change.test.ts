import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/org/days.js';
import { tokenFor } from '../access/credentials.js';
import { TODAY } from '../helpers/app.js';
import { person, platformWithStorage, useTestOrg } from '../helpers/test-org.js';

// A scenario's `setPolicy` change (SPEC "Policies"): "what if our span limit were 8?" is
// evaluated under the changed policy, and applied as the setPolicy mutation (ADMIN).
const reports = Array.from({ length: 9 }, (_, i) => person(`r${i + 1}@x.io`, 'ana@x.io'));
const ORG = {
  people: [person('ana@x.io'), person('fay@x.io'), ...reports],
  units: [
    ...platformWithStorage({
      engLead: 'ana@x.io',
      techLead: 'r1@x.io',
      members: ['r1@x.io', 'r2@x.io', 'r3@x.io', 'r4@x.io', 'r5@x.io', 'r6@x.io'],
    }),
    // A Tech Lead Manager team of 3 engineers: healthy while the TLM team size is 4.
    {
      slug: 'web',
      parent: 'infra',
      name: 'Web',
      layer: 'TEAM',
      engLead: 'fay@x.io',
      members: ['r7@x.io', 'r8@x.io', 'r9@x.io'],
    },
  ],
};

const CREATE = `mutation ($input: CreateScenarioInput!) { createScenario(input: $input) {
  scenario { id changes { setPolicy { on tlmTeamSize longTlmDays spanLimit actingDays
    kinds { kind severity off } } } }
  userErrors { path message code } } }`;
const EVALUATE = `query ($id: ID!) { node(id: $id) { ... on Scenario { evaluation {
  conflicts { index message }
  newFindings { kind severity unit { slug } people { email } }
  resolvedFindings { kind }
  before { byLayer { layer healthy tlmBeyondThreshold } }
  after { byLayer { layer healthy tlmBeyondThreshold } }
} } } }`;
const APPLY = `mutation ($input: ApplyScenarioInput!) { applyScenario(input: $input) {
  scenario { applied } userErrors { path message code } } }`;
const POLICY = `query ($asOf: Date) { policy(asOf: $asOf) { since spanLimit tlmTeamSize } }`;

let planner: string;
const t = useTestOrg(ORG, {
  setup: async (app) => {
    planner = await tokenFor(app, 'PLANNER');
  },
});

async function scenario(setPolicy: Record<string, unknown>) {
  const input = { name: 'policy', changes: [{ setPolicy }] };
  const { createScenario } = await t.data(CREATE, { input }, { token: planner });
  expect(createScenario.userErrors).toEqual([]);
  return createScenario.scenario;
}

async function evaluation(setPolicy: Record<string, unknown>) {
  const { id } = await scenario(setPolicy);
  return (await t.data(EVALUATE, { id }, { token: planner })).node.evaluation;
}

const team = (rollup: { byLayer: { layer: string }[] }) =>
  rollup.byLayer.find((row) => row.layer === 'TEAM');

describe('a scenario that changes the policy', () => {
  it('reads back what it was given', async () => {
    const kinds = [{ kind: 'LONG_RUNNING_TLM', off: true }];
    const { changes } = await scenario({ spanLimit: 8, kinds });
    expect(changes).toEqual([
      {
        setPolicy: {
          on: null,
          tlmTeamSize: null,
          longTlmDays: null,
          spanLimit: 8,
          actingDays: null,
          kinds: [{ kind: 'LONG_RUNNING_TLM', severity: null, off: true }],
        },
      },
    ]);
  });

  it('finds the spans wider than a limit of 8, and none at 10 (already so: a conflict)', async () => {
    const at8 = await evaluation({ spanLimit: 8 });
    expect(at8.conflicts).toEqual([]);
    expect(at8.newFindings).toEqual([
      {
        kind: 'WIDE_SPAN',
        severity: 'MEDIUM',
        unit: { slug: 'storage' },
        people: [{ email: 'ana@x.io' }],
      },
    ]);
    expect(at8.resolvedFindings).toEqual([]);
    const at10 = await evaluation({ spanLimit: 10 });
    expect(at10.conflicts).toEqual([{ index: 0, message: 'the policy in force is already so' }]);
    expect(at10.newFindings).toEqual([]);
    expect(at10.after).toEqual(at10.before);
  });

  it('moves coverage health with the TLM team size', async () => {
    const { before, after } = await evaluation({ tlmTeamSize: 3 });
    expect(team(before)).toEqual({ layer: 'TEAM', healthy: 2, tlmBeyondThreshold: 0 });
    expect(team(after)).toEqual({ layer: 'TEAM', healthy: 1, tlmBeyondThreshold: 1 });
    // The live org is untouched.
    expect((await t.data(POLICY)).policy.tlmTeamSize).toBe(4);
  });

  it('applied by ADMIN, sets the policy from its day, audited', async () => {
    const { id } = await scenario({ spanLimit: 8 });
    const changes = await t.changeCount();
    const { applyScenario } = await t.data(APPLY, { input: { id } });
    expect(applyScenario).toEqual({ scenario: { applied: true }, userErrors: [] });
    expect((await t.data(POLICY)).policy).toEqual({
      since: TODAY,
      spanLimit: 8,
      tlmTeamSize: 4,
    });
    expect((await t.data(POLICY, { asOf: addDays(TODAY, -1) })).policy.spanLimit).toBe(10);
    expect(await t.changeCount()).toBe(changes + 1);
  });

  it('is not applied by a PLANNER: refused, nothing written', async () => {
    const { id } = await scenario({ spanLimit: 8 });
    const changes = await t.changeCount();
    const refused = await t.gql(APPLY, { input: { id } }, { token: planner });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.data(POLICY)).policy.spanLimit).toBe(10);
    expect(await t.changeCount()).toBe(changes);
  });

  it('before a policy recorded for a later day: holds until then, that one as recorded', async () => {
    const later = addDays(TODAY, 10);
    await t.data(`mutation { setPolicy(input: { on: "${later}", spanLimit: 5 }) {
      userErrors { message } } }`);
    const { id } = await scenario({ spanLimit: 8 });
    const { applyScenario } = await t.data(APPLY, { input: { id } });
    expect(applyScenario.userErrors).toEqual([]);
    expect((await t.data(POLICY)).policy.spanLimit).toBe(8);
    expect((await t.data(POLICY, { asOf: later })).policy.spanLimit).toBe(5);
  });
});
