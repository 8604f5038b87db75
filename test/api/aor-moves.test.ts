import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/org/days.js';
import { TODAY } from '../helpers/app.js';
import { coreWithDbAndWeb, useTestOrg } from '../helpers/test-org.js';
import { expectRefused, expectWritten } from '../helpers/writes.js';

/**
 * An AoR's unit is history, as its owners are (SPEC "Ownership is history too"): moving it
 * from a day leaves every earlier day answering with the unit it had then — its listing,
 * its unit's AoRs, its owners' AoRs, its findings — even when the new unit was created after
 * the AoR.
 */

const ERRORS = 'userErrors { path message code }';
const MOVE = `mutation ($input: MoveAorInput!) { moveAor(input: $input) {
  aor { unit { slug } } ${ERRORS} } }`;
const CREATE_UNIT = `mutation ($input: CreateUnitInput!) { createUnit(input: $input) {
  unit { slug } ${ERRORS} } }`;
const CREATE_AOR = `mutation ($input: CreateAorInput!) { createAor(input: $input) {
  aor { slug } ${ERRORS} } }`;
const SET_OWNER = `mutation ($input: SetAorOwnerInput!) { setAorOwner(input: $input) {
  ${ERRORS} } }`;
const ARCHIVE = `mutation ($input: ArchiveUnitInput!) { archiveUnit(input: $input) {
  unit { archivedOn } ${ERRORS} } }`;

const day = (n: number) => addDays(TODAY, n);
const email = (i: number) => `p${i}@example.com`;
const t = useTestOrg(
  {
    people: Array.from({ length: 4 }, (_, i) => ({ email: email(i), name: `P ${i}` })),
    units: coreWithDbAndWeb(),
    aors: [
      { slug: 'blob-store', name: 'Blob store', unit: 'db' },
      { slug: 'cache', name: 'Cache', unit: 'db' },
    ],
  },
  {
    setup: async (t) => {
      const owner = { aor: 'blob-store', person: email(1), on: day(-100) };
      await expectWritten(t, SET_OWNER, owner);
    },
  },
);

/** Where each AoR is on `asOf`, seen from the AoR, its unit, its owner and its findings. */
async function seenOn(asOf: string) {
  const answer = await t.data(
    `query ($asOf: Date) {
      aors(asOf: $asOf) { nodes { slug unit { slug } } }
      db: unit(slug: "db", asOf: $asOf) { aors { slug } }
      owner: person(email: "${email(1)}", asOf: $asOf) { aors { aor { slug unit { slug } } } }
      singlePointsOfFailure(kinds: [UNOWNED_AOR, SOLE_AOR_OWNER], asOf: $asOf) {
        nodes { kind aor { slug } unit { slug } } }
    }`,
    { asOf },
  );
  return {
    listed: answer.aors.nodes.map((a: { slug: string; unit: { slug: string } }) =>
      [a.slug, a.unit.slug].join(' in '),
    ),
    inDb: answer.db.aors.map((a: { slug: string }) => a.slug),
    owned: answer.owner.aors.map((o: { aor: { slug: string; unit: { slug: string } } }) =>
      [o.aor.slug, o.aor.unit.slug].join(' in '),
    ),
    findings: answer.singlePointsOfFailure.nodes.map(
      (f: { kind: string; aor: { slug: string }; unit: { slug: string } }) =>
        `${f.kind} ${f.aor.slug} in ${f.unit.slug}`,
    ),
  };
}

const AS_IMPORTED = {
  listed: ['blob-store in db', 'cache in db'],
  inDb: ['blob-store', 'cache'],
  owned: ['blob-store in db'],
  findings: ['UNOWNED_AOR cache in db', 'SOLE_AOR_OWNER blob-store in db'],
};

