import { describe, expect, it } from 'vitest';
import { TODAY } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { expectRefused, expectWritten } from '../helpers/writes.js';

// Managers, parents and a unit's creation are dated (SPEC "One read model": every nested
// field answers for the root's day): a change made today leaves yesterday as it was, through
// GraphQL on the real database, and the analyses of a past day use that day's tree.
const e = (n: string) => `${n}@example.com`;
const YESTERDAY = '2026-11-22';
const ORG = {
  people: [
    { email: e('boss'), name: 'Boss' },
    { email: e('old'), name: 'Old', manager: e('boss') },
    { email: e('new'), name: 'New', manager: e('boss') },
    { email: e('ann'), name: 'Ann', manager: e('old') },
    { email: e('lead'), name: 'Lead' },
    { email: e('dev'), name: 'Dev', manager: e('lead') },
  ],
  units: [
    { slug: 'p', name: 'P', layer: 'PILLAR' },
    { slug: 'a1', name: 'A1', layer: 'AREA', parent: 'p' },
    { slug: 'a2', name: 'A2', layer: 'AREA', parent: 'p' },
    {
      slug: 't',
      name: 'T',
      layer: 'TEAM',
      parent: 'a1',
      engLead: { person: e('lead'), since: '2025-01-01' },
      techLead: { person: e('dev'), since: '2025-01-01' },
      members: [e('lead'), e('dev')],
    },
  ],
};

const SET_MANAGER = `mutation ($input: SetManagerInput!) { setManager(input: $input) { userErrors { path message code } } }`;
const MOVE_UNIT = `mutation ($input: MoveUnitInput!) { moveUnit(input: $input) { userErrors { path message code } } }`;
const CREATE_UNIT = `mutation ($input: CreateUnitInput!) { createUnit(input: $input) { userErrors { path message code } } }`;
const ASSIGN = `mutation ($input: AssignSeatInput!) { assignSeat(input: $input) { userErrors { path message code } } }`;

const t = useTestOrg(ORG);

const PERSON = `query ($email: String!, $asOf: Date) {
  person(email: $email, asOf: $asOf) { manager { email } managerChain { email } }
}`;
const REPORTS = `query ($email: String!, $asOf: Date) {
  person(email: $email, asOf: $asOf) { directReports { email } }
  people(manager: $email, asOf: $asOf) { nodes { email } }
}`;
const emails = (list: { email: string }[]) => list.map((p) => p.email);

describe('a manager changed today', () => {
  it('shows the old manager yesterday and the new one today, reports likewise', async () => {
    await expectWritten(t, SET_MANAGER, { email: e('ann'), manager: e('new') });
    const before = await t.data(PERSON, { email: e('ann'), asOf: YESTERDAY });
    expect(before.person.manager).toEqual({ email: e('old') });
    expect(emails(before.person.managerChain)).toEqual([e('old'), e('boss')]);
    const now = await t.data(PERSON, { email: e('ann') });
    expect(now.person.manager).toEqual({ email: e('new') });
    const old = await t.data(REPORTS, { email: e('old'), asOf: YESTERDAY });
    expect(emails(old.person.directReports)).toEqual([e('ann')]);
    expect(emails(old.people.nodes)).toEqual([e('ann')]);
    const oldToday = await t.data(REPORTS, { email: e('old'), asOf: TODAY });
    expect(oldToday.person.directReports).toEqual([]);
    expect(oldToday.people.nodes).toEqual([]);
    const newToday = await t.data(REPORTS, { email: e('new'), asOf: TODAY });
    expect(emails(newToday.person.directReports)).toEqual([e('ann')]);
  });

  it('leaves the past day’s findings and departure impact as they were', async () => {
    await expectWritten(t, SET_MANAGER, { email: e('dev'), manager: e('boss') });
    const FINDINGS = `query ($asOf: Date) {
      singlePointsOfFailure(asOf: $asOf, kinds: [TECH_LEAD_REPORTS_ELSEWHERE]) { totalCount }
    }`;
    const found = async (asOf: string) =>
      (await t.data(FINDINGS, { asOf })).singlePointsOfFailure.totalCount;
    expect(await found(YESTERDAY)).toBe(0);
    expect(await found(TODAY)).toBe(1);
    const IMPACT = `query ($asOf: Date) {
      departureImpact(email: "${e('lead')}", asOf: $asOf) { orphanedReports { email } }
    }`;
    const orphaned = async (asOf: string) =>
      emails((await t.data(IMPACT, { asOf })).departureImpact.orphanedReports);
    expect(await orphaned(YESTERDAY)).toEqual([e('dev')]);
    expect(await orphaned(TODAY)).toEqual([]);
  });

  it('takes effect from `on`, and refuses a day before a change already recorded', async () => {
    await expectWritten(t, SET_MANAGER, { email: e('ann'), manager: e('new'), on: '2026-12-01' });
    const between = await t.data(PERSON, { email: e('ann'), asOf: '2026-11-30' });
    expect(between.person.manager).toEqual({ email: e('old') });
    const after = await t.data(PERSON, { email: e('ann'), asOf: '2026-12-01' });
    expect(after.person.manager).toEqual({ email: e('new') });
    await expectRefused(
      t,
      SET_MANAGER,
      { email: e('ann'), manager: e('boss'), on: '2026-11-25' },
      'input.on',
      'VALIDATION',
    );
  });

  it('refuses a loop that a change recorded for a later day would close', async () => {
    // From 12-01 Dev reports to Ann: Ann reporting to Dev is no loop today, but one then.
    await expectWritten(t, SET_MANAGER, { email: e('dev'), manager: e('ann'), on: '2026-12-01' });
    const payload = await t.data(SET_MANAGER, { input: { email: e('ann'), manager: e('dev') } });
    expect(payload.setManager.userErrors).toMatchObject([{ path: 'input.manager', code: 'CYCLE' }]);
    expect(payload.setManager.userErrors[0].message).toContain('from 2026-12-01');
  });
});

