import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/org/days.js';
import { TODAY } from '../helpers/app.js';
import { person, platformWithStorage, useTestOrg } from '../helpers/test-org.js';
import { expectRefused, expectWritten, userErrorsOf } from '../helpers/writes.js';

/**
 * Today's change is not history yet: the same holding stated again from an earlier day — a
 * promotion made today and dated back, a team joined, an owner, a manager, a parent, an
 * AoR's unit — moves its start back, the row before it ending the day before that day. A
 * different value from before it is refused, as before any change recorded for a later day;
 * so is the same value before a plan for a later day.
 */
const SET_TEAM = userErrorsOf('setTeam', 'SetTeamInput');
const SET_OWNER = userErrorsOf('setAorOwner', 'SetAorOwnerInput');
const ADD_BACKUP = userErrorsOf('addAorBackup', 'AddAorBackupInput');
const SET_MANAGER = userErrorsOf('setManager', 'SetManagerInput');
const MOVE_UNIT = userErrorsOf('moveUnit', 'MoveUnitInput');
const MOVE_AOR = userErrorsOf('moveAor', 'MoveAorInput');
const ASSIGN = userErrorsOf('assignSeat', 'AssignSeatInput');
const VACATE = userErrorsOf('vacateSeat', 'VacateSeatInput');

const day = (n: number) => addDays(TODAY, n);
const at = (n: string) => `${n}@example.com`;

const t = useTestOrg({
  people: ['ana', 'dee', 'eli', 'ned'].map((n) => person(at(n))),
  units: [
    ...platformWithStorage({ engLead: at('ana'), techLead: at('dee'), members: [at('dee')] }),
    { slug: 'web', name: 'Web', layer: 'TEAM', parent: 'infra' },
    { slug: 'apps', name: 'Apps', layer: 'AREA', parent: 'platform' },
  ],
  aors: [{ slug: 'pg', name: 'Postgres', unit: 'storage', owner: at('dee') }],
});

/** What the org says on `asOf` of everything these tests move. */
const on = async (asOf: string) => {
  const answer = await t.data(`{
    eli: person(email: "${at('eli')}", asOf: "${asOf}") { team { slug } manager { email }
      aors { aor { slug } role } }
    web: unit(slug: "web", asOf: "${asOf}") { parent { slug } }
    aors(asOf: "${asOf}") { nodes { slug unit { slug } primaryOwner { email } } }
  }`);
  return {
    team: answer.eli.team?.slug ?? null,
    manager: answer.eli.manager?.email ?? null,
    owns: answer.eli.aors.map((o: { aor: { slug: string }; role: string }) => o.role),
    parent: answer.web.parent.slug,
    pg: answer.aors.nodes.map((a: { unit: { slug: string } }) => a.unit.slug)[0],
  };
};

