import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/org/days.js';
import { reportingLineTable } from '../../src/db/tables.js';
import { TODAY } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { expectRefused, expectWritten, mutate } from '../helpers/writes.js';

/**
 * A holding whose end is recorded for a later day (a vacate, a leave, a removal planned) still
 * holds until then, to every write dated before it: ending it sooner brings the end forward,
 * putting it again from an earlier day is refused (it would undo the end), and its holder is
 * not anything else they may not be meanwhile (their own successor, a backup of what they own).
 */

const ERRORS = 'userErrors { path message code }';
const VACATE = `mutation ($input: VacateSeatInput!) { vacateSeat(input: $input) {
  ended { person { email } endedOn } ${ERRORS} } }`;
const ASSIGN = `mutation ($input: AssignSeatInput!) { assignSeat(input: $input) {
  assignment { startedOn endedOn } ${ERRORS} } }`;
const SET_TEAM = `mutation ($input: SetTeamInput!) { setTeam(input: $input) {
  membership { startedOn endedOn } ended { endedOn } ${ERRORS} } }`;
const ADD_CANDIDATE = `mutation ($input: AddCandidateInput!) { addCandidate(input: $input) {
  candidate { startedOn } ${ERRORS} } }`;
const REMOVE_CANDIDATE = `mutation ($input: RemoveCandidateInput!) {
  removeCandidate(input: $input) { ended { endedOn } ${ERRORS} } }`;
const SET_OWNER = `mutation ($input: SetAorOwnerInput!) { setAorOwner(input: $input) {
  previousOwner { email } ${ERRORS} } }`;
const UPDATE = `mutation ($input: UpdateCandidateInput!) { updateCandidate(input: $input) {
  candidate { readiness startedOn endedOn } ${ERRORS} } }`;
const OPEN_ROLE = `mutation ($input: OpenRoleInput!) { openRole(input: $input) {
  openRole { id } ${ERRORS} } }`;
const CANCEL_ROLE = `mutation ($input: CancelRoleInput!) { cancelRole(input: $input) { ${ERRORS} } }`;
const FILL_ROLE = `mutation ($input: FillRoleInput!) { fillRole(input: $input) { ${ERRORS} } }`;
const SET_MANAGER = `mutation ($input: SetManagerInput!) { setManager(input: $input) { ${ERRORS} } }`;
const DEPART = `mutation ($input: RecordDepartureInput!) { recordDeparture(input: $input) {
  ${ERRORS} } }`;
const ADD_BACKUP = `mutation ($input: AddAorBackupInput!) { addAorBackup(input: $input) {
  ${ERRORS} } }`;

const day = (n: number) => addDays(TODAY, n);
const at = (n: string) => `${n}@example.com`;

const t = useTestOrg({
  people: ['ana', 'dee', 'eli', 'ned'].map((n) => ({ email: at(n), name: n.toUpperCase() })),
  units: [
    { slug: 'core', name: 'Core', layer: 'PILLAR' },
    { slug: 'infra', name: 'Infra', layer: 'AREA', parent: 'core' },
    {
      slug: 'db',
      name: 'Databases',
      layer: 'TEAM',
      parent: 'infra',
      engLead: at('ana'),
      members: [at('dee'), at('ned')],
    },
  ],
  aors: [{ slug: 'pg', name: 'Postgres', unit: 'db', owner: at('dee') }],
  succession: [{ unit: 'db', seat: 'ENG_LEAD', candidate: at('eli'), readiness: 'READY_SOON' }],
});

const engLeadOn = async (asOf: string) =>
  (await t.data(`{ unit(slug: "db", asOf: "${asOf}") { engLead { email } } }`)).unit.engLead;

