import { describe, expect, it } from 'vitest';
import { CHANGES_QUERY, type ChangeNode, STATS_QUERY } from '../../src/cli/churn.js';
import { tokenFor } from '../access/credentials.js';
import type { TestApp } from '../helpers/app.js';
import { NONE, SPRING, SPRING_CHANGES, SPRING_STATS } from '../helpers/churn-spring.js';
import { useTestOrg } from '../helpers/test-org.js';

// SPEC's churn definitions end to end: an org imported, a spring of dated seat writes made
// through the mutations, then asked for 2026-03-01..2026-05-31 through GraphQL.
const e = (name: string) => `${name}@example.com`;
const since = (name: string) => ({ person: e(name), since: '2025-01-01' });
const ORG = {
  people: [
    'bo',
    'cy',
    'ann',
    'x',
    'z',
    'em1',
    'em2',
    'tl1',
    'tl2',
    'e2',
    'ty',
    'e3',
    'y',
    'e4',
  ].map((n) => ({ email: e(n), name: n.toUpperCase() })),
  units: [
    { slug: 'p', name: 'P', layer: 'PILLAR', engLead: since('bo'), techLead: since('cy') },
    {
      slug: 'a',
      name: 'A',
      layer: 'AREA',
      parent: 'p',
      engLead: since('ann'),
      techLead: since('x'),
    },
    {
      slug: 't1',
      name: 'T1',
      layer: 'TEAM',
      parent: 'a',
      engLead: since('em1'),
      techLead: since('tl1'),
    },
    {
      slug: 't2',
      name: 'T2',
      layer: 'TEAM',
      parent: 'a',
      engLead: since('e2'),
      techLead: since('ty'),
    },
    { slug: 't3', name: 'T3', layer: 'TEAM', parent: 'a', engLead: since('e3') },
    { slug: 't4', name: 'T4', layer: 'TEAM', parent: 'a', engLead: since('e4') },
  ],
};

const assign = (unit: string, seat: string, person: string, startedOn: string, acting = false) => ({
  op: 'assignSeat',
  input: { unit, seat, person: e(person), startedOn, acting },
});
const vacate = (unit: string, seat: string, on: string) => ({
  op: 'vacateSeat',
  input: { unit, seat, on },
});

async function write(t: TestApp, op: string, input: Record<string, unknown>) {
  const type = `${op.charAt(0).toUpperCase()}${op.slice(1)}Input`;
  const field = op === 'openRole' ? 'openRole { id }' : '__typename';
  const result = await t.data(
    `mutation ($input: ${type}!) { ${op}(input: $input) { ${field} userErrors { path message } } }`,
    { input },
  );
  expect(result[op].userErrors).toEqual([]);
  return result[op];
}

async function spring(t: TestApp) {
  const areaRole = await write(t, 'openRole', {
    unit: 'a',
    seat: 'TECH_LEAD',
    openedOn: '2026-01-15',
  });
  const t3Role = await write(t, 'openRole', {
    unit: 't3',
    seat: 'ENG_LEAD',
    openedOn: '2026-02-20',
  });
  for (const { op, input } of [
    vacate('a', 'TECH_LEAD', '2026-02-01'),
    vacate('t3', 'ENG_LEAD', '2026-03-01'),
    vacate('t4', 'ENG_LEAD', '2026-03-10'),
    assign('t3', 'ENG_LEAD', 'y', '2026-03-15', true),
    // Two changes of t1 on one day: both seats change hands on 04-01.
    assign('t1', 'ENG_LEAD', 'em2', '2026-04-01'),
    assign('t1', 'TECH_LEAD', 'tl2', '2026-04-01'),
    vacate('t2', 'TECH_LEAD', '2026-04-01'),
    { op: 'archiveUnit', input: { slug: 't4', on: '2026-04-01' } },
    assign('t3', 'ENG_LEAD', 'y', '2026-04-15', false),
    { op: 'fillRole', input: { id: areaRole.openRole.id, on: '2026-04-10', person: e('z') } },
    { op: 'fillRole', input: { id: t3Role.openRole.id, on: '2026-03-15' } },
  ]) {
    await write(t, op, input);
  }
}

const t = useTestOrg(ORG, { setup: spring });

const who = (p: { email: string } | null, acting: boolean) =>
  (p?.email.split('@')[0] ?? '-') + (acting ? '*' : '');
const line = (c: ChangeNode) =>
  `${c.on} ${c.unit.slug} ${c.seat} ${c.kind} ${who(c.before, c.beforeActing)} > ${who(c.after, c.afterActing)}`;

