import { describe, expect, it } from 'vitest';
import { TODAY } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { expectWritten } from '../helpers/writes.js';
import { TWO_PILLARS } from './org.js';

const t = useTestOrg(TWO_PILLARS);

const PEOPLE = `query ($search: String, $team: String, $manager: String, $includeDeparted: Boolean) {
  people(search: $search, team: $team, manager: $manager, includeDeparted: $includeDeparted) {
    totalCount nodes { email }
  }
}`;

async function emails(args: Record<string, unknown>): Promise<string[]> {
  const { people } = await t.data(PEOPLE, args);
  expect(people.totalCount).toBe(people.nodes.length);
  return people.nodes.map((p: { email: string }) => p.email.replace('@example.com', ''));
}

async function refusal(query: string, args: Record<string, unknown> = {}) {
  const { errors, data } = await t.gql(query, args);
  expect(data ?? null).toBeNull();
  return errors?.[0];
}

describe('people', () => {
  it('searches name or email, any case, prefix matches first', async () => {
    expect(await emails({ search: 'ana' })).toEqual(['ana', 'lu', 'kim']);
    expect(await emails({ search: 'RUIZ' })).toEqual(['ana']);
    expect(await emails({ search: 'vy@EXAMPLE' })).toEqual(['ivy']);
    expect(await emails({ search: '  ' })).toHaveLength(12);
  });

  it('takes LIKE wildcards in a search literally', async () => {
    expect(await emails({ search: 'a%n' })).toEqual([]);
    expect(await emails({ search: '_' })).toEqual([]);
    expect(await emails({ search: '\\' })).toEqual([]);
  });

  it("lists a team's members and a manager's direct reports, combinable", async () => {
    expect(await emails({ team: 'storage' })).toEqual(['dee', 'eli']);
    expect(await emails({ manager: 'ANA@example.com' })).toEqual(['dee', 'eli']);
    expect(await emails({ manager: 'fay@example.com', team: 'compute', search: 'kim' })).toEqual([
      'kim',
    ]);
  });

  it('refuses a team or manager that names nothing, naming the argument', async () => {
    expect(await refusal(PEOPLE, { team: 'nowhere' })).toMatchObject({
      message: expect.stringMatching(/^team: no unit "nowhere"/),
      extensions: { code: 'NOT_FOUND', argument: 'team' },
    });
    expect(await refusal(PEOPLE, { team: 'infra' })).toMatchObject({
      message: 'team: "infra" is an AREA, not a TEAM',
      extensions: { code: 'BAD_USER_INPUT', argument: 'team' },
    });
    expect(await refusal(PEOPLE, { manager: 'who@example.com' })).toMatchObject({
      extensions: { code: 'NOT_FOUND', argument: 'manager' },
    });
    expect((await refusal(PEOPLE, { search: 'a\u0000' }))?.message).toMatch(/^search: /);
    expect((await refusal(PEOPLE, { search: 'a'.repeat(255) }))?.message).toMatch(/^search: /);
    expect((await refusal('{ people(first: 101) { totalCount } }'))?.message).toMatch(/100/);
  });

  it('leaves departed people out unless includeDeparted', async () => {
    await expectWritten(
      t,
      'mutation ($input: RecordDepartureInput!) { recordDeparture(input: $input) { userErrors { path message code } } }',
      { email: 'eli@example.com', on: TODAY },
    );
    expect(await emails({})).toHaveLength(11);
    expect(await emails({ includeDeparted: true })).toHaveLength(12);
    expect(await emails({ manager: 'ana@example.com' })).toEqual(['dee']);
    expect(await emails({ manager: 'ana@example.com', includeDeparted: true })).toEqual([
      'dee',
      'eli',
    ]);
    expect(await emails({ search: 'stone' })).toEqual([]);
    expect(await emails({ search: 'stone', includeDeparted: true })).toEqual(['eli']);
  });
});

describe('aors', () => {
  const AORS = `query ($scope: String, $criticality: Criticality) {
    aors(scope: $scope, criticality: $criticality) { totalCount nodes { slug } }
  }`;
  const slugs = async (args: Record<string, unknown>) =>
    (await t.data(AORS, args)).aors.nodes.map((a: { slug: string }) => a.slug);

  it('lists active AoRs by slug, filtered by scope and criticality', async () => {
    expect(await slugs({})).toEqual(['blob-store', 'payments-api', 'scheduler']);
    expect(await slugs({ scope: 'platform' })).toEqual(['blob-store', 'scheduler']);
    expect(await slugs({ criticality: 'HIGH' })).toEqual(['blob-store', 'payments-api']);
    expect(await slugs({ scope: 'product', criticality: 'LOW' })).toEqual([]);
    expect(await refusal(AORS, { scope: 'nowhere' })).toMatchObject({
      extensions: { code: 'NOT_FOUND', argument: 'scope' },
    });
  });
});

describe('openRoles', () => {
  const ROLES = `query ($scope: String, $status: OpenRoleStatus) {
    openRoles(scope: $scope, status: $status) { totalCount nodes { unit { slug } seat status } }
  }`;
  const roles = async (args: Record<string, unknown>) =>
    (await t.data(ROLES, args)).openRoles.nodes.map(
      (r: { unit: { slug: string }; seat: string; status: string }) =>
        `${r.unit.slug} ${r.seat} ${r.status}`,
    );

  it('lists requisitions newest first, filtered by scope and status', async () => {
    expect(await roles({})).toEqual([
      'growth ENG_LEAD OPEN',
      'infra TECH_LEAD OPEN',
      'checkout ENGINEER CANCELLED',
    ]);
    expect(await roles({ status: 'OPEN' })).toEqual([
      'growth ENG_LEAD OPEN',
      'infra TECH_LEAD OPEN',
    ]);
    expect(await roles({ scope: 'platform' })).toEqual(['infra TECH_LEAD OPEN']);
    expect(await roles({ scope: 'product', status: 'CANCELLED' })).toEqual([
      'checkout ENGINEER CANCELLED',
    ]);
  });
});
