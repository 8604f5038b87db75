import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/org/days.js';
import { type TestApp, TODAY, testAppOn } from '../helpers/app.js';
import { person, platformWithStorage, useTestOrg } from '../helpers/test-org.js';
import { expectRefused, expectWritten, userErrorsOf } from '../helpers/writes.js';

/**
 * History is ended, never erased: a write that ends rows from a day before one of them began
 * (a holding, a membership, an ownership, a candidacy that had begun by today) is refused,
 * VALIDATION naming the date, and writes nothing. A row planned to start after today is a
 * plan, and ending from an earlier day withdraws it. An engineer role is a Team's alone.
 */
const VACATE = userErrorsOf('vacateSeat', 'VacateSeatInput');
const DEPART = userErrorsOf('recordDeparture', 'RecordDepartureInput');
const ADD_CANDIDATE = userErrorsOf('addCandidate', 'AddCandidateInput');
const REMOVE_CANDIDATE = userErrorsOf('removeCandidate', 'RemoveCandidateInput');
const ADD_BACKUP = userErrorsOf('addAorBackup', 'AddAorBackupInput');
const REMOVE_BACKUP = userErrorsOf('removeAorBackup', 'RemoveAorBackupInput');
const RETIRE = userErrorsOf('retireAor', 'RetireAorInput');
const SET_TEAM = userErrorsOf('setTeam', 'SetTeamInput');
const SET_OWNER = userErrorsOf('setAorOwner', 'SetAorOwnerInput');
const SET_MANAGER = userErrorsOf('setManager', 'SetManagerInput');
const ASSIGN = userErrorsOf('assignSeat', 'AssignSeatInput');
const OPEN_ROLE = userErrorsOf('openRole', 'OpenRoleInput');
const SET_POLICY = userErrorsOf('setPolicy', 'SetPolicyInput');
const MOVE_UNIT = userErrorsOf('moveUnit', 'MoveUnitInput');
const ARCHIVE = userErrorsOf('archiveUnit', 'ArchiveUnitInput');
const FILL = userErrorsOf('fillRole', 'FillRoleInput');
const IMPORT = `mutation ($d: JSONObject!) { importOrg(document: $d) { userErrors { path message code } } }`;

const day = (n: number) => addDays(TODAY, n);
const at = (n: string) => `${n}@example.com`;
const BEFORE_ALL = day(-300);

const t = useTestOrg(
  {
    people: ['ana', 'dee', 'eli', 'ned'].map((n) => person(at(n))),
    units: platformWithStorage({
      engLead: { person: at('ana'), since: day(-200) },
      techLead: at('dee'),
      members: [at('dee'), at('ned')],
    }),
    aors: [{ slug: 'pg', name: 'Postgres', unit: 'storage', owner: at('dee') }],
  },
  {
    setup: async (t) => {
      const candidacy = { unit: 'storage', seat: 'ENG_LEAD', person: at('eli'), on: day(-100) };
      await expectWritten(t, ADD_CANDIDATE, { ...candidacy, readiness: 'READY_SOON' });
      await expectWritten(t, ADD_BACKUP, { aor: 'pg', person: at('ned'), on: day(-100) });
    },
  },
);

const engLeadOn = async (asOf: string) =>
  (await t.data(`{ unit(slug: "storage", asOf: "${asOf}") { engLead { email } } }`)).unit.engLead;

describe('an end dated before what it ends began', () => {
  it('is refused for a seat, a departure, a candidacy, a backup and an AoR, naming the date', async () => {
    const seat = { unit: 'storage', seat: 'ENG_LEAD' };
    await expectRefused(t, VACATE, { ...seat, on: BEFORE_ALL }, 'input.on', 'VALIDATION');
    await expectRefused(t, DEPART, { email: at('ana'), on: BEFORE_ALL }, 'input.on', 'VALIDATION');
    const candidacy = { ...seat, person: at('eli'), on: BEFORE_ALL };
    await expectRefused(t, REMOVE_CANDIDATE, candidacy, 'input.on', 'VALIDATION');
    const backup = { aor: 'pg', person: at('ned'), on: BEFORE_ALL };
    await expectRefused(t, REMOVE_BACKUP, backup, 'input.on', 'VALIDATION');
    await expectRefused(t, RETIRE, { slug: 'pg', on: BEFORE_ALL }, 'input.on', 'VALIDATION');
    expect(await engLeadOn(day(-150))).toEqual({ email: at('ana') });
  });

  it('says from which day, and still ends from any day after it began', async () => {
    const seat = { unit: 'storage', seat: 'ENG_LEAD' };
    const { vacateSeat } = await t.data(VACATE, { input: { ...seat, on: day(-250) } });
    expect(vacateSeat.userErrors[0].message).toContain(`holds it from ${day(-200)}`);
    await expectWritten(t, VACATE, { ...seat, on: day(-150) });
    expect(await engLeadOn(day(-151))).toEqual({ email: at('ana') });
    expect(await engLeadOn(day(-150))).toBeNull();
  });

  it('withdraws a plan: a holding planned after today ended from an earlier day', async () => {
    const seat = { unit: 'storage', seat: 'TECH_LEAD' };
    await expectWritten(t, ASSIGN, { ...seat, person: at('eli'), startedOn: day(30) });
    await expectWritten(t, VACATE, { ...seat, on: day(10) });
    const { unit } = await t.data(
      `{ unit(slug: "storage", asOf: "${day(40)}") { techLead { email } } }`,
    );
    expect(unit.techLead).toBeNull();
  });
});

