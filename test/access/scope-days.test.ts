import { describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../src/core/org/days.js';
import { useTestOrg } from '../helpers/test-org.js';
import { tokenFor } from './credentials.js';
import { TWO_PILLARS } from './org.js';

/**
 * A scoped planner's scenario is judged on the day it is answered for, as a departure impact
 * is: fay leads compute (inside `platform`) today and, from a planned day, growth too (in
 * `product`). Her departure that day reaches beyond the scope, so the scenario's evaluation
 * is refused that day (FORBIDDEN, never a partial answer) and answered today.
 */
const LATER = addDays(todayUtc(), 40);
const CREATE = `mutation ($input: CreateScenarioInput!) {
  createScenario(input: $input) { scenario { id } userErrors { message } } }`;
const ASSIGN = `mutation ($input: AssignSeatInput!) { assignSeat(input: $input) {
  userErrors { message } } }`;
const EVALUATE = `query ($id: ID!, $asOf: Date) { node(id: $id) { ... on Scenario {
  evaluation(asOf: $asOf) { coverageChanges { unit { slug } from to } } } } }`;
const ON_DAY = `query ($id: ID!, $asOf: Date) { node(id: $id, asOf: $asOf) { ... on Scenario {
  name } } }`;
const IMPACT = `query ($asOf: Date) { departureImpact(email: "fay@example.com", asOf: $asOf) {
  coverageChanges { unit { slug } } } }`;

let planner = '';
let scenarioId = '';
const t = useTestOrg(TWO_PILLARS, {
  setup: async (t) => {
    planner = await tokenFor(t, 'PLANNER', 'platform');
    const input = { name: 'Without fay', changes: [{ depart: { person: 'fay@example.com' } }] };
    const { createScenario } = await t.data(CREATE, { input }, { token: planner });
    expect(createScenario.userErrors).toEqual([]);
    scenarioId = createScenario.scenario.id;
    const seat = { unit: 'growth', seat: 'ENG_LEAD', person: 'fay@example.com' };
    const { assignSeat } = await t.data(ASSIGN, {
      input: { ...seat, startedOn: addDays(LATER, -10) },
    });
    expect(assignSeat.userErrors).toEqual([]);
  },
});

const refusedCode = async (query: string, asOf: string) => {
  const { errors } = await t.gql(query, { id: scenarioId, asOf }, { token: planner });
  return errors?.[0]?.extensions?.code;
};

describe("a scoped planner's scenario, judged on its day", () => {
  it('is answered today, when the person it names holds seats inside the scope only', async () => {
    const { node } = await t.data(EVALUATE, { id: scenarioId }, { token: planner });
    expect(node.evaluation.coverageChanges).toContainEqual({
      unit: { slug: 'compute' },
      from: 'STAFFED',
      to: 'MISSING_ENG_LEAD',
    });
  });

  it("refuses its evaluation on a day the person's seats reach beyond, as their impact that day", async () => {
    expect(await refusedCode(IMPACT, LATER)).toBe('FORBIDDEN');
    expect(await refusedCode(EVALUATE, LATER)).toBe('FORBIDDEN');
  });

  it('keeps the scenario itself readable that day: its name and changes are a plan of today', async () => {
    const later = await t.data(ON_DAY, { id: scenarioId, asOf: LATER }, { token: planner });
    expect(later.node).toEqual({ name: 'Without fay' });
  });
});
