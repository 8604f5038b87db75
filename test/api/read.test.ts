import { describe, expect, it } from 'vitest';
import { demoDocument } from '../../src/demo/load.js';
import { tokenFor } from '../access/credentials.js';
import { useTestOrg } from '../helpers/test-org.js';

// The read API over the demo org, through HTTP, as each kind of client sees it.
let viewer: string;
let planner: string;
const t = useTestOrg(demoDocument(), {
  setup: async (org) => {
    viewer = await tokenFor(org, 'VIEWER');
    planner = await tokenFor(org, 'PLANNER');
  },
});

describe('units', () => {
  it('pages with cursors and a total count', async () => {
    const first = await t.data(
      '{ units(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { slug } } } }',
    );
    expect(first.units.totalCount).toBe(16);
    expect(first.units.pageInfo.hasNextPage).toBe(true);
    const next = await t.data(
      'query ($after: String) { units(first: 100, after: $after) { nodes { slug } pageInfo { hasNextPage } } }',
      {
        after: first.units.pageInfo.endCursor,
      },
    );
    expect(next.units.nodes).toHaveLength(11);
    expect(next.units.pageInfo.hasNextPage).toBe(false);
    const all = [
      ...first.units.edges.map((e: any) => e.node.slug),
      ...next.units.nodes.map((n: any) => n.slug),
    ];
    expect(all).toEqual([...all].sort());
  });

  it('a page without edges has no cursors: first: 0, past the end, an empty list', async () => {
    const PAGE = 'pageInfo { startCursor endCursor hasNextPage } edges { cursor }';
    const { zero, last } = await t.data(`{ zero: units(first: 0) { ${PAGE} }
      last: units(first: 100) { pageInfo { endCursor } } }`);
    expect(zero.pageInfo).toEqual({ startCursor: null, endCursor: null, hasNextPage: true });
    const { past, none } = await t.data(
      `query ($after: String) { past: units(after: $after) { ${PAGE} }
        none: openRoles(status: CANCELLED, scope: "labs") { ${PAGE} } }`,
      { after: last.pageInfo.endCursor },
    );
    for (const empty of [past, none]) {
      expect(empty).toEqual({
        pageInfo: { startCursor: null, endCursor: null, hasNextPage: false },
        edges: [],
      });
    }
  });

  it('filters by layer and parent', async () => {
    const { areas, underInfra } = await t.data(`{
      areas: units(layer: AREA) { nodes { slug } }
      underInfra: units(parent: "infra") { nodes { slug layer } }
    }`);
    expect(areas.nodes.map((u: any) => u.slug)).toEqual([
      'data',
      'growth',
      'incubator',
      'infra',
      'payments',
    ]);
    expect(underInfra.nodes).toEqual([
      { slug: 'compute', layer: 'TEAM' },
      { slug: 'network', layer: 'TEAM' },
      { slug: 'storage', layer: 'TEAM' },
    ]);
  });

  it('answers a unit with its structure, leads, members, AoRs, roles and history', async () => {
    const { unit } = await t.data(`{ unit(slug: "storage") {
      name layer parent { slug } ancestors { slug }
      engLead { email } techLead { email } members { email }
      aors { slug criticality primaryOwner { email } backupOwners { email } }
      seatHistory { seat person { email } startedOn endedOn }
    } }`);
    expect(unit).toMatchObject({
      name: 'Storage',
      layer: 'TEAM',
      parent: { slug: 'infra' },
      ancestors: [{ slug: 'platform' }, { slug: 'infra' }],
      engLead: { email: 'ana@example.com' },
      techLead: { email: 'dee@example.com' },
    });
    expect(unit.members.map((m: any) => m.email)).toEqual([
      'dee@example.com',
      'eli@example.com',
      'fay@example.com',
    ]);
    expect(unit.aors[0]).toEqual({
      slug: 'blob-store',
      criticality: 'HIGH',
      primaryOwner: { email: 'dee@example.com' },
      backupOwners: [{ email: 'eli@example.com' }],
    });
    expect(unit.seatHistory).toHaveLength(2);
    const { search } = await t.data(
      '{ search: unit(slug: "search") { openRoles { seat status openedOn } } }',
    );
    expect(search.openRoles).toEqual([
      { seat: 'ENG_LEAD', status: 'OPEN', openedOn: '2026-10-05' },
    ]);
  });

  it('returns null for an unknown slug', async () => {
    expect((await t.data('{ unit(slug: "nope") { slug } }')).unit).toBeNull();
  });

  it('answers in the order the query asked', async () => {
    const { unit } = await t.data(
      '{ unit(slug: "infra") { name coverage { status } children { slug } } }',
    );
    expect(Object.keys(unit)).toEqual(['name', 'coverage', 'children']);
  });
});

