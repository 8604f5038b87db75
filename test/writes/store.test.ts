import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, secondApp } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { expectWritten } from '../helpers/writes.js';

/**
 * A write is applied to the org kept in memory rather than reloaded: what the server answers
 * after its own writes must equal what a server that reads the database afresh answers.
 */

const ORG = {
  people: Array.from({ length: 8 }, (_, i) => ({ email: `p${i}@example.com`, name: `P${i}` })),
  units: [
    { slug: 'core', name: 'Core', layer: 'PILLAR', engLead: 'p0@example.com' },
    { slug: 'infra', name: 'Infra', layer: 'AREA', parent: 'core' },
    {
      slug: 'db',
      name: 'DB',
      layer: 'TEAM',
      parent: 'infra',
      engLead: 'p1@example.com',
      members: ['p2@example.com', 'p3@example.com'],
    },
  ],
  aors: [{ slug: 'pg', name: 'PG', unit: 'db', owner: 'p2@example.com' }],
};

// Everything the org answers from memory, as a dashboard and a planner would ask it.
const EVERYTHING = `{
  exportOrg
  coverage { byLayer { layer units healthy staffed techLeadManager vacant } benchStrength }
  singlePointsOfFailure(first: 100) { nodes { kind severity unit { slug } message } }
  units(first: 100) { nodes { slug engLead { email } techLead { email }
    seatHistory { seat person { email } startedOn endedOn } members { email } } }
  successionBench { unit { slug } seat holder { email } readyNowCount readySoonCount }
  teamsWithoutTechLead(asOf: "2027-03-01") { nodes { slug } }
  people(first: 100) { nodes { email manager { email } directReports { email } managerChain { email } } }
  later: singlePointsOfFailure(first: 100, asOf: "2027-03-01") { nodes { kind unit { slug } message } }
  db: unit(slug: "db") { name engLead { email name } members { email name } }
  cache: unit(slug: "cache") { name engLead { email name } }
}`;

const SET_MANAGER =
  'mutation ($input: SetManagerInput!) { setManager(input: $input) { userErrors { code } } }';

const WRITES: Array<[string, Record<string, unknown>]> = [
  [
    'mutation ($input: AssignSeatInput!) { assignSeat(input: $input) { userErrors { code } } }',
    { unit: 'db', seat: 'TECH_LEAD', person: 'p3@example.com' },
  ],
  [SET_MANAGER, { email: 'p3@example.com', manager: 'p0@example.com' }],
  [SET_MANAGER, { email: 'p3@example.com', manager: 'p1@example.com', on: '2027-01-15' }],
  [SET_MANAGER, { email: 'p2@example.com', manager: null }],
  [
    'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { userErrors { code } } }',
    { slug: 'cache', name: 'Cache', layer: 'TEAM', parent: 'infra' },
  ],
  [
    'mutation ($input: SetTeamInput!) { setTeam(input: $input) { userErrors { code } } }',
    { email: 'p4@example.com', team: 'cache', on: '2027-01-01' },
  ],
  [
    'mutation ($input: AddCandidateInput!) { addCandidate(input: $input) { userErrors { code } } }',
    { unit: 'db', seat: 'ENG_LEAD', person: 'p3@example.com', readiness: 'READY_NOW' },
  ],
  [
    'mutation ($input: RecordDepartureInput!) { recordDeparture(input: $input) { userErrors { code } } }',
    { email: 'p1@example.com', on: '2027-02-01' },
  ],
  [
    'mutation ($input: UpdateUnitInput!) { updateUnit(input: $input) { userErrors { code } } }',
    { slug: 'db', name: 'Databases' },
  ],
  [
    'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { userErrors { code } } }',
    { email: 'new@example.com', name: 'New', manager: 'p0@example.com' },
  ],
  [
    'mutation ($input: AssignSeatInput!) { assignSeat(input: $input) { userErrors { code } } }',
    { unit: 'cache', seat: 'ENG_LEAD', person: 'new@example.com', startedOn: '2026-12-01' },
  ],
  [
    'mutation ($input: SetTeamInput!) { setTeam(input: $input) { userErrors { code } } }',
    { email: 'new@example.com', team: 'db' },
  ],
];

const t = useTestOrg(ORG);

async function freshAnswer(): Promise<unknown> {
  const fresh = secondApp(t);
  const response = await fresh.fetch('http://orgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ query: EVERYTHING }),
  });
  return ((await response.json()) as { data: unknown }).data;
}

describe('the org in memory', () => {
  it('after each write, answers exactly as a server reading the database afresh', async () => {
    await t.data(EVERYTHING); // warm: the next answers come from the history in memory
    for (const [mutation, input] of WRITES) {
      await expectWritten(t, mutation, input);
      const statements = t.statements.length;
      const warm = await t.data(EVERYTHING);
      // Applied in memory: answering reads no history table again.
      const reads = t.statements
        .slice(statements)
        .filter((s) => /from "seat_assignment"\s*$/.test(s));
      expect(reads, JSON.stringify(input)).toEqual([]);
      expect(warm, JSON.stringify(input)).toEqual(await freshAnswer());
    }
  });
});