describe('a holding whose end is planned', () => {
  it('is vacated sooner by a vacate dated before its end, naming its holder', async () => {
    await expectWritten(t, VACATE, { unit: 'db', seat: 'ENG_LEAD', on: day(60) });
    const sooner = await expectWritten(t, VACATE, { unit: 'db', seat: 'ENG_LEAD', on: day(30) });
    expect(sooner.ended).toEqual({ person: { email: at('ana') }, endedOn: day(29) });
    expect(await engLeadOn(day(29))).toEqual({ email: at('ana') });
    expect(await engLeadOn(day(45))).toBeNull();
  });

  it('refuses the same assignment from before its end: it would undo the vacate', async () => {
    await expectWritten(t, VACATE, { unit: 'db', seat: 'ENG_LEAD', on: day(60) });
    const ana = { unit: 'db', seat: 'ENG_LEAD', person: at('ana') };
    await expectRefused(t, ASSIGN, ana, 'input.startedOn', 'VALIDATION');
    await expectRefused(t, ASSIGN, { ...ana, acting: true }, 'input.startedOn', 'VALIDATION');
    expect(await engLeadOn(day(70))).toBeNull();
  });

  it('keeps its holder from being their own successor meanwhile', async () => {
    await expectWritten(t, VACATE, { unit: 'db', seat: 'ENG_LEAD', on: day(60) });
    const input = { unit: 'db', seat: 'ENG_LEAD', person: at('ana'), readiness: 'READY_NOW' };
    await expectRefused(t, ADD_CANDIDATE, input, 'input.person', 'VALIDATION');
  });

  it('keeps a candidacy whose removal is planned a candidacy: added again is a CONFLICT', async () => {
    const eli = { unit: 'db', seat: 'ENG_LEAD', person: at('eli') };
    await expectWritten(t, REMOVE_CANDIDATE, { ...eli, on: day(60) });
    await expectRefused(
      t,
      ADD_CANDIDATE,
      { ...eli, readiness: 'READY_NOW' },
      'input.person',
      'CONFLICT',
    );
    const sooner = await expectWritten(t, REMOVE_CANDIDATE, { ...eli, on: day(30) });
    expect(sooner.ended).toEqual({ endedOn: day(29) });
  });

  it('keeps a member on the team until the planned leave, which can come sooner', async () => {
    await expectWritten(t, SET_TEAM, { email: at('ned'), team: null, on: day(60) });
    const stay = { email: at('ned'), team: 'db' };
    await expectRefused(t, SET_TEAM, stay, 'input.on', 'VALIDATION');
    const sooner = await expectWritten(t, SET_TEAM, { email: at('ned'), team: null, on: day(30) });
    expect(sooner.ended).toEqual({ endedOn: day(29) });
  });

  it('keeps an owner whose end is planned the owner: not made a backup of their own AoR', async () => {
    await expectWritten(t, SET_OWNER, { aor: 'pg', person: null, on: day(60) });
    await expectRefused(
      t,
      ADD_BACKUP,
      { aor: 'pg', person: at('dee') },
      'input.person',
      'CONFLICT',
    );
    const { aors } = await t.data('{ aors { nodes { primaryOwner { email } } } }');
    expect(aors.nodes).toEqual([{ primaryOwner: { email: at('dee') } }]);
  });

  it('keeps a planned removal through a change of readiness', async () => {
    const dee = { unit: 'db', seat: 'TECH_LEAD', person: at('dee') };
    await expectWritten(t, ADD_CANDIDATE, { ...dee, readiness: 'READY_LATER', on: day(-30) });
    await expectWritten(t, REMOVE_CANDIDATE, { ...dee, on: day(60) });
    const update = `mutation ($input: UpdateCandidateInput!) { updateCandidate(input: $input) {
      candidate { readiness startedOn endedOn } ${ERRORS} } }`;
    const ready = await expectWritten(t, update, { ...dee, readiness: 'READY_NOW' });
    expect(ready.candidate).toEqual({ readiness: 'READY_NOW', startedOn: TODAY, endedOn: day(59) });
  });
});

const ownerOn = async (asOf: string) =>
  (await t.data(`{ aors(asOf: "${asOf}") { nodes { primaryOwner { email } } } }`)).aors.nodes;

describe('a planned end, wherever a write meets it', () => {
  it('setAorOwner: the same owner again from before a planned end does not undo it', async () => {
    await expectWritten(t, SET_OWNER, { aor: 'pg', person: null, on: day(60) });
    // assignSeat/setTeam refuse this (VALIDATION); setAorOwner silently drops the planned end
    const p = await mutate(t, SET_OWNER, { aor: 'pg', person: at('dee') });
    expect({ errors: p.userErrors, ownerOn70: await ownerOn(day(70)) }).toEqual({
      errors: [expect.objectContaining({ path: 'input.on', code: 'VALIDATION' })],
      ownerOn70: [{ primaryOwner: null }],
    });
    await expectRefused(t, SET_OWNER, { aor: 'pg', person: at('dee') }, 'input.on', 'VALIDATION');
    expect(await ownerOn(day(70))).toEqual([{ primaryOwner: null }]);
  });

  it('setAorOwner: names the owner in force whose end is planned as previousOwner', async () => {
    await expectWritten(t, SET_OWNER, { aor: 'pg', person: null, on: day(60) });
    const p = await expectWritten(t, SET_OWNER, { aor: 'pg', person: at('eli') });
    expect(p.previousOwner).toEqual({ email: at('dee') });
  });

  it('updateCandidate: a planned removal then a planned re-add still lets readiness change', async () => {
    const eli = { unit: 'db', seat: 'TECH_LEAD', person: at('eli') };
    await expectWritten(t, ADD_CANDIDATE, { ...eli, readiness: 'READY_SOON', on: day(-30) });
    await expectWritten(t, REMOVE_CANDIDATE, { ...eli, on: day(60) });
    await expectWritten(t, ADD_CANDIDATE, { ...eli, readiness: 'READY_LATER', on: day(90) });
    const p = await mutate(t, UPDATE, { ...eli, readiness: 'READY_NOW' });
    expect(p.userErrors).toEqual([]);
    expect(p.candidate).toEqual({ readiness: 'READY_NOW', startedOn: TODAY, endedOn: day(59) });
  });

  it('fillRole: a role whose cancellation is planned is still open until then', async () => {
    const { openRole } = await expectWritten(t, OPEN_ROLE, { unit: 'db', seat: 'TECH_LEAD' });
    await expectWritten(t, CANCEL_ROLE, { id: openRole.id, on: day(60) });
    await expectWritten(t, FILL_ROLE, { id: openRole.id, on: day(10) });
  });

  it('cancelRole: a planned cancellation can be brought forward', async () => {
    const { openRole } = await expectWritten(t, OPEN_ROLE, { unit: 'db', seat: 'TECH_LEAD' });
    await expectWritten(t, CANCEL_ROLE, { id: openRole.id, on: day(60) });
    await expectWritten(t, CANCEL_ROLE, { id: openRole.id, on: day(30) });
  });

  it('import: a readiness change for a candidate whose removal is planned (as updateCandidate)', async () => {
    const eli = { unit: 'db', seat: 'ENG_LEAD', person: at('eli') };
    await expectWritten(t, REMOVE_CANDIDATE, { ...eli, on: day(60) });
    const IMPORT = `mutation ($d: JSONObject!) { importOrg(document: $d) { ${ERRORS} } }`;
    const doc = {
      succession: [{ unit: 'db', seat: 'ENG_LEAD', candidate: at('eli'), readiness: 'READY_NOW' }],
    };
    const { importOrg } = await t.data(IMPORT, { d: doc });
    expect(importOrg.userErrors).toEqual([]);
  });

  it('import: an owner whose end is planned, with a new backup, keeps the planned end', async () => {
    await expectWritten(t, SET_OWNER, { aor: 'pg', person: null, on: day(60) });
    const IMPORT = `mutation ($d: JSONObject!) { importOrg(document: $d) { ${ERRORS} } }`;
    const doc = {
      aors: [{ slug: 'pg', name: 'Postgres', unit: 'db', owner: at('dee'), backups: [at('eli')] }],
    };
    const { importOrg } = await t.data(IMPORT, { d: doc });
    expect({ errors: importOrg.userErrors, on70: await ownerOn(day(70)) }).toEqual({
      errors: [],
      on70: [{ primaryOwner: null }],
    });
  });
});

