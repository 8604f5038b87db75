import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { tokenFor } from './credentials.js';
import { TWO_PILLARS } from './org.js';

/**
 * A PLANNER scoped to `platform` walks every person of the org, many at once (aliases), through
 * every per-person confidential read. What it gets — data and errors alike — must not change
 * when only succession data outside `platform` changes: eli stops being checkout's successor,
 * lu becomes the only ready successor of two seats in `product`, kim of one in `growth` as
 * well as of infra's two. Nor may any answer name a
 * unit or person outside its scope that the question did not name itself.
 */
const PEOPLE = [...TWO_PILLARS.people.map((p) => p.email), 'ghost@example.com'];
const OUTSIDE = ['product', 'growth', 'checkout', 'Checkout', 'Product', 'Growth'];

const CANDIDACIES = `{ ${PEOPLE.map(
  (email, i) => `p${i}: person(email: "${email}") { candidacies { unit { slug } seat readiness } }`,
).join('\n')} }`;

/** One request a person: a refused departure impact (non-null) voids its whole answer. */
const IMPACT = `query ($email: String!) {
  departureImpact(email: $email) {
    vacatedSeats { unit { slug } seat readyCandidates { email } }
    coverageChanges { unit { slug } from to }
    newFindings { kind unit { slug } people { email } message }
    resolvedFindings { kind unit { slug } people { email } message }
  }
}`;

/** NO_SUCCESSOR and the like are a VIEWER's to read org-wide; the candidates' own kind is not. */
const FINDINGS = `{
  singlePointsOfFailure(kinds: [SUCCESSOR_CONCENTRATION]) {
    totalCount nodes { kind unit { slug } people { email } message } }
  scenarios { totalCount nodes { name } }
  coverageTrend(scope: "platform", from: "2026-11-16", to: "2026-11-23", every: DAY) {
    findings { severity count } }
}`;

const CANDIDATE = `mutation ($input: AddCandidateInput!) { addCandidate(input: $input) { userErrors { message } } }`;
const REMOVE = `mutation ($input: RemoveCandidateInput!) { removeCandidate(input: $input) { userErrors { message } } }`;
const CREATE_SCENARIO = `mutation ($input: CreateScenarioInput!) {
  createScenario(input: $input) { scenario { id } userErrors { path message code } } }`;
const UPDATE_SCENARIO = `mutation ($input: UpdateScenarioInput!) {
  updateScenario(input: $input) { scenario { name } userErrors { path message code } } }`;

let planner = '';
const t = useTestOrg(TWO_PILLARS, {
  setup: async (t) => {
    planner = await tokenFor(t, 'PLANNER', 'platform');
  },
});

/** Everything the scoped planner can learn by walking: data and errors, as one text. */
async function walk(t: TestApp) {
  const candidacies = await t.gql(CANDIDACIES, {}, { token: planner });
  const impacts = await Promise.all(
    PEOPLE.map((email) => t.gql(IMPACT, { email }, { token: planner })),
  );
  const findings = await t.gql(FINDINGS, {}, { token: planner });
  // Errors come in the order their fields resolved, which timing decides: compare them by path.
  const byPath = (e: { path?: readonly unknown[] }) => JSON.stringify(e.path);
  candidacies.errors = [...(candidacies.errors ?? [])].sort((a, b) =>
    byPath(a).localeCompare(byPath(b)),
  );
  return JSON.stringify([candidacies, impacts, findings]);
}

/** Succession data changes outside `platform` only. */
async function changeOutside(t: TestApp) {
  const eli = { unit: 'checkout', seat: 'ENG_LEAD', person: 'eli@example.com' };
  await t.data(REMOVE, { input: eli });
  for (const [unit, seat] of [
    ['product', 'ENG_LEAD'],
    ['checkout', 'TECH_LEAD'],
  ]) {
    const input = { unit, seat, person: 'lu@example.com', readiness: 'READY_NOW' };
    await t.data(CANDIDATE, { input });
  }
  // kim, the only ready successor of both of infra's seats, becomes growth's too: the
  // concentration inside platform must read the same, naming no unit outside.
  const kim = { unit: 'growth', seat: 'ENG_LEAD', person: 'kim@example.com' };
  await t.data(CANDIDATE, { input: { ...kim, readiness: 'READY_NOW' } });
  const changes = [{ vacateSeat: { unit: 'checkout', seat: 'TECH_LEAD' } }];
  await t.data(CREATE_SCENARIO, { input: { name: 'Checkout plan', changes } });
}

