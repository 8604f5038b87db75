import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/org/days.js';
import { TODAY } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { expectRefused, expectWritten, type Input } from '../helpers/writes.js';

/**
 * A unit's history starts on its creation, as an AoR's does: a dated write on its seats,
 * members, candidacies or open roles from before its first day is refused at the date field,
 * naming that day, and writes nothing. Imported units were there before anything recorded.
 */

const ERRORS = 'userErrors { path message code }';
const ASSIGN = `mutation ($input: AssignSeatInput!) { assignSeat(input: $input) {
  assignment { startedOn } ${ERRORS} } }`;
const VACATE = `mutation ($input: VacateSeatInput!) { vacateSeat(input: $input) {
  ended { endedOn } ${ERRORS} } }`;
const SET_TEAM = `mutation ($input: SetTeamInput!) { setTeam(input: $input) {
  membership { startedOn } ${ERRORS} } }`;
const ADD_CANDIDATE = `mutation ($input: AddCandidateInput!) { addCandidate(input: $input) {
  candidate { startedOn } ${ERRORS} } }`;
const REMOVE_CANDIDATE = `mutation ($input: RemoveCandidateInput!) {
  removeCandidate(input: $input) { ended { endedOn } ${ERRORS} } }`;
const OPEN_ROLE = `mutation ($input: OpenRoleInput!) { openRole(input: $input) {
  openRole { id openedOn } ${ERRORS} } }`;
const FILL_ROLE = `mutation ($input: FillRoleInput!) { fillRole(input: $input) {
  openRole { status } ${ERRORS} } }`;
const CANCEL_ROLE = `mutation ($input: CancelRoleInput!) { cancelRole(input: $input) {
  openRole { status } ${ERRORS} } }`;
const ARCHIVE = `mutation ($input: ArchiveUnitInput!) { archiveUnit(input: $input) {
  unit { archivedOn } ${ERRORS} } }`;
const CREATE_UNIT = `mutation ($input: CreateUnitInput!) { createUnit(input: $input) {
  unit { slug } ${ERRORS} } }`;
const IMPORT = `mutation ($d: JSONObject!) { importOrg(document: $d) { ${ERRORS} } }`;

const day = (n: number) => addDays(TODAY, n);
const email = (i: number) => `p${i}@example.com`;
const ORG = {
  people: Array.from({ length: 6 }, (_, i) => ({ email: email(i), name: `P ${i}` })),
  units: [
    { slug: 'core', name: 'Core', layer: 'PILLAR' },
    { slug: 'infra', name: 'Infra', layer: 'AREA', parent: 'core' },
    { slug: 'db', name: 'Databases', layer: 'TEAM', parent: 'infra' },
  ],
};

const t = useTestOrg(ORG);

/** A TEAM made with createUnit today: its first day is TODAY. */
const createFresh = () =>
  expectWritten(t, CREATE_UNIT, { slug: 'fresh', name: 'Fresh', layer: 'TEAM', parent: 'infra' });

/** Refused at `input.<field>` as VALIDATION, the message naming the unit's first day. */
async function expectBeforeCreation(mutation: string, input: Input, field: string) {
  const { userErrors } = await expectRefused(t, mutation, input, `input.${field}`, 'VALIDATION');
  expect(userErrors[0].message).toBe(`unit "fresh" is created on ${TODAY}, after ${input[field]}`);
}

const openRole = async (input: Input) =>
  (await expectWritten(t, OPEN_ROLE, input)).openRole as { id: string; openedOn: string };