describe('leadership churn through GraphQL', () => {
  it('lists the changes of the period oldest first, paged', async () => {
    const { leadershipChanges } = await t.data(CHANGES_QUERY, SPRING);
    expect(leadershipChanges.totalCount).toBe(8);
    expect(leadershipChanges.nodes.map(line)).toEqual(SPRING_CHANGES);
    const first = await t.data(CHANGES_QUERY, { ...SPRING, first: 3 });
    expect(first.leadershipChanges.pageInfo.hasNextPage).toBe(true);
    const after = first.leadershipChanges.pageInfo.endCursor;
    const next = await t.data(CHANGES_QUERY, { ...SPRING, first: 3, after });
    expect(next.leadershipChanges.nodes.map(line)).toEqual(
      leadershipChanges.nodes.slice(3, 6).map(line),
    );
  });

  it('answers the six stats rows by SPEC’s definitions', async () => {
    const { seatVacancyStats } = await t.data(STATS_QUERY, SPRING);
    expect(seatVacancyStats).toEqual(SPRING_STATS);
  });

  it('scopes to a subtree, an archived unit counted on the days it existed', async () => {
    const { seatVacancyStats } = await t.data(STATS_QUERY, { ...SPRING, scope: 't4' });
    expect(seatVacancyStats[4]).toEqual({
      ...NONE,
      layer: 'TEAM',
      seat: 'ENG_LEAD',
      began: 1,
      turnover: null,
    });
    const { leadershipChanges } = await t.data(CHANGES_QUERY, { ...SPRING, scope: 't3' });
    expect(leadershipChanges.nodes.map(line)).toEqual([
      '2026-03-01 t3 ENG_LEAD VACATED e3 > -',
      '2026-03-15 t3 ENG_LEAD FILLED - > y*',
      '2026-04-15 t3 ENG_LEAD CONFIRMED y* > y',
    ]);
  });

  it('names a unit archived by today as it last stood: its coverage asked, the list answers', async () => {
    // Asked of today, t4's coverage was an error, and it emptied the whole list (non-null).
    const { leadershipChanges, lastDay } = await t.data(
      `query ($from: Date!, $to: Date!) {
        leadershipChanges(from: $from, to: $to) { nodes { unit { slug coverage { status } } } }
        lastDay: unit(slug: "t4", asOf: "2026-03-31") { coverage { status } }
      }`,
      SPRING,
    );
    expect(leadershipChanges.nodes).toHaveLength(8);
    const t4 = leadershipChanges.nodes.find((c: ChangeNode) => c.unit.slug === 't4');
    expect(t4.unit.coverage).toEqual(lastDay.coverage);
  });

  it('asks the database the same few statements for 3 changes as for 8 (no SQL per change)', async () => {
    const statementsOf = async (variables: Record<string, unknown>) => {
      await t.data(CHANGES_QUERY, variables); // the snapshot loaded, as a running server's is
      t.statements.length = 0;
      const { leadershipChanges } = await t.data(CHANGES_QUERY, variables);
      return { changes: leadershipChanges.totalCount, statements: t.statements.length };
    };
    const few = await statementsOf({ ...SPRING, scope: 't3' });
    const all = await statementsOf(SPRING);
    expect([few.changes, all.changes]).toEqual([3, 8]);
    expect(all.statements).toBe(few.statements);
    expect(all.statements).toBeLessThanOrEqual(3); // the version, the units, the people
  });

  it('refuses a period ending before it starts and an unknown scope, naming the argument', async () => {
    for (const query of [CHANGES_QUERY, STATS_QUERY]) {
      const backwards = await t.gql(query, { from: '2026-05-31', to: '2026-03-01' });
      expect(backwards.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'from',
      });
      const unknown = await t.gql(query, { ...SPRING, scope: 'nope' });
      expect(unknown.errors?.[0]?.extensions).toMatchObject({
        code: 'NOT_FOUND',
        argument: 'scope',
      });
      const bad = await t.gql(query, { from: '2026-02-30', to: '2026-03-01' });
      expect(bad.errors?.[0]?.message).toMatch(/Date/);
    }
  });

  it('is read like the other analytics: any VIEWER, nobody without a token', async () => {
    const viewer = await tokenFor(t, 'VIEWER');
    const { seatVacancyStats } = await t.data(STATS_QUERY, SPRING, { token: viewer });
    expect(seatVacancyStats).toHaveLength(6);
    const anonymous = await t.gql(STATS_QUERY, SPRING, { token: null });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
