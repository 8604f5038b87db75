import { describe, expect, it } from 'vitest';
import { useTestOrg } from '../helpers/test-org.js';
import { tokenFor } from './credentials.js';
import { TWO_PILLARS } from './org.js';

// `node`/`nodes` answered null for what the caller may not read, where every other confidential
// read is FORBIDDEN (SPEC §4: outside a scope, FORBIDDEN, never silently empty). A scoped
// caller's refusal still tells nothing: an id naming nothing is refused alike.
const t = useTestOrg(TWO_PILLARS);

const CREATE_SCENARIO = `mutation ($input: CreateScenarioInput!) {
  createScenario(input: $input) { scenario { id } userErrors { message } } }`;
const NODE = 'query ($id: ID!) { node(id: $id) { id } }';
const NODES = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }';
const NO_SCENARIO = Buffer.from('Scenario:999999').toString('base64');

/** An ADMIN-made scenario vacating `unit`'s Tech Lead seat: its id. */
async function scenarioOn(unit: string): Promise<string> {
  const changes = [{ vacateSeat: { unit, seat: 'TECH_LEAD' } }];
  const { createScenario } = await t.data(CREATE_SCENARIO, { input: { name: unit, changes } });
  return createScenario.scenario.id;
}

/** The ids of eli's candidacies, by unit: storage (in platform) and checkout (in product). */
async function candidacyIds(): Promise<Record<string, string>> {
  const { person } = await t.data(
    '{ person(email: "eli@example.com") { candidacies { id unit { slug } } } }',
  );
  return Object.fromEntries(
    person.candidacies.map((c: { id: string; unit: { slug: string } }) => [c.unit.slug, c.id]),
  );
}

describe('node and nodes refuse what the caller may not read', () => {
  it('refuses a VIEWER every scenario and candidacy id, existing or not', async () => {
    const viewer = await tokenFor(t, 'VIEWER');
    const ids = [await scenarioOn('storage'), NO_SCENARIO, (await candidacyIds()).storage];
    for (const id of ids) {
      const answer = await t.gql(NODE, { id }, { token: viewer });
      expect(answer.data, id).toEqual({ node: null });
      expect(answer.errors?.[0]?.extensions, id).toMatchObject({
        code: 'FORBIDDEN',
        field: 'Query.node',
      });
    }
  });

  it('refuses a scoped planner what lies outside its scope, and an id naming nothing, alike', async () => {
    const planner = await tokenFor(t, 'PLANNER', 'platform');
    const candidacy = await candidacyIds();
    const ask = (id: string) => t.gql(NODE, { id }, { token: planner });
    const outside = await ask(await scenarioOn('checkout'));
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'platform' });
    expect(await ask(NO_SCENARIO)).toEqual(outside);
    expect((await ask(candidacy.checkout as string)).errors?.[0]?.message).toBe(
      outside.errors?.[0]?.message,
    );
    // Inside, answered.
    const inside = await scenarioOn('storage');
    expect((await ask(inside)).data).toEqual({ node: { id: inside } });
    expect((await ask(candidacy.storage as string)).data).toEqual({
      node: { id: candidacy.storage },
    });
  });

  it('answers nodes in place: the readable ones, null for nothing, a refusal at its index', async () => {
    const planner = await tokenFor(t, 'PLANNER', 'platform');
    const { unit } = await t.data('{ unit(slug: "storage") { id } }');
    const ids = [unit.id, await scenarioOn('checkout'), 'not-an-id'];
    const answer = await t.gql(NODES, { ids }, { token: planner });
    expect(answer.data).toEqual({ nodes: [{ id: unit.id }, null, null] });
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors?.[0]).toMatchObject({
      path: ['nodes', 1],
      extensions: { code: 'FORBIDDEN', field: 'Query.nodes', scope: 'platform' },
    });
  });

  it('answers an unscoped planner null for a scenario id naming nothing', async () => {
    const planner = await tokenFor(t, 'PLANNER');
    const answer = await t.gql(NODE, { id: NO_SCENARIO }, { token: planner });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ node: null });
  });
});

describe('refusals come in the order of the document', () => {
  // graphql-js lists an error when its field settles: an id naming nothing was refused sooner
  // than one naming a candidacy, so the order of the errors told which ids exist.
  const NO_CANDIDACY = Buffer.from('SuccessionCandidate:999999').toString('base64');
  const aliased = (ids: string[]) =>
    `{ ${ids.map((id, i) => `n${i}: node(id: "${id}") { id }`).join(' ')} }`;
  const pathsOf = (answer: { errors?: readonly { path?: readonly unknown[] }[] }) =>
    answer.errors?.map((error) => error.path?.[0]);

  it('whether each id names something or not, for a VIEWER and a scoped planner', async () => {
    const viewer = await tokenFor(t, 'VIEWER');
    const planner = await tokenFor(t, 'PLANNER', 'platform');
    const ids = [
      (await candidacyIds()).checkout as string,
      NO_CANDIDACY,
      await scenarioOn('checkout'),
      NO_SCENARIO,
    ];
    for (const token of [viewer, planner]) {
      for (const order of [ids, [...ids].reverse()]) {
        const answer = await t.gql(aliased(order), {}, { token });
        expect(pathsOf(answer)).toEqual(['n0', 'n1', 'n2', 'n3']);
        expect(new Set(answer.errors?.map((error) => error.message)).size).toBe(1);
      }
    }
  });
});