describe('a unit made with createUnit, dated writes before its first day', () => {
  it('assignSeat and vacateSeat: refused at startedOn / on', async () => {
    await createFresh();
    const seat = { unit: 'fresh', seat: 'ENG_LEAD', person: email(0) };
    await expectBeforeCreation(ASSIGN, { ...seat, startedOn: day(-1) }, 'startedOn');
    await expectWritten(t, ASSIGN, seat);
    await expectBeforeCreation(VACATE, { unit: 'fresh', seat: 'ENG_LEAD', on: day(-1) }, 'on');
    const { ended } = await expectWritten(t, VACATE, { unit: 'fresh', seat: 'ENG_LEAD' });
    expect(ended).toEqual({ endedOn: day(-1) });
  });

  it('setTeam, joining or leaving: refused at on', async () => {
    await createFresh();
    const join = { email: email(1), team: 'fresh' };
    await expectBeforeCreation(SET_TEAM, { ...join, on: day(-30) }, 'on');
    await expectWritten(t, SET_TEAM, join);
    await expectBeforeCreation(SET_TEAM, { email: email(1), team: null, on: day(-1) }, 'on');
    await expectWritten(t, SET_TEAM, { email: email(1), team: null, on: day(1) });
  });

  it('setTeam leaving the team of a past day, a move to a team made since planned: withdraws it', async () => {
    // Refused, naming the new team's first day, though the person left another that day.
    await expectWritten(t, SET_TEAM, { email: email(2), team: 'db', on: day(-200) });
    await createFresh();
    await expectWritten(t, SET_TEAM, { email: email(2), team: 'fresh', on: day(10) });
    await expectWritten(t, SET_TEAM, { email: email(2), team: null, on: day(-100) });
    const teamOn = async (n: number) =>
      (await t.data(`{ person(email: "${email(2)}", asOf: "${day(n)}") { team { slug } } }`)).person
        .team;
    expect(await teamOn(-101)).toEqual({ slug: 'db' });
    expect(await teamOn(-100)).toBeNull();
    expect(await teamOn(20)).toBeNull();
  });

  it('addCandidate and removeCandidate: refused at on', async () => {
    await createFresh();
    const key = { unit: 'fresh', seat: 'TECH_LEAD', person: email(2) };
    await expectBeforeCreation(
      ADD_CANDIDATE,
      { ...key, readiness: 'READY_NOW', on: day(-1) },
      'on',
    );
    await expectWritten(t, ADD_CANDIDATE, { ...key, readiness: 'READY_NOW' });
    await expectBeforeCreation(REMOVE_CANDIDATE, { ...key, on: day(-1) }, 'on');
    await expectWritten(t, REMOVE_CANDIDATE, { ...key, on: day(1) });
  });

  it('openRole, fillRole and cancelRole: refused at openedOn / on', async () => {
    await createFresh();
    await expectBeforeCreation(
      OPEN_ROLE,
      { unit: 'fresh', seat: 'TECH_LEAD', openedOn: day(-10) },
      'openedOn',
    );
    const lead = await openRole({ unit: 'fresh', seat: 'TECH_LEAD' });
    await expectBeforeCreation(FILL_ROLE, { id: lead.id, on: day(-1), person: email(3) }, 'on');
    await expectBeforeCreation(CANCEL_ROLE, { id: lead.id, on: day(-1) }, 'on');
    await expectWritten(t, FILL_ROLE, { id: lead.id, person: email(3) });
    const engineer = await openRole({ unit: 'fresh', seat: 'ENGINEER' });
    await expectBeforeCreation(FILL_ROLE, { id: engineer.id, on: day(-1), person: email(4) }, 'on');
    await expectWritten(t, FILL_ROLE, { id: engineer.id, person: email(4) });
  });

  it('archiveUnit: refused at on', async () => {
    await createFresh();
    await expectBeforeCreation(ARCHIVE, { slug: 'fresh', on: day(-1) }, 'on');
    await expectWritten(t, ARCHIVE, { slug: 'fresh', on: TODAY });
    // Archived the day it was made, it stays where it was made (its placement is no move).
    const { unit } = await t.data('{ unit(slug: "fresh") { parent { slug } } }');
    expect(unit.parent).toEqual({ slug: 'infra' });
  });

  describe('archiveUnit before a move recorded for a later day', () => {
    const MOVE = `mutation ($input: MoveUnitInput!) { moveUnit(input: $input) { ${ERRORS} } }`;
    const parentOn = async (asOf: string) =>
      (await t.data(`{ unit(slug: "db", asOf: "${asOf}") { parent { slug } } }`)).unit.parent;
    const changesUnder = async (scope: string) =>
      (
        await t.data(`{ leadershipChanges(scope: "${scope}", from: "${day(-40)}", to: "${day(40)}") {
          totalCount } }`)
      ).leadershipChanges.totalCount;
    // The unit archived keeps its last parent: it never was under the one it was to move to.
    const ops = { slug: 'ops', name: 'Ops', layer: 'AREA', parent: 'core' };

    it('a move made on a past day: refused at on, naming its day (history is kept)', async () => {
      await t.importOrg({ units: [ops] });
      await expectWritten(t, MOVE, { slug: 'db', parent: 'ops', on: day(-10) });
      const { userErrors } = await expectRefused(
        t,
        ARCHIVE,
        { slug: 'db', on: day(-20) },
        'input.on',
        'VALIDATION',
      );
      expect(userErrors[0].message).toMatch(`must be after ${day(-10)}`);
    });

    it('a move planned: withdrawn, as an AoR retired withdraws its move', async () => {
      await t.importOrg({ units: [ops] });
      const seat = { unit: 'db', seat: 'ENG_LEAD' };
      await expectWritten(t, ASSIGN, { ...seat, person: email(0), startedOn: day(-30) });
      await expectWritten(t, VACATE, { ...seat, on: day(10) });
      await expectWritten(t, MOVE, { slug: 'db', parent: 'ops', on: day(20) });
      await expectWritten(t, ARCHIVE, { slug: 'db', on: day(10) });
      expect(await parentOn(day(30))).toEqual({ slug: 'infra' });
      expect(await parentOn(TODAY)).toEqual({ slug: 'infra' });
      // Its Eng Lead's leaving counts where the team was, whatever day the period ends on.
      expect(await changesUnder('ops')).toBe(0);
      expect(await changesUnder('infra')).toBe(1);
    });
  });

  it('an import dating its seat or role before the unit was created: a problem at the day', async () => {
    await createFresh();
    const fresh = { slug: 'fresh', name: 'Fresh', layer: 'TEAM', parent: 'infra' };
    const { importOrg } = await t.data(IMPORT, {
      d: {
        units: [{ ...fresh, engLead: { person: email(0), since: day(-5) } }],
        openRoles: [{ unit: 'fresh', seat: 'ENGINEER', openedOn: day(-5) }],
      },
    });
    expect(importOrg.userErrors).toEqual([
      {
        path: 'units[0].engLead.since',
        message: `unit "fresh" is created on ${TODAY}, after ${day(-5)}`,
        code: 'VALIDATION',
      },
      {
        path: 'openRoles[0].openedOn',
        message: `unit "fresh" is created on ${TODAY}, after ${day(-5)}`,
        code: 'VALIDATION',
      },
    ]);
  });
});

