import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/org/days.js';
import { TODAY } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { expectRefused, expectRefusedAll, expectWritten } from '../helpers/writes.js';

const ROLE = 'openRole { id unit { slug } seat status openedOn closedOn }';
const OPEN = `mutation ($input: OpenRoleInput!) {
  openRole(input: $input) { ${ROLE} userErrors { path message code } }
}`;
const FILL = `mutation ($input: FillRoleInput!) {
  fillRole(input: $input) { ${ROLE} userErrors { path message code } }
}`;
const CANCEL = `mutation ($input: CancelRoleInput!) {
  cancelRole(input: $input) { ${ROLE} userErrors { path message code } }
}`;

const email = (i: number) => `p${i}@example.com`;
const ORG = {
  people: Array.from({ length: 4 }, (_, i) => ({ email: email(i), name: `P ${i}` })),
  units: [
    { slug: 'core', name: 'Core', layer: 'PILLAR', engLead: email(0), techLead: email(1) },
    { slug: 'infra', name: 'Infra', layer: 'AREA', parent: 'core' },
    { slug: 'db', name: 'Databases', layer: 'TEAM', parent: 'infra', engLead: email(2) },
  ],
};

const t = useTestOrg(ORG);

/** The infra VACANT_SEAT findings on a day, as `SEAT SEVERITY` strings. */
async function infraVacancies(asOf?: string) {
  const { singlePointsOfFailure } = await t.data(
    `query ($asOf: Date) {
      singlePointsOfFailure(scope: "infra", kinds: [VACANT_SEAT], asOf: $asOf) {
        nodes { unit { slug } seat severity }
      }
    }`,
    { asOf },
  );
  return singlePointsOfFailure.nodes
    .filter((f: { unit: { slug: string } }) => f.unit.slug === 'infra')
    .map((f: { seat: string; severity: string }) => `${f.seat} ${f.severity}`);
}

const rolesOf = async (slug: string) =>
  (await t.data(`{ unit(slug: "${slug}") { openRoles { id seat status openedOn closedOn } } }`))
    .unit.openRoles;

/** Opens a role that must be accepted; the role. */
const open = async (input: Record<string, unknown>) =>
  (await expectWritten(t, OPEN, input)).openRole as { id: string };

describe('openRole', () => {
  it('opens a requisition; the vacancy becomes "hiring" at once', async () => {
    expect(await infraVacancies()).toEqual(['ENG_LEAD CRITICAL', 'TECH_LEAD HIGH']);
    const engLeadRole = await open({ unit: 'infra', seat: 'ENG_LEAD' });
    expect(engLeadRole).toMatchObject({
      unit: { slug: 'infra' },
      seat: 'ENG_LEAD',
      status: 'OPEN',
      openedOn: TODAY,
      closedOn: null,
    });
    expect(await infraVacancies()).toEqual(['ENG_LEAD HIGH', 'TECH_LEAD HIGH']);
  });

  it('opens from a past day, so answers as of earlier days do not see it', async () => {
    await open({ unit: 'infra', seat: 'TECH_LEAD', openedOn: '2026-09-01' });
    expect(await infraVacancies()).toEqual(['ENG_LEAD CRITICAL', 'TECH_LEAD MEDIUM']);
    expect(await infraVacancies('2026-08-31')).toEqual(['ENG_LEAD CRITICAL', 'TECH_LEAD HIGH']);
  });

  it('names nothing, asked by id for a day before it opened', async () => {
    const role = await open({ unit: 'infra', seat: 'TECH_LEAD', openedOn: '2026-11-01' });
    await expectWritten(t, FILL, { id: role.id, on: '2026-11-20' });
    const asked = `query ($id: ID!, $asOf: Date) {
      node(id: $id, asOf: $asOf) { ... on OpenRole { status closedOn } }
    }`;
    const on = async (asOf: string) => (await t.data(asked, { id: role.id, asOf })).node;
    expect(await on('2026-10-31')).toBeNull();
    expect(await on('2026-11-01')).toEqual({ status: 'OPEN', closedOn: null });
    expect(await on('2026-11-20')).toEqual({ status: 'FILLED', closedOn: '2026-11-20' });
  });

  it('refuses a second OPEN role for the same seat, and unknown units', async () => {
    await open({ unit: 'infra', seat: 'ENG_LEAD' });
    await open({ unit: 'infra', seat: 'TECH_LEAD' });
    await expectRefusedAll(t, OPEN, [
      [{ unit: 'infra', seat: 'ENG_LEAD' }, 'input.seat', 'CONFLICT'],
      [{ unit: 'infra', seat: 'TECH_LEAD' }, 'input.seat', 'CONFLICT'],
      [{ unit: 'nope', seat: 'ENGINEER' }, 'input.unit', 'NOT_FOUND'],
    ]);
    expect(await rolesOf('infra')).toHaveLength(2);
  });

  it('allows many ENGINEER roles on one unit', async () => {
    await expectWritten(t, OPEN, { unit: 'db', seat: 'ENGINEER' });
    await expectWritten(t, OPEN, { unit: 'db', seat: 'ENGINEER' });
    const roles = await rolesOf('db');
    expect(roles.map((r: { seat: string; status: string }) => `${r.seat} ${r.status}`)).toEqual([
      'ENGINEER OPEN',
      'ENGINEER OPEN',
    ]);
  });
});