describe('the same value stated from an earlier day than today’s change', () => {
  it('moves the start back, for a team, an owner, a backup, a manager, a parent, a unit', async () => {
    const today = [
      [SET_TEAM, { email: at('eli'), team: 'web' }],
      [SET_OWNER, { aor: 'pg', person: at('eli') }],
      [SET_MANAGER, { email: at('eli'), manager: at('ana') }],
      [MOVE_UNIT, { slug: 'web', parent: 'apps' }],
      [MOVE_AOR, { slug: 'pg', unit: 'web' }],
    ] as const;
    for (const [write, input] of today) await expectWritten(t, write, input);
    const before = { team: null, manager: null, owns: [], parent: 'infra', pg: 'storage' };
    expect(await on(day(-7))).toEqual(before);
    for (const [write, input] of today) await expectWritten(t, write, { ...input, on: day(-5) });
    expect(await on(day(-6))).toEqual(before);
    const moved = { team: 'web', manager: at('ana'), owns: ['PRIMARY'], parent: 'apps', pg: 'web' };
    expect(await on(day(-5))).toEqual(moved);
    expect(await on(TODAY)).toEqual(moved);
    // A backup is the same: added today, then from a week back.
    await expectWritten(t, ADD_BACKUP, { aor: 'pg', person: at('ned') });
    await expectWritten(t, ADD_BACKUP, { aor: 'pg', person: at('ned'), on: day(-3) });
    const { aors } = await t.data(
      `{ aors(asOf: "${day(-3)}") { nodes { backupOwners { email } } } }`,
    );
    expect(aors.nodes).toEqual([{ backupOwners: [{ email: at('ned') }] }]);
  });

  it('refuses it across an end recorded in between, keeping today’s change', async () => {
    // Ana from a month back, no manager from ten days back, Ana again today.
    await expectWritten(t, SET_MANAGER, { email: at('eli'), manager: at('ana'), on: day(-30) });
    await expectWritten(t, SET_MANAGER, { email: at('eli'), manager: null, on: day(-10) });
    await expectWritten(t, SET_MANAGER, { email: at('eli'), manager: at('ana') });
    const across = { email: at('eli'), manager: at('ana'), on: day(-20) };
    await expectRefused(t, SET_MANAGER, across, 'input.on', 'VALIDATION');
    expect((await on(TODAY)).manager).toBe(at('ana'));
    expect((await on(day(-5))).manager).toBeNull();
    // A holding begun today whose end is planned: stated earlier, it would undo that end.
    await expectWritten(t, ASSIGN, { unit: 'web', seat: 'ENG_LEAD', person: at('eli') });
    await expectWritten(t, VACATE, { unit: 'web', seat: 'ENG_LEAD', on: day(10) });
    const earlier = { unit: 'web', seat: 'ENG_LEAD', person: at('eli'), startedOn: day(-10) };
    const { userErrors } = await expectRefused(t, ASSIGN, earlier, 'input.startedOn', 'VALIDATION');
    expect(userErrors[0].message).toBe(
      `${at('eli')} holds the Eng Lead seat from ${TODAY} until ${day(9)}; a holding from ${day(-10)} must not undo that end`,
    );
  });

  it('refuses vacating a seat from a day it was empty, held from a later recorded day, saying so', async () => {
    // Said as the rule under it: "must be after …: what it would end had begun then", read
    // also by a scenario asked of that past day.
    await expectWritten(t, ASSIGN, {
      unit: 'web',
      seat: 'ENG_LEAD',
      person: at('dee'),
      startedOn: day(-10),
    });
    const message = `the seat has no holder on ${day(-20)}; ${at('dee')} holds it from ${day(-10)}, a day recorded and kept: vacate it from then or later`;
    const { userErrors } = await expectRefused(
      t,
      VACATE,
      { unit: 'web', seat: 'ENG_LEAD', on: day(-20) },
      'input.on',
      'VALIDATION',
    );
    expect(userErrors[0].message).toBe(message);
    const { createScenario } = await t.data(
      `mutation { createScenario(input: { name: "vacate web", changes: [
        { vacateSeat: { unit: "web", seat: ENG_LEAD } }] }) {
        scenario { evaluation(asOf: "${day(-20)}") { conflicts { index message } } } } }`,
    );
    expect(createScenario.scenario.evaluation.conflicts).toEqual([{ index: 0, message }]);
  });

  it('refuses dating back a holding begun on a past day, saying so (not "until null")', async () => {
    await expectWritten(t, ASSIGN, {
      unit: 'web',
      seat: 'TECH_LEAD',
      person: at('ned'),
      startedOn: day(-10),
    });
    const earlier = { unit: 'web', seat: 'TECH_LEAD', person: at('ned'), startedOn: day(-20) };
    const { userErrors } = await expectRefused(t, ASSIGN, earlier, 'input.startedOn', 'VALIDATION');
    expect(userErrors[0].message).toBe(
      `${at('ned')} holds the Tech Lead seat from ${day(-10)}, a day recorded and kept: their holding cannot be dated back to ${day(-20)}`,
    );
  });

  it('refuses it before what the change ended since, naming it: a candidacy, a backup', async () => {
    const ADD_CANDIDATE = userErrorsOf('addCandidate', 'AddCandidateInput');
    const seat = { unit: 'web', seat: 'ENG_LEAD' };
    const candidacy = { ...seat, person: at('eli'), readiness: 'READY_NOW', on: day(-10) };
    await expectWritten(t, ADD_CANDIDATE, candidacy);
    await expectWritten(t, ASSIGN, { ...seat, person: at('eli') });
    const promoted = { ...seat, person: at('eli'), startedOn: day(-20) };
    const seatRefusal = await expectRefused(t, ASSIGN, promoted, 'input.startedOn', 'VALIDATION');
    expect(seatRefusal.userErrors[0].message).toBe(
      `must be after ${day(-10)}: ${at('eli')}'s candidacy for the Eng Lead seat had begun then, and history is kept`,
    );
    await expectWritten(t, ADD_BACKUP, { aor: 'pg', person: at('ned'), on: day(-10) });
    await expectWritten(t, SET_OWNER, { aor: 'pg', person: at('ned') });
    const owner = { aor: 'pg', person: at('ned'), on: day(-20) };
    const aorRefusal = await expectRefused(t, SET_OWNER, owner, 'input.on', 'VALIDATION');
    expect(aorRefusal.userErrors[0].message).toBe(
      `must be after ${day(-10)}: ${at('ned')} as a backup of pg had begun then, and history is kept`,
    );
  });

  it('refuses another value from before it, and the same value before a plan', async () => {
    await expectWritten(t, SET_TEAM, { email: at('eli'), team: 'web' });
    const other = { email: at('eli'), team: 'storage', on: day(-5) };
    await expectRefused(t, SET_TEAM, other, 'input.on', 'VALIDATION');
    await expectWritten(t, SET_MANAGER, { email: at('ned'), manager: at('ana'), on: day(10) });
    const early = { email: at('ned'), manager: at('ana'), on: day(5) };
    await expectRefused(t, SET_MANAGER, early, 'input.on', 'VALIDATION');
  });
});