describe('an end dated on the first day of what it ends, or before, by any write', () => {
  // Ten days on, the rows the import started on its day have been in force for ten days.
  const later = (): TestApp => testAppOn({ database: t.database, watch: () => {} }, {}, day(10));

  it('is refused for a seat, a team, an AoR owner and an AoR: they were in force', async () => {
    // Each was ended from its first day (a seat held 200 days, read as never held), and
    // leaving a team or an AoR without an owner from any earlier day too.
    const app = later();
    const storage = { unit: 'storage', seat: 'ENG_LEAD' };
    await expectRefused(app, VACATE, { ...storage, on: day(-200) }, 'input.on', 'VALIDATION');
    await expectRefused(
      app,
      VACATE,
      { unit: 'storage', seat: 'TECH_LEAD', on: TODAY },
      'input.on',
      'VALIDATION',
    );
    await expectRefused(
      app,
      SET_TEAM,
      { email: at('ned'), team: null, on: TODAY },
      'input.on',
      'VALIDATION',
    );
    await expectRefused(
      app,
      SET_OWNER,
      { aor: 'pg', person: null, on: TODAY },
      'input.on',
      'VALIDATION',
    );
    await expectRefused(app, RETIRE, { slug: 'pg', on: TODAY }, 'input.on', 'VALIDATION');
    const { vacateSeat } = await app.data(VACATE, { input: { ...storage, on: day(-200) } });
    expect(vacateSeat.userErrors[0].message).toContain(`must be after ${day(-200)}`);
    await expectWritten(app, SET_TEAM, { email: at('ned'), team: null, on: day(1) });
    await expectWritten(app, SET_OWNER, { aor: 'pg', person: null, on: day(1) });
    const { unit, aors } = await app.data(`{
      unit(slug: "storage", asOf: "${TODAY}") { members { email } }
      aors(asOf: "${TODAY}") { nodes { slug primaryOwner { email } } }
    }`);
    expect(unit.members).toContainEqual({ email: at('ned') });
    expect(aors.nodes).toContainEqual({ slug: 'pg', primaryOwner: { email: at('dee') } });
  });

  it('is refused for a replacement from that day too: a holder, an owner (a policy is corrected)', async () => {
    // A new holder, owner or policy from the day the current one began rewrote the current
    // one to end the day before it began: its whole run erased, every past answer changed.
    const app = later();
    const storage = { unit: 'storage', seat: 'ENG_LEAD', person: at('eli') };
    await expectRefused(
      app,
      ASSIGN,
      { ...storage, startedOn: day(-200) },
      'input.startedOn',
      'VALIDATION',
    );
    await expectRefused(
      app,
      SET_OWNER,
      { aor: 'pg', person: at('eli'), on: TODAY },
      'input.on',
      'VALIDATION',
    );
    // A policy set again from its own first day corrects it: an exported policy edited and
    // imported again (its `on` the first day) was refused.
    await expectWritten(app, SET_POLICY, { on: day(1), spanLimit: 3 });
    await expectWritten(later(), SET_POLICY, { on: day(1), spanLimit: 4 });
    const { policy } = await later().data(`{ policy(asOf: "${day(2)}") { spanLimit } }`);
    expect(policy.spanLimit).toBe(4);
    const techLead = { person: at('eli'), since: day(-200) };
    const unit = {
      ...platformWithStorage({ engLead: techLead, techLead: at('dee'), members: [] })[2],
    };
    const { importOrg } = await app.data(IMPORT, {
      d: { units: [{ ...unit, members: undefined }] },
    });
    expect(importOrg.userErrors).toMatchObject([
      { path: 'units[0].engLead.since', code: 'VALIDATION' },
    ]);
    expect(await engLeadOn(day(-150))).toEqual({ email: at('ana') });
    // A manager and a parent likewise: lines that began on the import's day.
    await expectWritten(t, SET_MANAGER, { email: at('ned'), manager: at('ana') });
    const area =
      'createUnit(input: { slug: "infra2", name: "Infra 2", layer: AREA, parent: "platform" })';
    await t.data(`mutation { ${area} { userErrors { path } } }`);
    const newManager = { email: at('ned'), manager: at('dee'), on: TODAY };
    await expectRefused(later(), SET_MANAGER, newManager, 'input.on', 'VALIDATION');
    await expectWritten(t, MOVE_UNIT, { slug: 'storage', parent: 'infra2' });
    const back = { slug: 'storage', parent: 'infra', on: TODAY };
    await expectRefused(later(), MOVE_UNIT, back, 'input.on', 'VALIDATION');
    // From the day after, each ends the run before it (Eli's candidacy, from day -100, too).
    await expectWritten(app, ASSIGN, { ...storage, startedOn: day(-99) });
    expect(await engLeadOn(day(-100))).toEqual({ email: at('ana') });
  });

  it('is refused where a write ends another history from its first day: a candidacy, a backup, a unit, an AoR, a role', async () => {
    // Each was accepted: the row of the other history ended the day before it began.
    await expectWritten(t, ADD_BACKUP, { aor: 'pg', person: at('eli'), on: day(1) });
    const bare =
      'createAor(input: { slug: "bare", name: "Bare", unit: "storage" }) { userErrors { path } }';
    const spare =
      'createUnit(input: { slug: "spare", name: "Spare", layer: TEAM, parent: "infra" }) { userErrors { path } }';
    await t.data(`mutation { ${bare} ${spare} }`);
    const { openRole } = await t.data(
      'mutation { openRole(input: { unit: "storage", seat: ENGINEER }) { openRole { id } } }',
    );
    const app = later();
    // Eli, a candidate from day -100, takes the seat that day; owns pg from their first day as backup.
    const seat = { unit: 'storage', seat: 'ENG_LEAD', person: at('eli'), startedOn: day(-100) };
    await expectRefused(app, ASSIGN, seat, 'input.startedOn', 'VALIDATION');
    await expectRefused(
      app,
      SET_OWNER,
      { aor: 'pg', person: at('eli'), on: day(1) },
      'input.on',
      'VALIDATION',
    );
    await expectRefused(app, ARCHIVE, { slug: 'spare', on: TODAY }, 'input.on', 'VALIDATION');
    await expectRefused(app, RETIRE, { slug: 'bare', on: TODAY }, 'input.on', 'VALIDATION');
    await expectRefused(
      app,
      FILL,
      { id: openRole.openRole.id, on: TODAY },
      'input.on',
      'VALIDATION',
    );
    // A day later each is so.
    await expectWritten(app, SET_OWNER, { aor: 'pg', person: at('eli'), on: day(2) });
    await expectWritten(app, ARCHIVE, { slug: 'spare', on: day(1) });
  });

  it("takes back today's change: a row that began today, ended from today", async () => {
    await expectWritten(t, SET_TEAM, { email: at('eli'), team: 'storage' });
    await expectWritten(t, SET_TEAM, { email: at('eli'), team: null });
    const { person } = await t.data(`{ person(email: "${at('eli')}") { team { slug } } }`);
    expect(person.team).toBeNull();
  });

  it("takes back today's change for a leaver recorded on their real, earlier day", async () => {
    // Placed on a team by today's import, a leaver the HR export dates a week back was
    // refused ("must not be before" today), and with them the whole HR file.
    await expectWritten(t, SET_TEAM, { email: at('eli'), team: 'storage' });
    await expectWritten(t, DEPART, { email: at('eli'), on: day(-7) });
    const { person } = await t.data(`{ person(email: "${at('eli')}") {
      departedOn teamHistory { startedOn endedOn } } }`);
    expect(person.departedOn).toBe(day(-7));
    expect(person.teamHistory).toEqual([{ startedOn: TODAY, endedOn: day(-1) }]);
  });

  it('a line to a manager who leaves: the same history whichever write came first', async () => {
    // The departure kept a line begun on its own day; setManager first is refused.
    await expectWritten(t, SET_MANAGER, { email: at('eli'), manager: at('ned') });
    await expectWritten(t, DEPART, { email: at('ned') });
    const { person } = await t.data(`{ person(email: "${at('eli')}") { manager { email } } }`);
    expect(person.manager).toBeNull();
    await expectRefused(
      t,
      SET_MANAGER,
      { email: at('eli'), manager: at('ned') },
      'input.manager',
      'CONFLICT',
    );
    // A line begun before today is history: a departure dated before it is refused.
    await expectWritten(t, SET_MANAGER, { email: at('dee'), manager: at('ana') });
    await expectRefused(later(), DEPART, { email: at('ana'), on: TODAY }, 'input.on', 'VALIDATION');
  });
});

describe('an engineer role', () => {
  it("is a Team's alone: refused on an Area, by the mutation and by an import", async () => {
    await expectRefused(
      t,
      OPEN_ROLE,
      { unit: 'infra', seat: 'ENGINEER' },
      'input.seat',
      'INVALID_HIERARCHY',
    );
    const document = { openRoles: [{ unit: 'infra', seat: 'ENGINEER' }] };
    const { importOrg } = await t.data(IMPORT, { d: document });
    expect(importOrg.userErrors).toMatchObject([
      { path: 'openRoles[0].seat', code: 'INVALID_HIERARCHY' },
    ]);
    await expectWritten(t, OPEN_ROLE, { unit: 'storage', seat: 'ENGINEER' });
  });
});