describe('fillRole / cancelRole', () => {
  it('fills an open role; it cannot be filled or cancelled again', async () => {
    const engLeadRole = await open({ unit: 'infra', seat: 'ENG_LEAD' });
    const { openRole: filled } = await expectWritten(t, FILL, { id: engLeadRole.id, on: TODAY });
    expect(filled).toMatchObject({ id: engLeadRole.id, status: 'FILLED', closedOn: TODAY });
    // Filled, not assigned: the seat is vacant and no longer "hiring".
    expect(await infraVacancies()).toEqual(['ENG_LEAD CRITICAL', 'TECH_LEAD HIGH']);
    await expectRefused(t, FILL, { id: engLeadRole.id }, 'input.id', 'CONFLICT');
    await expectRefused(t, CANCEL, { id: engLeadRole.id }, 'input.id', 'CONFLICT');
  });

  it('lets a new role open for a seat whose last role was filled', async () => {
    const filled = await open({ unit: 'infra', seat: 'ENG_LEAD' });
    await expectWritten(t, FILL, { id: filled.id });
    const role = await open({ unit: 'infra', seat: 'ENG_LEAD' });
    expect(role.id).not.toBe(filled.id);
  });

  it('lets a new role open beside one cancelled the day it was to open (never open)', async () => {
    const planned = await open({ unit: 'infra', seat: 'TECH_LEAD', openedOn: '2027-02-01' });
    await expectWritten(t, CANCEL, { id: planned.id, on: '2027-02-01' });
    const role = await open({ unit: 'infra', seat: 'TECH_LEAD' });
    expect(role.id).not.toBe(planned.id);
  });

  it('refuses a second role while the first is open on its day, though filled from later', async () => {
    const first = await open({ unit: 'infra', seat: 'TECH_LEAD', openedOn: '2026-11-01' });
    await expectWritten(t, FILL, { id: first.id, on: '2026-12-20' });
    // Open today and until 2026-12-19: a role from today, or from before its fill, overlaps.
    await expectRefusedAll(t, OPEN, [
      [{ unit: 'infra', seat: 'TECH_LEAD' }, 'input.seat', 'CONFLICT'],
      [{ unit: 'infra', seat: 'TECH_LEAD', openedOn: '2026-12-19' }, 'input.seat', 'CONFLICT'],
    ]);
    const later = await open({ unit: 'infra', seat: 'TECH_LEAD', openedOn: '2026-12-20' });
    expect(later.id).not.toBe(first.id);
  });

  it('cancels an open role from a day (default: today)', async () => {
    const role = await open({ unit: 'infra', seat: 'ENG_LEAD' });
    const { openRole: cancelled } = await expectWritten(t, CANCEL, { id: role.id });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', closedOn: TODAY });
    await expectRefused(t, FILL, { id: role.id }, 'input.id', 'CONFLICT');
  });

  it('closes one ENGINEER role, leaving the others open', async () => {
    await open({ unit: 'db', seat: 'ENGINEER' });
    await open({ unit: 'db', seat: 'ENGINEER' });
    const [first] = await rolesOf('db');
    await expectWritten(t, FILL, { id: first.id });
    const statuses = (await rolesOf('db')).map((r: { status: string }) => r.status).sort();
    expect(statuses).toEqual(['FILLED', 'OPEN']);
  });

  it('refuses a day before the role opened or the day it opened, and ids that are not open roles', async () => {
    const tl = await open({ unit: 'infra', seat: 'TECH_LEAD', openedOn: '2026-09-01' });
    await expectRefused(t, FILL, { id: tl.id, on: '2026-08-31' }, 'input.on', 'VALIDATION');
    await expectRefused(t, CANCEL, { id: tl.id, on: '2026-08-31' }, 'input.on', 'VALIDATION');
    const { unit } = await t.data('{ unit(slug: "infra") { id } }');
    await expectRefused(t, FILL, { id: unit.id }, 'input.id', 'NOT_FOUND');
    const unknown = Buffer.from('OpenRole:999999').toString('base64');
    await expectRefused(t, CANCEL, { id: unknown }, 'input.id', 'NOT_FOUND');
    // Closed the day it opened (a day past), the role was never open: its hiring erased.
    await expectRefused(t, FILL, { id: tl.id, on: '2026-09-01' }, 'input.on', 'VALIDATION');
    await expectRefused(t, CANCEL, { id: tl.id, on: '2026-09-01' }, 'input.on', 'VALIDATION');
    const { openRole: filled } = await expectWritten(t, FILL, { id: tl.id, on: '2026-09-02' });
    expect(filled).toMatchObject({
      status: 'FILLED',
      openedOn: '2026-09-01',
      closedOn: '2026-09-02',
    });
  });
});

