import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/org/days.js';
import { TODAY } from '../helpers/app.js';
import { coreWithDbAndWeb, useTestOrg } from '../helpers/test-org.js';
import { expectWritten } from '../helpers/writes.js';

/**
 * An AoR's move recorded for a later day is a plan: until then the AoR is in its unit of the
 * day for every write too — the audit log files its changes there, a retirement before the
 * move withdraws it, and an export imported again leaves the plan as it was.
 */

const ERRORS = 'userErrors { path message code }';
const MOVE = `mutation ($input: MoveAorInput!) { moveAor(input: $input) { ${ERRORS} } }`;
const SET_OWNER = `mutation ($input: SetAorOwnerInput!) { setAorOwner(input: $input) { ${ERRORS} } }`;
const ADD_BACKUP = `mutation ($input: AddAorBackupInput!) { addAorBackup(input: $input) {
  ${ERRORS} } }`;
const RETIRE = `mutation ($input: RetireAorInput!) { retireAor(input: $input) { ${ERRORS} } }`;
const UPDATE = `mutation ($input: UpdateAorInput!) { updateAor(input: $input) { ${ERRORS} } }`;
const IMPORT = `mutation ($d: JSONObject!) { importOrg(document: $d) {
  ${ERRORS} updated { aors aorOwnerships } } }`;

const day = (n: number) => addDays(TODAY, n);
const email = (i: number) => `p${i}@example.com`;
const t = useTestOrg({
  people: Array.from({ length: 4 }, (_, i) => ({ email: email(i), name: `P ${i}` })),
  units: coreWithDbAndWeb(),
  aors: [{ slug: 'cache', name: 'Cache', unit: 'db', owner: email(1) }],
});

/** The operations of the audit log filed under `unit`, newest first, each once. */
async function loggedUnder(unit: string) {
  const { changes } = await t.data(
    `query ($unit: String) { changes(unit: $unit, first: 20) { nodes { operation } } }`,
    { unit },
  );
  return [...new Set(changes.nodes.map((c: { operation: string }) => c.operation))];
}

/** The unit the AoR names on `asOf`, retired by then or not. */
async function unitOfCache(asOf: string) {
  const { aors } = await t.data('{ aors(first: 1) { nodes { id } } }');
  const { node } = await t.data(
    `query ($id: ID!, $asOf: Date) { node(id: $id, asOf: $asOf) {
      ... on AreaOfResponsibility { unit { slug } } } }`,
    { id: aors.nodes[0].id, asOf },
  );
  return node.unit.slug;
}

describe('the audit log of an AoR moving later', () => {
  it("files today's changes under the unit it is in today; the move under both", async () => {
    await expectWritten(t, MOVE, { slug: 'cache', unit: 'web', on: day(10) });
    await expectWritten(t, SET_OWNER, { aor: 'cache', person: email(2) });
    await expectWritten(t, ADD_BACKUP, { aor: 'cache', person: email(3) });
    await expectWritten(t, UPDATE, { slug: 'cache', name: 'Cache tier' });
    expect(await loggedUnder('db')).toEqual([
      'updateAor',
      'addAorBackup',
      'setAorOwner',
      'moveAor',
    ]);
    expect(await loggedUnder('web')).toEqual(['moveAor']);
  });

  it('files an owner dated back under the unit the AoR had that day', async () => {
    await expectWritten(t, MOVE, { slug: 'cache', unit: 'web', on: day(-10) });
    await expectWritten(t, ADD_BACKUP, { aor: 'cache', person: email(3), on: day(-5) });
    await expectWritten(t, ADD_BACKUP, { aor: 'cache', person: email(2), on: day(-20) });
    expect(await loggedUnder('db')).toEqual(['addAorBackup', 'moveAor']);
    expect(await loggedUnder('web')).toEqual(['addAorBackup', 'moveAor']);
    const { changes } = await t.data(`{ changes(unit: "db", first: 1) {
      nodes { operation } } }`);
    expect(changes.nodes).toEqual([{ operation: 'addAorBackup' }]);
  });
});

describe('retiring an AoR before its planned move', () => {
  it('withdraws the move: it keeps the unit it had last, on every later day', async () => {
    await expectWritten(t, MOVE, { slug: 'cache', unit: 'web', on: day(10) });
    await expectWritten(t, RETIRE, { slug: 'cache', on: day(5) });
    expect(await unitOfCache(day(4))).toBe('db');
    expect(await unitOfCache(day(20))).toBe('db');
    // Filed under both: it ends the AoR in db, and the move into web with it.
    expect((await loggedUnder('db'))[0]).toBe('retireAor');
    expect((await loggedUnder('web'))[0]).toBe('retireAor');
  });

  it('after it: the AoR retires in the unit it moved to', async () => {
    await expectWritten(t, MOVE, { slug: 'cache', unit: 'web', on: day(10) });
    await expectWritten(t, RETIRE, { slug: 'cache', on: day(20) });
    expect(await unitOfCache(day(15))).toBe('web');
    expect(await unitOfCache(day(30))).toBe('web');
    expect(await loggedUnder('web')).toEqual(['moveAor']);
  });
});

describe('an export imported again while a move and a retirement are planned', () => {
  it('changes nothing and refuses nothing', async () => {
    await expectWritten(t, MOVE, { slug: 'cache', unit: 'web', on: day(10) });
    await expectWritten(t, RETIRE, { slug: 'cache', on: day(20) });
    const { exportOrg } = await t.data('{ exportOrg }');
    const { importOrg } = await t.data(IMPORT, { d: exportOrg });
    expect(importOrg).toEqual({ userErrors: [], updated: { aors: 0, aorOwnerships: 0 } });
    expect(await unitOfCache(TODAY)).toBe('db');
    expect(await unitOfCache(day(15))).toBe('web');
  });
});
