import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { tokenFor } from './credentials.js';
import { TWO_PILLARS } from './org.js';

/**
 * A scenario of a PLANNER scoped to `platform`: eli (a storage engineer, so within platform)
 * departs, and compute loses its Tech Lead. eli is also checkout's only ready successor, in
 * `product`: the whole org's bench strength after the change would tell that. The scoped
 * planner's evaluation is its scope's, the ADMIN's the whole org's.
 */
const CHANGES = [
  { depart: { person: 'eli@example.com' } },
  { vacateSeat: { unit: 'compute', seat: 'TECH_LEAD' } },
];
const PLATFORM = ['platform', 'infra', 'storage', 'compute'];
const ROLLUP =
  'benchStrength byLayer { layer units healthy staffed techLeadManager vacant hiring }';
const CREATE = `mutation ($input: CreateScenarioInput!) {
  createScenario(input: $input) { scenario { id } userErrors { path message code } } }`;
const EVALUATE = `query ($id: ID!) { node(id: $id) { ... on Scenario { evaluation {
  before { ${ROLLUP} } after { ${ROLLUP} }
  coverageChanges { unit { slug } from to }
  units { unit { slug } before { status engLead { readyNowCount } } after { status } }
} } } }`;
const COVERAGE = `{ coverage(scope: "platform") { ${ROLLUP} } }`;
const REMOVE = `mutation ($input: RemoveCandidateInput!) {
  removeCandidate(input: $input) { userErrors { message } } }`;

let planner = '';
let scenarioId = '';
const t = useTestOrg(TWO_PILLARS, {
  setup: async (t) => {
    planner = await tokenFor(t, 'PLANNER', 'platform');
    const input = { name: 'Platform plan', changes: CHANGES };
    const { createScenario } = await t.data(CREATE, { input }, { token: planner });
    expect(createScenario.userErrors).toEqual([]);
    scenarioId = createScenario.scenario.id;
  },
});

async function evaluation(token: string) {
  return (await t.data(EVALUATE, { id: scenarioId }, { token })).node.evaluation;
}

/** eli is no longer checkout's successor: succession data outside platform alone changes. */
async function changeOutside() {
  const input = { unit: 'checkout', seat: 'ENG_LEAD', person: 'eli@example.com' };
  expect((await t.data(REMOVE, { input })).removeCandidate.userErrors).toEqual([]);
}

describe("a scoped planner's scenario evaluation", () => {
  it("the ADMIN's is the whole org's: checkout is touched, the bench's drop tells eli's candidacy", async () => {
    const drop = ({ before, after }: Record<string, { benchStrength: number }>) =>
      (before?.benchStrength ?? 0) - (after?.benchStrength ?? 0);
    const admin = await evaluation(ADMIN_TOKEN);
    expect(admin.units.map((u: { unit: { slug: string } }) => u.unit.slug)).toContain('checkout');
    await changeOutside();
    expect(drop(await evaluation(ADMIN_TOKEN))).not.toBeCloseTo(drop(admin));
  });

  it("rolls up its scope only: before is the scope's coverage, units and changes inside it", async () => {
    const scoped = await evaluation(planner);
    const { coverage } = await t.data(COVERAGE, {}, { token: planner });
    expect(scoped.before).toEqual(coverage);
    expect(scoped.after).not.toEqual(scoped.before);
    const slugs = [...scoped.units, ...scoped.coverageChanges].map((u) => u.unit.slug);
    expect(slugs).toContain('compute');
    expect(slugs.every((slug: string) => PLATFORM.includes(slug))).toBe(true);
  });

  it('answers byte for byte the same when only succession data outside its scope changes', async () => {
    const before = JSON.stringify(await evaluation(planner));
    await changeOutside();
    expect(JSON.stringify(await evaluation(planner))).toBe(before);
  });
});