describe('fillRole with the person who filled it', () => {
  const FILL_WITH = `mutation ($input: FillRoleInput!) { fillRole(input: $input) {
    openRole { status } assignment { seat person { email } startedOn }
    membership { team { slug } person { email } startedOn } userErrors { path code }
  } }`;

  it('puts them in the seat in the same transaction', async () => {
    const { openRole: role } = await expectWritten(t, OPEN, {
      unit: 'db',
      seat: 'TECH_LEAD',
      openedOn: '2026-10-01',
    });
    const { fillRole } = await t.data(FILL_WITH, {
      input: { id: role.id, on: TODAY, person: email(3) },
    });
    expect(fillRole).toMatchObject({
      openRole: { status: 'FILLED' },
      assignment: { seat: 'TECH_LEAD', person: { email: email(3) }, startedOn: TODAY },
      userErrors: [],
    });
    const { unit } = await t.data('{ unit(slug: "db") { techLead { email } } }');
    expect(unit.techLead.email).toBe(email(3));
  });

  it('confirms the seat’s acting holder who fills it, from the day filled', async () => {
    const ASSIGN = `mutation ($input: AssignSeatInput!) {
      assignSeat(input: $input) { userErrors { message } } }`;
    const interim = { unit: 'db', seat: 'TECH_LEAD', person: email(3), acting: true };
    const assigned = await t.data(ASSIGN, { input: { ...interim, startedOn: '2026-09-01' } });
    expect(assigned.assignSeat.userErrors).toEqual([]);
    const { openRole: role } = await expectWritten(t, OPEN, {
      unit: 'db',
      seat: 'TECH_LEAD',
      openedOn: '2026-09-10',
    });
    const filled = await t.data(FILL_WITH, {
      input: { id: role.id, on: '2026-10-15', person: email(3) },
    });
    expect(filled.fillRole.userErrors).toEqual([]);
    // A requisition filled is a permanent hire: it stayed acting, LONG_ACTING and all.
    const { unit, leadershipChanges } = await t.data(`{
      unit(slug: "db") { seatHistory { seat acting startedOn endedOn } }
      leadershipChanges(from: "2026-09-01", to: "${TODAY}") { nodes { seat on kind } }
    }`);
    expect(unit.seatHistory.filter((a: { seat: string }) => a.seat === 'TECH_LEAD')).toEqual([
      { seat: 'TECH_LEAD', acting: false, startedOn: '2026-10-15', endedOn: null },
      { seat: 'TECH_LEAD', acting: true, startedOn: '2026-09-01', endedOn: '2026-10-14' },
    ]);
    expect(leadershipChanges.nodes).toContainEqual({
      seat: 'TECH_LEAD',
      on: '2026-10-15',
      kind: 'CONFIRMED',
    });
  });

  it('puts an engineer on the team', async () => {
    const { openRole: role } = await expectWritten(t, OPEN, { unit: 'db', seat: 'ENGINEER' });
    const { fillRole } = await t.data(FILL_WITH, { input: { id: role.id, person: email(1) } });
    expect(fillRole.membership).toMatchObject({
      team: { slug: 'db' },
      person: { email: email(1) },
    });
  });

  it('writes nothing when the person cannot take it, naming fillRole’s own field', async () => {
    const { openRole: role } = await expectWritten(t, OPEN, { unit: 'db', seat: 'ENG_LEAD' });
    const before = await t.changeCount();
    const { fillRole } = await t.data(FILL_WITH, {
      input: { id: role.id, person: 'nobody@example.com' },
    });
    expect(fillRole.userErrors).toEqual([{ path: 'input.person', code: 'NOT_FOUND' }]);
    expect(await t.changeCount()).toBe(before);
    expect((await rolesOf('db')).find((r: { id: string }) => r.id === role.id).status).toBe('OPEN');
  });

  it('answers a malformed id as NOT_FOUND in userErrors', async () => {
    await expectRefused(t, FILL, { id: 'not-a-global-id' }, 'input.id', 'NOT_FOUND');
  });
});