describe('units an import created: there before anything recorded', () => {
  it('take writes dated long before the import', async () => {
    const long = '2001-02-03';
    await expectWritten(t, ASSIGN, {
      unit: 'db',
      seat: 'TECH_LEAD',
      person: email(0),
      startedOn: long,
    });
    await expectWritten(t, SET_TEAM, { email: email(1), team: 'db', on: long });
    const key = { unit: 'db', seat: 'ENG_LEAD', person: email(2) };
    await expectWritten(t, ADD_CANDIDATE, { ...key, readiness: 'READY_SOON', on: long });
    const role = await openRole({ unit: 'db', seat: 'ENG_LEAD', openedOn: long });
    await expectWritten(t, FILL_ROLE, { id: role.id, on: '2002-01-01', person: email(3) });
  });

  it('a new unit of a document takes its dated seat and role, and the export goes back in unchanged', async () => {
    const { importOrg } = await t.data(IMPORT, {
      d: {
        units: [
          {
            slug: 'new-team',
            name: 'New team',
            layer: 'TEAM',
            parent: 'infra',
            techLead: { person: email(5), since: '2020-05-01' },
          },
        ],
        openRoles: [{ unit: 'new-team', seat: 'ENGINEER', openedOn: '2020-06-01' }],
      },
    });
    expect(importOrg.userErrors).toEqual([]);
    const { unit } = await t.data(`{ unit(slug: "new-team", asOf: "2020-07-01") {
      techLead { email } openRoles { openedOn } } }`);
    expect(unit).toEqual({
      techLead: { email: email(5) },
      openRoles: [{ openedOn: '2020-06-01' }],
    });
    const { exportOrg } = await t.data('{ exportOrg }');
    const before = await t.changeCount();
    expect((await t.data(IMPORT, { d: exportOrg })).importOrg.userErrors).toEqual([]);
    expect(await t.changeCount()).toBe(before);
  });
});