describe('node and nodes', () => {
  it('answers null for an id that names nothing, in its place', async () => {
    const { node } = await t.data('{ node(id: "T3JnVW5pdDp4") { id } }');
    expect(node).toBeNull();
    const foreign = Buffer.from('Foo:1').toString('base64');
    const { unit } = await t.data('{ unit(slug: "infra") { id } }');
    const { nodes } = await t.data(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on OrgUnit { slug } } }',
      { ids: ['garbage', foreign, unit.id] },
    );
    expect(nodes).toEqual([null, null, { slug: 'infra' }]);
  });

  it('refetch any object by its opaque global id', async () => {
    const { unit, person } = await t.data(
      '{ unit(slug: "infra") { id } person(email: "ana@example.com") { id } }',
    );
    expect(unit.id).not.toMatch(/infra|^\d+$/);
    const { node, nodes } = await t.data(
      `query ($a: ID!, $b: ID!) {
        node(id: $a) { ... on OrgUnit { slug } }
        nodes(ids: [$b, $a]) { id ... on Person { email } }
      }`,
      { a: unit.id, b: person.id },
    );
    expect(node).toEqual({ slug: 'infra' });
    expect(nodes.map((n: any) => n.email ?? n.id)).toEqual(['ana@example.com', unit.id]);
  });
});

describe('people', () => {
  it('finds a person case-insensitively with manager chain, reports, team, seats, AoRs, span', async () => {
    const { person } = await t.data(`{ person(email: "ANA@Example.com") {
      email name manager { email } managerChain { email } directReports { email }
      team { slug } seats { seat unit { slug } } aors { role aor { slug } }
      spanOfControl { directReports engineersLedAsTechLead }
    } }`);
    expect(person).toMatchObject({
      email: 'ana@example.com',
      manager: { email: 'ian@example.com' },
      managerChain: [{ email: 'ian@example.com' }, { email: 'bo@example.com' }],
      team: null,
      seats: [{ seat: 'ENG_LEAD', unit: { slug: 'storage' } }],
      spanOfControl: { directReports: 3, engineersLedAsTechLead: 0 },
    });
    const { eli } = await t.data(
      '{ eli: person(email: "eli@example.com") { teamHistory { team { slug } endedOn } } }',
    );
    expect(eli.teamHistory).toEqual([{ team: { slug: 'storage' }, endedOn: null }]);
    const { dee } = await t.data(
      '{ dee: person(email: "dee@example.com") { team { slug } aors { role aor { slug } } spanOfControl { engineersLedAsTechLead } } }',
    );
    expect(dee).toEqual({
      team: { slug: 'storage' },
      aors: [{ role: 'PRIMARY', aor: { slug: 'blob-store' } }],
      spanOfControl: { engineersLedAsTechLead: 2 },
    });
  });

  it('counts the engineers a Tech Lead Manager leads as Tech Lead: the team’s engineer count', async () => {
    // ned, network's Eng Lead, joins it and takes its Tech Lead seat too: the engineer
    // count has left him out once already.
    const { assignSeat, setTeam } = await t.data(`mutation {
      assignSeat(input: { unit: "network", seat: TECH_LEAD, person: "ned@example.com" }) {
        userErrors { message } }
      setTeam(input: { email: "ned@example.com", team: "network" }) { userErrors { message } }
    }`);
    expect([...assignSeat.userErrors, ...setTeam.userErrors]).toEqual([]);
    const { ned, unit } = await t.data(`{
      ned: person(email: "ned@example.com") { team { slug } spanOfControl { engineersLedAsTechLead } }
      unit(slug: "network") { coverage { status engineerCount } }
    }`);
    expect(ned.team).toEqual({ slug: 'network' });
    expect(unit.coverage).toEqual({ status: 'TECH_LEAD_MANAGER', engineerCount: 5 });
    expect(ned.spanOfControl.engineersLedAsTechLead).toBe(5);
  });

  it('pages through everyone', async () => {
    const { people } = await t.data('{ people(first: 3) { totalCount nodes { email } } }');
    expect(people.totalCount).toBe(29);
    expect(people.nodes.map((p: any) => p.email)).toEqual([
      'ana@example.com',
      'bo@example.com',
      'cy@example.com',
    ]);
  });
});