describe('a planned end and a write meeting it, at once', () => {
  it("an owner's end planned while they are added as a backup: they stay the owner today", async () => {
    const create = `mutation ($input: CreateAorInput!) { createAor(input: $input) { ${ERRORS} } }`;
    for (let trial = 0; trial < 5; trial++) {
      const aor = `race-${trial}`;
      await expectWritten(t, create, { slug: aor, name: aor, unit: 'db', owner: at('dee') });
      const [end, backup] = await Promise.all([
        mutate(t, SET_OWNER, { aor, person: null, on: day(60) }),
        mutate(t, ADD_BACKUP, { aor, person: at('dee') }),
      ]);
      expect(end?.userErrors).toEqual([]);
      expect(backup?.userErrors).toMatchObject([{ path: 'input.person', code: 'CONFLICT' }]);
      const owner = async (asOf: string) => {
        const { aors } = await t.data(`{ aors(asOf: "${asOf}", first: 100) {
          nodes { slug primaryOwner { email } } } }`);
        return aors.nodes.find((n: { slug: string }) => n.slug === aor).primaryOwner;
      };
      expect(await owner(TODAY)).toEqual({ email: at('dee') });
      expect(await owner(day(70))).toBeNull();
    }
  });
});

describe('a departure and the reporting lines planned after it', () => {
  const managerOn = async (email: string, asOf: string) =>
    (await t.data(`{ person(email: "${email}", asOf: "${asOf}") { manager { email } } }`)).person
      .manager;

  it('withdraws a line to them planned for after they are gone, as the other order refuses it', async () => {
    await expectWritten(t, SET_MANAGER, { email: at('dee'), manager: at('eli'), on: day(30) });
    await expectWritten(t, SET_MANAGER, { email: at('eli'), manager: at('ana'), on: day(40) });
    await expectWritten(t, DEPART, { email: at('eli'), on: day(10) });
    // Departed first, eli could not have been named dee's manager from day 30.
    await expectRefused(
      t,
      SET_MANAGER,
      { email: at('dee'), manager: at('eli'), on: day(30) },
      'input.manager',
      'CONFLICT',
    );
    expect(await managerOn(at('dee'), day(35))).toBeNull();
    // Eli's own line, planned for a day he is gone, is withdrawn too (kept, never in force).
    const lines = await t.database.db.select().from(reportingLineTable);
    const planned = lines.filter((line) => line.startedOn > day(10));
    expect(planned.map((line) => line.endedOn).sort()).toEqual([day(29), day(39)]);
  });

  it('keeps a line in force on the day they leave: a departed manager stays manager of record', async () => {
    await expectWritten(t, SET_MANAGER, { email: at('dee'), manager: at('eli'), on: day(5) });
    await expectWritten(t, DEPART, { email: at('eli'), on: day(10) });
    expect(await managerOn(at('dee'), day(20))).toEqual({ email: at('eli') });
  });
});