describe('a scoped planner walking the org', () => {
  it('learns nothing from a change outside its scope, in data or errors', async () => {
    const before = await walk(t);
    await changeOutside(t);
    const after = await walk(t);
    expect(after).toBe(before);
    for (const outside of OUTSIDE) expect(before).not.toContain(outside);
    // It did get answers: its own scope's data, and refusals for people outside it.
    expect(before).toContain('"FORBIDDEN"');
    expect(before).toContain('"slug":"storage"');
  });

  it('refuses with one message whoever is asked about, unknown people included', async () => {
    const ask = (email: string) =>
      t.gql(`{ departureImpact(email: "${email}") { person { email } } }`, {}, { token: planner });
    const answers = await Promise.all(
      ['max@example.com', 'ivy@example.com', 'gus@example.com', 'ghost@example.com'].map(ask),
    );
    const errors = answers.map((a) => JSON.stringify(a.errors));
    expect(new Set(errors).size, errors.join('\n')).toBe(1);
    expect(answers[0]?.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'Query.departureImpact',
      scope: 'platform',
    });
  });

  it('refuses a scenario outside its scope as it refuses one that does not exist', async () => {
    // It answered both as nothing at all (null, NOT_FOUND): SPEC §4 FORBIDDEN, never silently empty.
    const changes = [{ vacateSeat: { unit: 'checkout', seat: 'TECH_LEAD' } }];
    const created = await t.data(CREATE_SCENARIO, { input: { name: 'Outside', changes } });
    const outsideId = created.createScenario.scenario.id;
    const unknownId = Buffer.from('Scenario:999999').toString('base64');
    const update = (id: string) =>
      t.gql(UPDATE_SCENARIO, { input: { id, name: 'Mine now' } }, { token: planner });
    const [outside, unknown] = await Promise.all([update(outsideId), update(unknownId)]);
    expect(outside).toEqual(unknown);
    expect(outside.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'Mutation.updateScenario',
      scope: 'platform',
    });
    const node = (id: string) => t.gql(`{ node(id: "${id}") { id } }`, {}, { token: planner });
    const [asked, none] = [await node(outsideId), await node(unknownId)];
    expect(asked).toEqual(none);
    expect(asked.data).toEqual({ node: null });
    expect(asked.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Query.node' });
    const { scenarios: nothing } = await t.data(
      '{ scenarios { totalCount } }',
      {},
      { token: planner },
    );
    expect(nothing.totalCount).toBe(0); // a list holds what it may read
    const { scenarios } = await t.data(FINDINGS, {}, { token: planner });
    expect(scenarios).toEqual({ totalCount: 0, nodes: [] });
  });

  it('cannot count the scenarios saved outside its scope from the ids of its own', async () => {
    // Ids drawn from a sequence told how many were saved between two of the planner's own.
    const key = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);
    const inside = [{ vacateSeat: { unit: 'storage', seat: 'TECH_LEAD' } }];
    const outside = [{ vacateSeat: { unit: 'checkout', seat: 'TECH_LEAD' } }];
    const keys: number[] = [];
    for (let i = 0; i < 4; i++) {
      const mine = await t.data(
        CREATE_SCENARIO,
        { input: { name: `Mine ${i}`, changes: inside } },
        { token: planner },
      );
      keys.push(key(mine.createScenario.scenario.id));
      await t.data(CREATE_SCENARIO, { input: { name: `Hidden ${i}`, changes: outside } });
    }
    const steps = keys.slice(1).map((k, i) => k - (keys[i] as number));
    expect(steps).not.toContain(2);
  });

  it('keeps a scenario naming no unit to its author among scoped planners', async () => {
    // An author of its own: another planner of the same scope does not read its scenarios.
    const author = await tokenFor(t, 'PLANNER', 'platform', 'Author');
    const other = await tokenFor(t, 'PLANNER', 'product');
    const list = async (token: string) =>
      (await t.data('{ scenarios { nodes { name } } }', {}, { token })).scenarios.nodes;
    const named = [
      { name: 'Policy only', changes: [{ setPolicy: { tlmTeamSize: 6 } }] },
      { name: 'Nobody known', changes: [{ depart: { person: 'ghost@example.com' } }] },
      { name: 'Empty', changes: [] },
      // Inside the scope but for a unit the org has not: where that lies is not known.
      { name: 'Partly known', changes: [{ moveUnit: { unit: 'ghost', parent: 'storage' } }] },
    ];
    const ids: string[] = [];
    for (const input of named) {
      const { createScenario } = await t.data(CREATE_SCENARIO, { input }, { token: author });
      expect(createScenario.userErrors).toEqual([]);
      ids.push(createScenario.scenario.id);
    }
    const names = named.map((n) => ({ name: n.name }));
    // Another token of the same name, scoped elsewhere, is not its author.
    const namesake = await tokenFor(t, 'PLANNER', 'product', 'Author');
    expect(await list(namesake)).toEqual([]);
    expect(await list(author)).toEqual(expect.arrayContaining(names));
    expect(await list(other)).toEqual([]);
    expect(await list(planner)).toEqual([]);
    const node = (token: string) => t.gql(`{ node(id: "${ids[0]}") { id } }`, {}, { token });
    expect((await node(other)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await node(author)).data?.node).toEqual({ id: ids[0] });
    // An unscoped planner reads every scenario.
    expect(await list(await tokenFor(t, 'PLANNER'))).toEqual(expect.arrayContaining(names));
  });
});
