import { describe, expect, it } from 'vitest';
import { generateOrg, SIZES } from '../../src/demo/generate.js';
import { TODAY } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';

// SPEC "One read model": every field nested under a root field asked `asOf` a day answers
// for that day, so the same fact asked two ways agrees on any day, and it is that day's fact.
// A generated org (40 teams) gets dated writes, made in several orders, taking effect on
// D1 < D2 < D3 (the import itself takes effect today); the table below asks every day
// before, on, between and after them.
const D1 = '2026-12-10';
const D2 = '2027-01-15';
const D3 = '2027-03-01';
const DAYS = ['2026-11-22', TODAY, '2026-12-09', D1, '2027-01-14', D2, D3, '2027-06-01'];

const app = useTestOrg(generateOrg(SIZES.XS), { timeout: 120_000 });

/** Dated writes on different people and seats, so any order of them is valid. */
const WRITES: Array<[string, Record<string, unknown>]> = [
  ['setTeam', { email: 'p8@example.com', team: 'team-0001', on: D1 }],
  ['recordDeparture', { email: 'p16@example.com', on: D2 }],
  [
    'assignSeat',
    { unit: 'team-0001', seat: 'TECH_LEAD', person: 'p13@example.com', startedOn: D3 },
  ],
  ['vacateSeat', { unit: 'team-0003', seat: 'TECH_LEAD', on: D1 }],
  ['openRole', { unit: 'team-0002', seat: 'ENGINEER', openedOn: D2 }],
  ['setAorOwner', { aor: 'team-0002-service', person: 'p20@example.com', on: D3 }],
  [
    'addCandidate',
    {
      unit: 'team-0002',
      seat: 'ENG_LEAD',
      person: 'p21@example.com',
      readiness: 'READY_SOON',
      on: D1,
    },
  ],
  ['setTeam', { email: 'p9@example.com', team: null, on: D2 }],
  ['setManager', { email: 'p10@example.com', manager: 'p0@example.com', on: D1 }],
  ['moveUnit', { slug: 'team-0004', parent: 'area-0004', on: D2 }],
];
const ORDERS: Record<string, number[]> = {
  'as listed': [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  reversed: [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
  interleaved: [3, 9, 6, 0, 5, 8, 2, 7, 1, 4],
};

async function write(name: string, input: Record<string, unknown>) {
  const payload = (
    await app.data(
      `mutation ($input: ${name[0]?.toUpperCase()}${name.slice(1)}Input!) {
      ${name}(input: $input) { userErrors { path message } }
    }`,
      { input },
    )
  )[name];
  expect(payload.userErrors, `${name} ${JSON.stringify(input)}`).toEqual([]);
}

const UNITS = `query ($d: Date!) {
  units(first: 100, asOf: $d) { nodes {
    slug layer parent { slug } children { slug } engLead { email } techLead { email } members { email }
    coverage { engineerCount }
    aors { slug primaryOwner { email } backupOwners { email } }
    openRoles { id status }
  } }
  teamsWithoutTechLead(first: 100, asOf: $d) { nodes { slug members { email } coverage { engineerCount } } }
  openRoles(first: 100, asOf: $d) { nodes { id status unit { slug } } }
  aors(first: 100, asOf: $d) { nodes { slug primaryOwner { email } backupOwners { email } } }
}`;
const PEOPLE = `query ($d: Date!, $after: String) {
  people(first: 100, after: $after, asOf: $d) {
    pageInfo { hasNextPage endCursor }
    nodes {
      email manager { email } directReports { email } team { slug }
      seats { seat unit { slug } } aors { role aor { slug } } candidacies { seat unit { slug } }
    }
  }
}`;

type Email = { email: string };
const emails = (people: Email[]) => people.map((p) => p.email).sort();

async function everyone(day: string) {
  const people: any[] = [];
  let after: string | null = null;
  do {
    const page: any = (await app.data(PEOPLE, { d: day, after })).people;
    people.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return people;
}

/** A team's members asked as a root field, for each team of `slugs` (20 aliases a request). */
async function drillDowns(slugs: string[], day: string) {
  const members = new Map<string, string[]>();
  for (let at = 0; at < slugs.length; at += 20) {
    const batch = slugs.slice(at, at + 20);
    const fields = batch.map((s, i) => `t${i}: unit(slug: "${s}", asOf: $d) { members { email } }`);
    const answer = await app.data(`query ($d: Date!) { ${fields.join('\n')} }`, { d: day });
    for (const [i, slug] of batch.entries()) members.set(slug, emails(answer[`t${i}`].members));
  }
  return members;
}

/** Asks every fact of `day` two ways (and more) and checks they agree. */
async function agreeingFacts(day: string) {
  const { units, teamsWithoutTechLead, openRoles, aors } = await app.data(UNITS, { d: day });
  const people = await everyone(day);
  const teams = units.nodes.filter((u: any) => u.layer === 'TEAM');
  const membersOf = new Map<string, string[]>(teams.map((t: any) => [t.slug, emails(t.members)]));

  // Members: in the dated list == unit(slug, asOf) == the engineer count that day.
  expect(await drillDowns([...membersOf.keys()], day)).toEqual(membersOf);
  for (const team of teams) {
    const engineers = emails(team.members).filter((e) => e !== team.engLead?.email);
    expect(team.coverage.engineerCount, `${team.slug} on ${day}`).toBe(engineers.length);
  }
  for (const team of teamsWithoutTechLead.nodes) {
    expect(emails(team.members)).toEqual(membersOf.get(team.slug));
    const listed = teams.find((t: any) => t.slug === team.slug);
    expect(team.coverage.engineerCount).toBe(listed.coverage.engineerCount);
  }

  // People: reports, team, seats, AoRs as each person answers them == as the org answers them.
  const present = new Set(people.map((p) => p.email));
  for (const person of people) {
    const label = `${person.email} on ${day}`;
    const reports = people.filter((p) => p.manager?.email === person.email);
    expect(emails(person.directReports), label).toEqual(emails(reports));
    const team = teams.find((t: any) => membersOf.get(t.slug)?.includes(person.email));
    expect(person.team?.slug ?? null, label).toBe(team?.slug ?? null);
    const seats = units.nodes.flatMap((u: any) => [
      ...(u.engLead?.email === person.email ? [`${u.slug}:ENG_LEAD`] : []),
      ...(u.techLead?.email === person.email ? [`${u.slug}:TECH_LEAD`] : []),
    ]);
    expect(person.seats.map((s: any) => `${s.unit.slug}:${s.seat}`).sort(), label).toEqual(
      seats.sort(),
    );
    const owned = aors.nodes.flatMap((a: any) => [
      ...(a.primaryOwner?.email === person.email ? [`${a.slug}:PRIMARY`] : []),
      ...(emails(a.backupOwners).includes(person.email) ? [`${a.slug}:BACKUP`] : []),
    ]);
    expect(person.aors.map((o: any) => `${o.aor.slug}:${o.role}`).sort(), label).toEqual(
      owned.sort(),
    );
  }
  for (const team of teams) {
    for (const member of team.members) expect(present.has(member.email)).toBe(true);
  }

  // The tree: a unit's children that day == the units whose parent that day it is.
  for (const unit of units.nodes) {
    const under = units.nodes.filter((u: any) => u.parent?.slug === unit.slug);
    expect(sortBy(unit.children, 'slug'), `${unit.slug} on ${day}`).toEqual(
      sortBy(
        under.map((u: any) => ({ slug: u.slug })),
        'slug',
      ),
    );
  }

  // AoRs and open roles: the root lists == the units' own, owners and statuses alike.
  const unitAors = units.nodes.flatMap((u: any) => u.aors);
  expect(sortBy(unitAors, 'slug')).toEqual(sortBy(aors.nodes, 'slug'));
  const unitRoles = units.nodes.flatMap((u: any) => u.openRoles);
  expect(sortBy(unitRoles, 'id')).toEqual(
    sortBy(
      openRoles.nodes.map(({ id, status }: any) => ({ id, status })),
      'id',
    ),
  );
  return { units, people, openRoles };
}

const sortBy = <T extends Record<string, unknown>>(rows: T[], key: string) =>
  [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key])));