describe('access', () => {
  it('is for ADMIN tokens only', async () => {
    const { createApiToken } = await t.data(
      'mutation { createApiToken(input: { name: "viewer", role: VIEWER }) { token } }',
    );
    const before = await rolesOf('db');
    const result = await t.gql(
      OPEN,
      { input: { unit: 'db', seat: 'TECH_LEAD' } },
      { token: createApiToken.token },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await rolesOf('db')).toEqual(before);
  });
});

describe.runIf(process.env.DATABASE_URL)('concurrent requisitions on PostgreSQL', () => {
  it('leave one OPEN role per seat; the others get CONFLICT, never a crash', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () => t.gql(OPEN, { input: { unit: 'db', seat: 'TECH_LEAD' } })),
    );
    const outcomes = results.map((r) => {
      expect(r.errors).toBeUndefined();
      return r.data?.openRole.userErrors[0]?.code ?? 'OK';
    });
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'CONFLICT')).toHaveLength(5);
    const open = (await rolesOf('db')).filter(
      (r: { seat: string; status: string }) => r.seat === 'TECH_LEAD' && r.status === 'OPEN',
    );
    expect(open).toHaveLength(1);
  });
});

describe('openRoles on a day', () => {
  it('lists no role of a unit archived by then, scoped or not: the list is of one day', async () => {
    // The unscoped list kept the roles of an archived unit, which a scoped one (the subtree
    // of that day) left out, as `units` and `aors` do.
    const role = await open({ unit: 'db', seat: 'TECH_LEAD' });
    await expectWritten(t, CANCEL, { id: role.id });
    const later = addDays(TODAY, 6);
    for (const [op, input] of [
      ['vacateSeat', { unit: 'db', seat: 'ENG_LEAD', on: addDays(TODAY, 5) }],
      ['archiveUnit', { slug: 'db', on: addDays(TODAY, 5) }],
    ] as const) {
      const { [op]: done } = await t.data(
        `mutation ($input: ${op === 'vacateSeat' ? 'VacateSeatInput' : 'ArchiveUnitInput'}!) {
          ${op}(input: $input) { userErrors { message } } }`,
        { input },
      );
      expect(done.userErrors).toEqual([]);
    }
    const listed = async (asOf: string, scope?: string) =>
      (
        await t.data(
          `query ($asOf: Date, $scope: String) {
            openRoles(asOf: $asOf, scope: $scope) { nodes { unit { slug } status } } }`,
          { asOf, scope },
        )
      ).openRoles.nodes;
    expect(await listed(TODAY)).toEqual([{ unit: { slug: 'db' }, status: 'CANCELLED' }]);
    expect(await listed(later)).toEqual([]);
    expect(await listed(later, 'infra')).toEqual([]);
    // The unit's own list of that day, too (it kept them where the root list did not).
    const ofUnit = async (asOf: string) =>
      (await t.data(`{ unit(slug: "db", asOf: "${asOf}") { openRoles { status } } }`)).unit
        .openRoles;
    expect(await ofUnit(TODAY)).toEqual([{ status: 'CANCELLED' }]);
    expect(await ofUnit(later)).toEqual([]);
  });
});