interface Racer {
  name: string;
  mutation: string;
  input: (unit: string, trial: number) => Input;
}

/** Writes dated after the archive day, each a thing an archived unit cannot hold. */
const RACERS: Racer[] = [
  {
    name: 'assignSeat',
    mutation: ASSIGN,
    input: (unit, trial) => ({
      unit,
      seat: 'TECH_LEAD',
      person: email(trial % 6),
      startedOn: day(20),
    }),
  },
  {
    name: 'setTeam',
    mutation: SET_TEAM,
    input: (team, trial) => ({ email: email(trial % 6), team, on: day(20) }),
  },
  {
    name: 'openRole',
    mutation: OPEN_ROLE,
    input: (unit) => ({ unit, seat: 'ENGINEER', openedOn: day(20) }),
  },
];

const TRIALS = 6;
const raceTeam = (name: string, trial: number) => `${name.toLowerCase()}-${trial}`;

describe.runIf(process.env.DATABASE_URL)('archiveUnit racing a later write on PostgreSQL', () => {
  const teams = RACERS.flatMap((r) =>
    Array.from({ length: TRIALS }, (_, i) => ({
      slug: raceTeam(r.name, i),
      name: `${r.name} ${i}`,
      layer: 'TEAM',
      parent: 'infra',
    })),
  );
  const r = useTestOrg({ ...ORG, units: [...ORG.units, ...teams] });
  const archivedOn = day(10);

  for (const racer of RACERS) {
    it(`and ${racer.name} dated after the archive day: exactly one is accepted`, async () => {
      for (let trial = 0; trial < TRIALS; trial++) {
        const slug = raceTeam(racer.name, trial);
        const results = await Promise.all([
          r.gql(ARCHIVE, { input: { slug, on: archivedOn } }),
          r.gql(racer.mutation, { input: racer.input(slug, trial) }),
        ]);
        const [archive, other] = results.map((x) => {
          expect(x.errors).toBeUndefined();
          return Object.values(x.data ?? {})[0] as { userErrors: Array<{ code: string }> };
        });
        const archived = archive?.userErrors.length === 0;
        expect(other?.userErrors.length === 0, slug).toBe(!archived);
        expect((archived ? other : archive)?.userErrors).toMatchObject([{ code: 'CONFLICT' }]);
        const { unit } = await r.data(`{ unit(slug: "${slug}", asOf: "${day(30)}") {
          archivedOn techLead { email } members { email } openRoles { status } } }`);
        const holds = [unit.techLead, ...unit.members, ...unit.openRoles].filter(Boolean);
        expect({ archivedOn: unit.archivedOn, holds: holds.length }).toEqual(
          archived ? { archivedOn, holds: 0 } : { archivedOn: null, holds: 1 },
        );
      }
    });
  }
});