/** What the writes make true on `day`: an independent reading of their dates. */
function expectedOn(day: string) {
  const imported = day >= TODAY;
  return {
    p8Team: !imported ? null : day < D1 ? 'team-0000' : 'team-0001',
    p9Team: !imported || day >= D2 ? null : 'team-0000',
    p16Present: day < D2,
    team0002EngLead: day < D2 ? 'p16@example.com' : null,
    team0001TechLead: day < D3 ? null : 'p13@example.com',
    team0003TechLead: day < D1 ? 'p23@example.com' : null,
    engineerRoleOpen: day >= D2,
    serviceOwner: !imported ? null : day < D3 ? 'p18@example.com' : 'p20@example.com',
    p21Candidate: day >= D1,
    p10Manager: day < D1 ? 'p3@example.com' : 'p0@example.com',
    team0004Parent: day < D2 ? 'area-0000' : 'area-0004',
  };
}

function factsOf(day: string, { units, people, openRoles }: any) {
  const unit = (slug: string) => units.nodes.find((u: any) => u.slug === slug);
  const person = (email: string) => people.find((p: any) => p.email === email);
  const service = unit('team-0002').aors.find((a: any) => a.slug === 'team-0002-service');
  return {
    p8Team: person('p8@example.com').team?.slug ?? null,
    p9Team: person('p9@example.com').team?.slug ?? null,
    p16Present: person('p16@example.com') !== undefined,
    team0002EngLead: unit('team-0002').engLead?.email ?? null,
    team0001TechLead: unit('team-0001').techLead?.email ?? null,
    team0003TechLead: unit('team-0003').techLead?.email ?? null,
    engineerRoleOpen: openRoles.nodes.some(
      (r: any) => r.unit.slug === 'team-0002' && r.status === 'OPEN',
    ),
    serviceOwner: service?.primaryOwner?.email ?? null,
    p10Manager: person('p10@example.com').manager?.email ?? null,
    team0004Parent: unit('team-0004').parent?.slug ?? null,
    p21Candidate: person('p21@example.com').candidacies.some(
      (c: any) => c.unit.slug === 'team-0002' && c.seat === 'ENG_LEAD',
    ),
    day,
  };
}