describe('confidential succession data', () => {
  it('is refused to a VIEWER, field by field', async () => {
    const bench = await t.gql('{ successionBench { seat } }', {}, { token: viewer });
    expect(bench.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const names = await t.gql(
      '{ unit(slug: "storage") { coverage { techLead { readySoonCount candidates { readySoon { name } } } } } }',
      {},
      { token: viewer },
    );
    expect(names.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const counts = await t.gql(
      '{ unit(slug: "storage") { coverage { techLead { readySoonCount } } } }',
      {},
      { token: viewer },
    );
    expect(counts.data?.unit.coverage.techLead.readySoonCount).toBe(1);
    const impact = await t.gql(
      '{ departureImpact(email: "eli@example.com") { person { email } } }',
      {},
      { token: viewer },
    );
    expect(impact.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const candidacies = await t.gql(
      '{ person(email: "eli@example.com") { candidacies { readiness } } }',
      {},
      { token: viewer },
    );
    expect(candidacies.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const exported = await t.gql('{ exportOrg }', {}, { token: viewer });
    expect(exported.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('hides findings that reveal candidates from a VIEWER, shows them to a PLANNER', async () => {
    const query =
      '{ singlePointsOfFailure(kinds: [SUCCESSOR_CONCENTRATION]) { totalCount nodes { people { email } units { slug } } } }';
    // Asked by name, refused; among all findings, left out.
    const refused = await t.gql(query, {}, { token: viewer });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The field is open to a VIEWER: the refusal names the kind it cannot read.
    expect(refused.errors?.[0]?.message).toBe(
      "Not authorized: your role (VIEWER) cannot read Query.singlePointsOfFailure's kind SUCCESSOR_CONCENTRATION.",
    );
    const all = await t.data('{ singlePointsOfFailure { nodes { kind } } }', {}, { token: viewer });
    const kinds = all.singlePointsOfFailure.nodes.map((f: { kind: string }) => f.kind);
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds).not.toContain('SUCCESSOR_CONCENTRATION');
    const asPlanner = await t.data(query, {}, { token: planner });
    expect(asPlanner.singlePointsOfFailure.nodes).toEqual([
      { people: [{ email: 'eli@example.com' }], units: [{ slug: 'compute' }, { slug: 'storage' }] },
    ]);
  });

  it('lets a PLANNER read the bench with names', async () => {
    const { successionBench } = await t.data(
      '{ successionBench(scope: "storage") { seat holder { email } candidates { readySoon { email } } } }',
      {},
      { token: planner },
    );
    expect(successionBench).toEqual([
      { seat: 'ENG_LEAD', holder: { email: 'ana@example.com' }, candidates: { readySoon: [] } },
      {
        seat: 'TECH_LEAD',
        holder: { email: 'dee@example.com' },
        candidates: { readySoon: [{ email: 'eli@example.com' }] },
      },
    ]);
  });
});

describe('analysis lists', () => {
  it('return every finding of the demo org without `first`', async () => {
    const { singlePointsOfFailure } = await t.data(
      '{ singlePointsOfFailure { totalCount nodes { kind } } }',
    );
    expect(singlePointsOfFailure.totalCount).toBeGreaterThan(20);
    expect(singlePointsOfFailure.nodes).toHaveLength(singlePointsOfFailure.totalCount);
  });
});

describe('analysis arguments', () => {
  it('names an unknown scope or person as a NOT_FOUND error', async () => {
    const scope = await t.gql('{ coverage(scope: "nope") { benchStrength } }');
    expect(scope.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/scope: no unit "nope"/),
      extensions: { code: 'NOT_FOUND' },
    });
    const person = await t.gql(
      '{ departureImpact(email: "who@example.com") { person { email } } }',
    );
    expect(person.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // A list's parent too: an empty page would pass a script's check of a mistyped slug.
    const children = await t.gql('{ units(parent: "infr") { totalCount } }');
    expect(children.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^parent: no unit "infr" in the org on/),
      extensions: { code: 'NOT_FOUND', argument: 'parent' },
    });
  });

  it('refuses a malformed asOf date naming it', async () => {
    const result = await t.gql('{ coverage(asOf: "2026-02-30") { benchStrength } }');
    expect(result.errors?.[0]?.message).toMatch(/2026-02-30/);
  });

  it('answers from the history in force on asOf', async () => {
    // Kim became Compute's Eng Lead on 2026-08-03: before that Compute had nobody.
    const { before, after } = await t.data(`{
      before: unit(slug: "compute") { coverage(asOf: "2026-08-02") { status engLead { vacantSince holder { email } } } }
      after: unit(slug: "compute") { coverage(asOf: "2026-08-03") { status engLead { heldSince tenureDays } } }
    }`);
    expect(before.coverage).toEqual({
      status: 'VACANT',
      engLead: { vacantSince: null, holder: null },
    });
    expect(after.coverage).toEqual({
      status: 'TECH_LEAD_MANAGER',
      engLead: { heldSince: '2026-08-03', tenureDays: 0 },
    });
  });
});