describe('moveAor', () => {
  it('into a unit created after the AoR: earlier days still answer with the old unit', async () => {
    const fresh = { slug: 'fresh', name: 'Fresh', layer: 'TEAM', parent: 'infra' };
    await expectWritten(t, CREATE_UNIT, fresh);
    for (const slug of ['blob-store', 'cache']) {
      const { aor } = await expectWritten(t, MOVE, { slug, unit: 'fresh' });
      expect(aor.unit).toEqual({ slug: 'fresh' });
    }
    expect(await seenOn(day(-1))).toEqual(AS_IMPORTED);
    expect(await seenOn(TODAY)).toEqual({
      listed: ['blob-store in fresh', 'cache in fresh'],
      inDb: [],
      owned: ['blob-store in fresh'],
      findings: ['UNOWNED_AOR cache in fresh', 'SOLE_AOR_OWNER blob-store in fresh'],
    });
  });

  it('from a past day: the old unit until the day before, the new one from it', async () => {
    await expectWritten(t, MOVE, { slug: 'cache', unit: 'web', on: day(-30) });
    expect((await seenOn(day(-31))).listed).toEqual(['blob-store in db', 'cache in db']);
    expect((await seenOn(day(-30))).listed).toEqual(['blob-store in db', 'cache in web']);
    // Moved back later, each day keeps its own unit.
    await expectWritten(t, MOVE, { slug: 'cache', unit: 'db', on: day(-10) });
    expect((await seenOn(day(-20))).findings).toContain('UNOWNED_AOR cache in web');
    expect(await seenOn(day(-10))).toEqual(AS_IMPORTED);
  });

  it('planned for a later day: today still in the old unit', async () => {
    await expectWritten(t, MOVE, { slug: 'blob-store', unit: 'web', on: day(10) });
    expect(await seenOn(TODAY)).toEqual(AS_IMPORTED);
    expect((await seenOn(day(10))).owned).toEqual(['blob-store in web']);
  });

  it('refuses a day before the new unit or the AoR existed, naming that day', async () => {
    const fresh = { slug: 'fresh', name: 'Fresh', layer: 'TEAM', parent: 'infra' };
    await expectWritten(t, CREATE_UNIT, fresh);
    const early = { slug: 'cache', unit: 'fresh', on: day(-1) };
    const { userErrors } = await expectRefused(t, MOVE, early, 'input.on', 'VALIDATION');
    expect(userErrors[0].message).toBe(`unit "fresh" is created on ${TODAY}, after ${day(-1)}`);
    await expectWritten(t, CREATE_AOR, { slug: 'new-aor', name: 'New', unit: 'db' });
    const before = { slug: 'new-aor', unit: 'web', on: day(-1) };
    await expectRefused(t, MOVE, before, 'input.on', 'VALIDATION');
    expect(await seenOn(day(-1))).toEqual(AS_IMPORTED);
  });

  it('refuses a day before a move already recorded, and erasing a past move', async () => {
    await expectWritten(t, MOVE, { slug: 'cache', unit: 'web', on: day(-30) });
    const before = { slug: 'cache', unit: 'db', on: day(-40) };
    const { userErrors } = await expectRefused(t, MOVE, before, 'input.on', 'VALIDATION');
    expect(userErrors[0].message).toContain(`a move to "web" is recorded for ${day(-30)}`);
    // Moving again from the day it moved would rewrite 30 days in web as never having been.
    const again = { slug: 'cache', unit: 'db', on: day(-30) };
    await expectRefused(t, MOVE, again, 'input.on', 'VALIDATION');
    expect((await seenOn(day(-30))).listed).toContain('cache in web');
  });

  it('into the unit it is already in changes nothing', async () => {
    const CHANGES = '{ changes(first: 5) { nodes { operation } } }';
    const before = await t.data(CHANGES);
    await expectWritten(t, MOVE, { slug: 'cache', unit: 'db', on: day(-5) });
    expect(await t.data(CHANGES)).toEqual(before);
    expect(await seenOn(day(-5))).toEqual(AS_IMPORTED);
  });
});

describe('an import stating an AoR in another unit', () => {
  const IMPORT = `mutation ($d: JSONObject!) { importOrg(document: $d) {
    ${ERRORS} updated { aors } } }`;
  const stating = (unit: string) => ({ aors: [{ slug: 'cache', name: 'Cache', unit }] });

  it('moves it from the import day; earlier days keep the old unit', async () => {
    const { importOrg } = await t.data(IMPORT, { d: stating('web') });
    expect(importOrg).toEqual({ userErrors: [], updated: { aors: 1 } });
    expect((await seenOn(day(-1))).listed).toEqual(['blob-store in db', 'cache in db']);
    expect((await seenOn(TODAY)).listed).toEqual(['blob-store in db', 'cache in web']);
  });

  it('is already so in its unit of the day, a move planned for later or not', async () => {
    await expectWritten(t, MOVE, { slug: 'cache', unit: 'web', on: day(10) });
    const { importOrg } = await t.data(IMPORT, { d: stating('db') });
    expect(importOrg).toEqual({ userErrors: [], updated: { aors: 0 } });
    expect((await seenOn(day(10))).listed).toEqual(['blob-store in db', 'cache in web']);
  });
});

describe('archiveUnit with an AoR moving', () => {
  it('is refused while an AoR is planned to move in; allowed once it has moved out', async () => {
    await expectWritten(t, MOVE, { slug: 'cache', unit: 'web', on: day(10) });
    const { userErrors } = await expectRefused(
      t,
      ARCHIVE,
      { slug: 'web', on: day(5) },
      'input.slug',
      'CONFLICT',
    );
    expect(userErrors[0].message).toBe(
      'cannot archive "web": AoR "cache" is active (move or retire it first)',
    );
    await expectWritten(t, MOVE, { slug: 'blob-store', unit: 'web', on: day(-20) });
    await expectWritten(t, MOVE, { slug: 'blob-store', unit: 'db', on: day(-10) });
    await expectRefused(t, ARCHIVE, { slug: 'db', on: day(20) }, 'input.slug', 'CONFLICT');
    await expectWritten(t, MOVE, { slug: 'blob-store', unit: 'web', on: day(15) });
    await expectWritten(t, ARCHIVE, { slug: 'db', on: day(20) });
    expect((await seenOn(day(-15))).listed).toEqual(['blob-store in web', 'cache in db']);
  });
});
