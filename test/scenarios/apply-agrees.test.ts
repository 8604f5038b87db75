import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/org/days.js';
import { demoDocument } from '../../src/demo/load.js';
import { tokenFor } from '../access/credentials.js';
import { TODAY } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';

// SPEC §2 Scenarios: an evaluation reports, in `conflicts`, every change that no longer
// applies, and `applyScenario` writes nothing "when any change conflicts", returning them at
// `changes[i]`: what a planner is shown today and what apply refuses are the same changes. A
// hire is planned as a placeholder in the seat and applied as an OPEN role, so the two
// disagreed (each of these failed before `plannedChanges`).

let planner: string;
const t = useTestOrg(demoDocument(), {
  setup: async (t) => {
    planner = await tokenFor(t, 'PLANNER');
  },
});

async function create(changes: unknown[]) {
  const { createScenario } = await t.data(
    `mutation ($input: CreateScenarioInput!) { createScenario(input: $input) {
      scenario { id } userErrors { path message } } }`,
    { input: { name: 'review', changes } },
    { token: planner },
  );
  expect(createScenario.userErrors).toEqual([]);
  return createScenario.scenario.id as string;
}

async function conflictsOf(id: string): Promise<number[]> {
  const { node } = await t.data(
    `query ($id: ID!) { node(id: $id) { ... on Scenario { evaluation { conflicts { index message } } } } }`,
    { id },
    { token: planner },
  );
  return node.evaluation.conflicts.map((c: { index: number }) => c.index);
}

async function apply(id: string) {
  const { applyScenario } = await t.data(
    `mutation ($input: ApplyScenarioInput!) { applyScenario(input: $input) {
      scenario { applied } openedRoles { id } userErrors { path message code } } }`,
    { input: { id } },
  );
  return applyScenario;
}

describe('evaluation conflicts and applyScenario refusals agree', () => {
  it('a change naming the placeholder of an earlier hire is a conflict in the evaluation, as apply finds', async () => {
    const id = await create([
      { hire: { unit: 'labs', seat: 'ENG_LEAD' } },
      // The placeholder's in-memory email: no such person exists in the org.
      { assignSeat: { unit: 'labs', seat: 'TECH_LEAD', person: 'new-hire-1@scenario.invalid' } },
    ]);
    const evaluated = await conflictsOf(id);
    const applied = await apply(id);
    // The evaluation showed none (labs TLM under the placeholder); apply refused changes[1].
    expect({ evaluated, refused: applied.userErrors.map((e: any) => e.path) }).toEqual({
      evaluated: [1],
      refused: ['changes[1]'],
    });
  });

  it('a hire then a candidacy for the replaced holder: evaluation and apply agree on its conflicts', async () => {
    const id = await create([
      { hire: { unit: 'storage', seat: 'TECH_LEAD', name: 'New TL' } },
      {
        addCandidate: {
          unit: 'storage',
          seat: 'TECH_LEAD',
          person: 'dee@example.com',
          readiness: 'READY_NOW',
        },
      },
    ]);
    const evaluated = await conflictsOf(id);
    const applied = await apply(id);
    // Applied, Dee keeps the seat and cannot be its successor: a conflict of the plan too.
    expect(evaluated).toEqual([1]);
    expect(applied.userErrors.map((e: any) => e.path)).toEqual(
      evaluated.map((i) => `changes[${i}]`),
    );
  });

  it('a hire the evaluation lists as a conflict is not written by apply', async () => {
    // Hal is recorded as Growth's Eng Lead from six weeks on.
    const { assignSeat } = await t.data(
      `mutation ($input: AssignSeatInput!) { assignSeat(input: $input) { userErrors { message } } }`,
      {
        input: {
          unit: 'growth',
          seat: 'ENG_LEAD',
          person: 'hal@example.com',
          startedOn: addDays(TODAY, 42),
        },
      },
    );
    expect(assignSeat.userErrors).toEqual([]);
    const id = await create([{ hire: { unit: 'growth', seat: 'ENG_LEAD' } }]);
    const evaluated = await conflictsOf(id);
    expect(evaluated).toEqual([0]); // "hal@example.com holds the Eng Lead seat from …"
    const applied = await apply(id);
    // Apply opened an OPEN role on growth's Eng Lead seat all the same.
    expect(applied.userErrors.map((e: any) => [e.path, e.code])).toEqual([
      ['changes[0]', 'CONFLICT'],
    ]);
    const { openRoles } = await t.data(
      '{ openRoles(scope: "growth", status: OPEN) { nodes { unit { slug } seat } } }',
    );
    expect(openRoles.nodes).not.toContainEqual({ unit: { slug: 'growth' }, seat: 'ENG_LEAD' });
  });

  it('a hire refused on a seat already hiring leaves the plan as it was: the role still open', async () => {
    // The hire filled the seat's open role, then was refused the seat: a conflict, yet the
    // evaluation's after showed the seat no longer hiring (the real writes change nothing).
    const written = async (mutation: string, input: Record<string, unknown>) => {
      const data = await t.data(
        `mutation ($input: ${mutation[0]?.toUpperCase()}${mutation.slice(1)}Input!) {
          ${mutation}(input: $input) { userErrors { message } } }`,
        { input },
      );
      expect(data[mutation].userErrors).toEqual([]);
    };
    await written('openRole', { unit: 'growth', seat: 'ENG_LEAD' });
    const later = addDays(TODAY, 42);
    await written('assignSeat', {
      unit: 'growth',
      seat: 'ENG_LEAD',
      person: 'hal@example.com',
      startedOn: later,
    });
    const id = await create([{ hire: { unit: 'growth', seat: 'ENG_LEAD' } }]);
    const { node } = await t.data(
      `query ($id: ID!) { node(id: $id) { ... on Scenario { evaluation {
        conflicts { index } coverageChanges { unit { slug } }
        before { byLayer { layer hiring } } after { byLayer { layer hiring } } } } } }`,
      { id },
      { token: planner },
    );
    const { evaluation } = node;
    expect(evaluation.conflicts).toEqual([{ index: 0 }]);
    expect(evaluation.after).toEqual(evaluation.before);
    expect(evaluation.coverageChanges).toEqual([]);
  });
});
