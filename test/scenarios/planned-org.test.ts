import { describe, expect, it } from 'vitest';
import { TODAY } from '../helpers/app.js';
import { person, useTestOrg } from '../helpers/test-org.js';

// What a what-if names as it would be answers its nested fields from the org planned: a
// person's team, seats and manager as the plan makes them; what it names as it is, from the
// org as it stands. One answer never mixes the two.

const t = useTestOrg({
  people: [
    person('vp@x.io'),
    person('em@x.io', 'vp@x.io'),
    person('tl@x.io', 'vp@x.io'),
    person('dev@x.io', 'em@x.io'),
  ],
  units: [
    { slug: 'eng', name: 'Eng', layer: 'PILLAR', engLead: 'vp@x.io' },
    { slug: 'apps', name: 'Apps', layer: 'AREA', parent: 'eng' },
    {
      slug: 'web',
      name: 'Web',
      layer: 'TEAM',
      parent: 'apps',
      engLead: 'em@x.io',
      techLead: 'tl@x.io',
      members: ['dev@x.io'],
    },
  ],
  // The VP is the only ready successor of Web's Eng Lead: their leaving opens NO_SUCCESSOR.
  succession: [{ unit: 'web', seat: 'ENG_LEAD', candidate: 'vp@x.io', readiness: 'READY_NOW' }],
});

const HOLDER = 'email team { slug } seats { unit { slug } seat } manager { email departedOn }';
const EVALUATION = `query ($id: ID!) { node(id: $id) { ... on Scenario { evaluation {
  units { unit { slug }
    before { techLead { holder { ${HOLDER} } } }
    after { engineerCount techLead { holder { ${HOLDER} } } } }
  newFindings { kind unit { slug } people { ${HOLDER} } }
  resolvedFindings { kind unit { slug } people { ${HOLDER} } }
} } } }`;

async function evaluate(changes: unknown[]) {
  const { createScenario } = await t.data(
    `mutation ($input: CreateScenarioInput!) {
      createScenario(input: $input) { scenario { id } userErrors { message } } }`,
    { input: { name: 'plan', changes } },
  );
  expect(createScenario.userErrors).toEqual([]);
  return (await t.data(EVALUATION, { id: createScenario.scenario.id })).node.evaluation;
}

const web = (evaluation: { units: { unit: { slug: string } }[] }) =>
  evaluation.units.find((u) => u.unit.slug === 'web') as unknown as {
    before: { techLead: { holder: unknown } };
    after: { engineerCount: number; techLead: { holder: unknown } };
  };

describe('a scenario evaluation answers what would be from the org it plans', () => {
  it('a Tech Lead moved onto the team is on it after, and off it before', async () => {
    const evaluation = await evaluate([{ setTeam: { person: 'tl@x.io', team: 'web' } }]);
    const { before, after } = web(evaluation);
    expect(after.engineerCount).toBe(2);
    expect(after.techLead.holder).toMatchObject({ email: 'tl@x.io', team: { slug: 'web' } });
    expect(before.techLead.holder).toMatchObject({ email: 'tl@x.io', team: null });
    // The finding the move resolves names the Tech Lead as they are: on no team.
    expect(evaluation.resolvedFindings).toContainEqual(
      expect.objectContaining({ kind: 'TECH_LEAD_OFF_TEAM', people: [expect.anything()] }),
    );
    const resolved = evaluation.resolvedFindings.find(
      (f: { kind: string }) => f.kind === 'TECH_LEAD_OFF_TEAM',
    );
    expect(resolved.people[0].team).toBeNull();
  });

  it('a hire holds the seat it is hired into', async () => {
    const evaluation = await evaluate([{ hire: { unit: 'web', seat: 'TECH_LEAD', name: 'Hiro' } }]);
    expect(web(evaluation).after.techLead.holder).toMatchObject({
      seats: [{ unit: { slug: 'web' }, seat: 'TECH_LEAD' }],
    });
    // The findings that would appear name the hire as the plan makes them: in the seat.
    const hired = evaluation.newFindings.filter((f: { people: { email: string }[] }) =>
      f.people.some((p) => p.email.endsWith('@scenario.invalid')),
    );
    expect(hired.length).toBeGreaterThan(0);
    for (const finding of hired) {
      expect(finding.people[0].seats).toEqual([{ unit: { slug: 'web' }, seat: 'TECH_LEAD' }]);
    }
  });
});

describe('a departure impact answers what would appear from the org once they left', () => {
  const IMPACT = `{ departureImpact(email: "vp@x.io") {
    orphanedReports { ${HOLDER} }
    newFindings { kind unit { slug } people { ${HOLDER} } } } }`;

  it('names the people of a new finding as they would be, its reports as they are', async () => {
    const { departureImpact } = await t.data(IMPACT);
    const noSuccessor = departureImpact.newFindings.find(
      (f: { kind: string; unit: { slug: string } }) =>
        f.kind === 'NO_SUCCESSOR' && f.unit.slug === 'web',
    );
    // The Eng Lead's manager, the VP, would have left; as the org stands, they have not.
    const vp = (departedOn: string | null) => ({ email: 'vp@x.io', departedOn });
    expect(noSuccessor.people).toEqual([
      expect.objectContaining({ email: 'em@x.io', manager: vp(TODAY) }),
    ]);
    expect(departureImpact.orphanedReports).toContainEqual(
      expect.objectContaining({ email: 'em@x.io', manager: vp(null) }),
    );
  });

  it('a scenario of that one departure answers its findings alike', async () => {
    const evaluation = await evaluate([{ depart: { person: 'vp@x.io' } }]);
    const { departureImpact } = await t.data(IMPACT);
    expect(evaluation.newFindings).toEqual(departureImpact.newFindings);
  });
});