describe('one truth per day: the same fact asked two ways agrees, and is that day’s', () => {
  for (const [name, order] of Object.entries(ORDERS)) {
    it(`writes made ${name}: field × day`, async () => {
      for (const i of order) await write(...(WRITES[i] as [string, Record<string, unknown>]));
      for (const day of DAYS) {
        const answers = await agreeingFacts(day);
        expect(factsOf(day, answers)).toEqual({ ...expectedOn(day), day });
      }
    }, 120_000);
  }

  it('a nested field with its own asOf overrides the day of the answer around it', async () => {
    await write(...(WRITES[3] as [string, Record<string, unknown>]));
    const { unit } = await app.data(`{ unit(slug: "team-0003", asOf: "${D1}") {
      techLead { email }
      coverage(asOf: "${TODAY}") { status techLead { holder { email team { slug } } } }
    } }`);
    expect(unit.techLead).toBeNull();
    expect(unit.coverage.status).toBe('STAFFED');
    expect(unit.coverage.techLead.holder).toEqual({
      email: 'p23@example.com',
      team: { slug: 'team-0003' },
    });
  });

  it('node(id, asOf) answers a refetched object for the day asked', async () => {
    await write(...(WRITES[0] as [string, Record<string, unknown>]));
    const { person } = await app.data('{ person(email: "p8@example.com") { id } }');
    const { before, after } = await app.data(
      `query ($id: ID!) {
      before: node(id: $id, asOf: "${TODAY}") { ... on Person { team { slug } } }
      after: nodes(ids: [$id], asOf: "${D1}") { ... on Person { team { slug } } }
    }`,
      { id: person.id },
    );
    expect(before.team.slug).toBe('team-0000');
    expect(after[0].team.slug).toBe('team-0001');
  });

  it('node(id, asOf) of an audit entry or a token answers its unit and person for the day asked', async () => {
    // They answered for today whatever the day asked: one list mixed two days.
    await write(...(WRITES[0] as [string, Record<string, unknown>]));
    const { createApiToken } = await app.data(`mutation { createApiToken(input: {
      name: "team one", role: VIEWER, scope: "team-0001" }) { apiToken { id } } }`);
    const { changes } = await app.data('{ changes(first: 2) { nodes { id operation } } }');
    const [tokenMade, teamSet] = changes.nodes;
    expect([tokenMade.operation, teamSet.operation]).toEqual(['createApiToken', 'setTeam']);
    const ids = [teamSet.id, createApiToken.apiToken.id];
    const ask = async (asOf: string) =>
      (
        await app.data(
          `query ($ids: [ID!]!) { nodes(ids: $ids, asOf: "${asOf}") {
            ... on Change { person { team { slug } } }
            ... on ApiToken { scope { members { email } } }
          } }`,
          { ids },
        )
      ).nodes;
    const hasP8 = (members: { email: string }[]) =>
      members.some((m) => m.email === 'p8@example.com');
    const [change, token] = await ask(TODAY);
    expect(change.person.team.slug).toBe('team-0000');
    expect(hasP8(token.scope.members)).toBe(false);
    const [later, tokenLater] = await ask(D1);
    expect(later.person.team.slug).toBe('team-0001');
    expect(hasP8(tokenLater.scope.members)).toBe(true);
  });

  it('node(id, asOf) of a seat or candidacy starting later is null; an end shows as recorded', async () => {
    await write(...(WRITES[2] as [string, Record<string, unknown>]));
    await write(...(WRITES[6] as [string, Record<string, unknown>]));
    await write(...(WRITES[3] as [string, Record<string, unknown>]));
    const { assigned, vacated, named } = await app.data(`{
      assigned: unit(slug: "team-0001") { seatHistory { id startedOn } }
      vacated: unit(slug: "team-0003") { seatHistory { id seat endedOn } }
      named: person(email: "p21@example.com", asOf: "${D1}") { candidacies { id } }
    }`);
    const seat = assigned.seatHistory.find((a: { startedOn: string }) => a.startedOn === D3);
    const ended = vacated.seatHistory.find((a: { seat: string }) => a.seat === 'TECH_LEAD');
    const [candidacy] = named.candidacies;
    const ask = (id: string, asOf: string) =>
      app.data(
        `query ($id: ID!) { node(id: $id, asOf: "${asOf}") {
          ... on SeatAssignment { startedOn endedOn }
          ... on SuccessionCandidate { startedOn }
        } }`,
        { id },
      );
    expect((await ask(seat.id, TODAY)).node).toBeNull();
    expect((await ask(seat.id, D3)).node).toEqual({ startedOn: D3, endedOn: null });
    expect((await ask(candidacy.id, TODAY)).node).toBeNull();
    expect((await ask(candidacy.id, D1)).node).toEqual({ startedOn: D1 });
    // A Tech Lead leaving on D1 held the seat until the day before, as recorded, on any day.
    expect((await ask(ended.id, TODAY)).node.endedOn).toBe('2026-12-09');
  });
});
