import { describe, expect, it } from 'vitest';
import { useTestOrg } from '../helpers/test-org.js';

// A scenario evaluated on a later day answers for the org as applying it today would leave it
// then: what is only planned between today and that day is a plan, withdrawn by a change as
// applyScenario's mutations withdraw it, not history a change may not erase. Rae, Tech Lead
// of T, is to report to Max from 2026-12-13; the scenario has her leave on 2026-12-03.
// Evaluated on 2026-12-20 it was a conflict ("must be after 2026-12-13"), and applied today
// it was recorded (test test failed before).
const e = (name: string) => `${name}@example.com`;
const ORG = {
  people: [
    { email: e('em'), name: 'Em' },
    { email: e('max'), name: 'Max' },
    { email: e('rae'), name: 'Rae', manager: e('em') },
  ],
  units: [
    { slug: 'p', name: 'P', layer: 'PILLAR' },
    { slug: 'a', name: 'A', layer: 'AREA', parent: 'p' },
    { slug: 't', name: 'T', layer: 'TEAM', parent: 'a', engLead: e('em'), techLead: e('rae') },
  ],
};
const LATER = '2026-12-20';

const t = useTestOrg(ORG, {
  setup: async (app) => {
    const line = { email: e('rae'), manager: e('max'), on: '2026-12-13' };
    const { setManager } = await app.data(
      'mutation ($input: SetManagerInput!) { setManager(input: $input) { userErrors { message } } }',
      { input: line },
    );
    expect(setManager.userErrors).toEqual([]);
  },
});

const TEAM = `unit(slug: "t", asOf: "${LATER}") { coverage { status } }`;

describe('a scenario evaluated on a later day', () => {
  it('withdraws what is planned in between, as applying it today does', async () => {
    const { createScenario } = await t.data(
      `mutation ($input: CreateScenarioInput!) { createScenario(input: $input) { scenario { id } } }`,
      {
        input: {
          name: 'Rae leaves',
          changes: [{ depart: { person: e('rae'), on: '2026-12-03' } }],
        },
      },
    );
    const { id } = createScenario.scenario;
    const { node } = await t.data(
      `query ($id: ID!) { node(id: $id) { ... on Scenario { evaluation(asOf: "${LATER}") {
        conflicts { index message } coverageChanges { unit { slug } from to } } } } }`,
      { id },
    );
    expect(node.evaluation).toEqual({
      conflicts: [],
      coverageChanges: [{ unit: { slug: 't' }, from: 'STAFFED', to: 'TECH_LEAD_MANAGER' }],
    });
    const { applyScenario } = await t.data(
      'mutation ($id: ID!) { applyScenario(input: { id: $id }) { userErrors { message } } }',
      { id },
    );
    expect(applyScenario.userErrors).toEqual([]);
    const after = await t.data(`{ ${TEAM} person(email: "${e('rae')}") { departedOn } }`);
    expect(after).toEqual({
      unit: { coverage: { status: 'TECH_LEAD_MANAGER' } },
      person: { departedOn: '2026-12-03' },
    });
  });
});