const COVERAGE = `query ($scope: String!, $asOf: Date) {
  coverage(scope: $scope, asOf: $asOf) { byLayer { layer units } }
}`;
const UNIT = `query ($slug: String!, $asOf: Date) {
  unit(slug: $slug, asOf: $asOf) { parent { slug } ancestors { slug } }
}`;
const teamsIn = (coverage: { byLayer: { layer: string; units: number }[] }) =>
  coverage.byLayer.find((row) => row.layer === 'TEAM')?.units ?? 0;

describe('a unit moved today', () => {
  it('stands under its old parent yesterday, in the tree and in scoped coverage', async () => {
    await expectWritten(t, MOVE_UNIT, { slug: 't', parent: 'a2' });
    const before = await t.data(UNIT, { slug: 't', asOf: YESTERDAY });
    expect(before.unit.parent).toEqual({ slug: 'a1' });
    expect(before.unit.ancestors).toEqual([{ slug: 'p' }, { slug: 'a1' }]);
    expect((await t.data(UNIT, { slug: 't' })).unit.parent).toEqual({ slug: 'a2' });
    const old = await t.data(COVERAGE, { scope: 'a1', asOf: YESTERDAY });
    expect(teamsIn(old.coverage)).toBe(1);
    const oldToday = await t.data(COVERAGE, { scope: 'a1' });
    expect(teamsIn(oldToday.coverage)).toBe(0);
    expect(teamsIn((await t.data(COVERAGE, { scope: 'a2', asOf: YESTERDAY })).coverage)).toBe(0);
    const children = await t.data(
      `query ($asOf: Date) { units(parent: "a1", asOf: $asOf) { nodes { slug } } }`,
      { asOf: YESTERDAY },
    );
    expect(children.units.nodes).toEqual([{ slug: 't' }]);
  });
});

const TREND = `query ($from: Date!, $to: Date!) {
  coverageTrend(from: $from, to: $to, every: DAY) { on byLayer { layer units } }
}`;

describe('a unit created today', () => {
  it('is absent from the days before, in lists and trends', async () => {
    await expectWritten(t, CREATE_UNIT, { slug: 'n', name: 'N', layer: 'TEAM', parent: 'a2' });
    const listed = async (asOf: string) =>
      (
        await t.data(`query ($asOf: Date) { units(asOf: $asOf, layer: TEAM) { nodes { slug } } }`, {
          asOf,
        })
      ).units.nodes.map((u: { slug: string }) => u.slug);
    expect(await listed(YESTERDAY)).toEqual(['t']);
    expect(await listed(TODAY)).toEqual(['n', 't']);
    const { coverageTrend } = await t.data(TREND, { from: YESTERDAY, to: TODAY });
    const teams = coverageTrend.map(
      (p: { byLayer: { layer: string; units: number }[] }) =>
        p.byLayer.find((u) => u.layer === 'TEAM')?.units,
    );
    expect(teams).toEqual([1, 2]);
  });

  it('begins a vacancy of its empty Tech Lead seat on its creation day', async () => {
    await expectWritten(t, CREATE_UNIT, { slug: 'n', name: 'N', layer: 'TEAM', parent: 'a2' });
    await expectWritten(t, ASSIGN, { unit: 'n', seat: 'ENG_LEAD', person: e('new') });
    const { seatVacancyStats } = await t.data(
      `query { seatVacancyStats(scope: "n", from: "2026-11-01", to: "${TODAY}") {
        layer seat began stillOpen oldestOpenDays } }`,
    );
    expect(seatVacancyStats.slice(4)).toEqual([
      { layer: 'TEAM', seat: 'ENG_LEAD', began: 0, stillOpen: 0, oldestOpenDays: null },
      { layer: 'TEAM', seat: 'TECH_LEAD', began: 1, stillOpen: 1, oldestOpenDays: 0 },
    ]);
  });
});
