import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/org/days.js';
import { TODAY } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';

/**
 * An import never rewrites a holder's past: a document confirming an acting holder (or making
 * a permanent one acting), with or without the `since` it was exported with, records the
 * change on the import's day, as a CONFIRMED change then.
 */

const COUNTS = 'seatAssignments';
const IMPORT = `mutation ($d: JSONObject!) { importOrg(document: $d) {
  userErrors { path message code } created { ${COUNTS} } updated { ${COUNTS} } } }`;
const CHANGES = `{ leadershipChanges(from: "2025-01-01", to: "${TODAY}", first: 20) {
  nodes { on kind seat before { email } beforeActing after { email } afterActing } } }`;
const HISTORY = `{ unit(slug: "db") { seatHistory { seat person { email } acting startedOn endedOn } } }`;

const ANA = 'ana@example.com';
const BO = 'bo@example.com';
const yesterday = addDays(TODAY, -1);
// Bo's seat starts the org's history a year earlier, so Ana's first day is a FILLED change.
const core = [
  { slug: 'core', name: 'Core', layer: 'PILLAR', engLead: { person: BO, since: '2024-01-01' } },
  { slug: 'infra', name: 'Infra', layer: 'AREA', parent: 'core' },
];
const db = (engLead: Record<string, unknown>) => ({
  units: [{ slug: 'db', name: 'Databases', layer: 'TEAM', parent: 'infra', engLead }],
});

const t = useTestOrg({
  people: [
    { email: ANA, name: 'Ana' },
    { email: BO, name: 'Bo' },
  ],
  units: [...core, db({ person: ANA, since: '2025-02-01', acting: true }).units[0]],
});

async function importDoc(d: unknown) {
  const { importOrg } = await t.data(IMPORT, { d });
  expect(importOrg.userErrors).toEqual([]);
  return importOrg;
}

/** The FILLED of 2025-02-01 as recorded, then a CONFIRMED on `on`. */
const filledThenConfirmed = (on: string) => [
  {
    on: '2025-02-01',
    kind: 'FILLED',
    seat: 'ENG_LEAD',
    before: null,
    beforeActing: false,
    after: { email: ANA },
    afterActing: true,
  },
  {
    on,
    kind: 'CONFIRMED',
    seat: 'ENG_LEAD',
    before: { email: ANA },
    beforeActing: true,
    after: { email: ANA },
    afterActing: false,
  },
];

/** Newest first, as `seatHistory` lists them. */
const confirmedToday = [
  { seat: 'ENG_LEAD', person: { email: ANA }, acting: false, startedOn: TODAY, endedOn: null },
  {
    seat: 'ENG_LEAD',
    person: { email: ANA },
    acting: true,
    startedOn: '2025-02-01',
    endedOn: yesterday,
  },
];

describe('an import changing only the acting flag of the holder', () => {
  it.each([
    ['without since', { person: ANA, acting: false }],
    ['with the since it holds from', { person: ANA, since: '2025-02-01', acting: false }],
    ['with a later since, still before today', { person: ANA, since: '2025-06-01', acting: false }],
  ])('%s: confirms them on the import day, the past as it was', async (_, engLead) => {
    const counts = await importDoc({ units: [...core, ...db(engLead).units] });
    expect(counts).toMatchObject({
      created: { seatAssignments: 1 },
      updated: { seatAssignments: 1 },
    });
    expect((await t.data(HISTORY)).unit.seatHistory).toEqual(confirmedToday);
    expect((await t.data(CHANGES)).leadershipChanges.nodes).toEqual(filledThenConfirmed(TODAY));
  });

  it('an export then imported again changes nothing', async () => {
    await importDoc(db({ person: ANA, since: '2025-02-01', acting: false }));
    const { exportOrg } = await t.data('{ exportOrg }');
    const again = await importDoc(exportOrg);
    expect(again).toMatchObject({
      created: { seatAssignments: 0 },
      updated: { seatAssignments: 0 },
    });
    expect(await t.data('{ exportOrg }')).toEqual({ exportOrg });
    expect((await t.data(HISTORY)).unit.seatHistory).toEqual(confirmedToday);
  });

  it('the same flag again, with its since: unchanged', async () => {
    const same = await importDoc(db({ person: ANA, since: '2025-02-01', acting: true }));
    expect(same).toMatchObject({
      created: { seatAssignments: 0 },
      updated: { seatAssignments: 0 },
    });
    expect((await t.data(CHANGES)).leadershipChanges.nodes).toEqual(
      filledThenConfirmed(TODAY).slice(0, 1),
    );
  });

  it('the mutation still dates the change where asked', async () => {
    const { assignSeat } = await t.data(
      `mutation { assignSeat(input: { unit: "db", seat: ENG_LEAD, person: "${ANA}",
        startedOn: "2026-03-01", acting: false }) { userErrors { path message } } }`,
    );
    expect(assignSeat.userErrors).toEqual([]);
    expect((await t.data(CHANGES)).leadershipChanges.nodes).toEqual(
      filledThenConfirmed('2026-03-01'),
    );
  });
});

describe('a document confirming the acting holder, imported again', () => {
  const acting = db({ person: ANA, since: '2025-02-01', acting: true });
  const confirmed = db({ person: ANA, since: '2025-02-01', acting: false });
  const unchanged = { created: { seatAssignments: 0 }, updated: { seatAssignments: 0 } };

  it('changes nothing: she holds the seat in one unbroken run from its since', async () => {
    await importDoc(confirmed);
    expect(await importDoc(confirmed)).toMatchObject(unchanged);
    expect((await t.data(HISTORY)).unit.seatHistory).toEqual(confirmedToday);
    expect((await t.data(CHANGES)).leadershipChanges.nodes).toEqual(filledThenConfirmed(TODAY));
  });

  it('the acting document then makes her acting again from the import day, once', async () => {
    await importDoc(confirmed);
    expect(await importDoc(acting)).toMatchObject({
      created: { seatAssignments: 0 },
      updated: { seatAssignments: 1 },
    });
    expect(await importDoc(acting)).toMatchObject(unchanged);
    const [today, past] = confirmedToday;
    expect((await t.data(HISTORY)).unit.seatHistory).toEqual([{ ...today, acting: true }, past]);
  });

  it('an export of it states the run’s first day, and imported again changes nothing', async () => {
    await importDoc(confirmed);
    const { exportOrg } = await t.data('{ exportOrg }');
    const unit = exportOrg.units.find((u: { slug: string }) => u.slug === 'db');
    expect(unit.engLead).toEqual({ person: ANA, since: '2025-02-01', acting: false });
    expect(await importDoc(exportOrg)).toMatchObject(unchanged);
    expect(await t.data('{ exportOrg }')).toEqual({ exportOrg });
  });
});

describe('an export of a permanent holder made acting', () => {
  it('states the acting stint’s first day, so the import does not make the years acting', async () => {
    const assign = `mutation ($input: AssignSeatInput!) { assignSeat(input: $input) {
      userErrors { message } } }`;
    const input = {
      unit: 'core',
      seat: 'ENG_LEAD',
      person: BO,
      acting: true,
      startedOn: '2026-10-01',
    };
    expect((await t.data(assign, { input })).assignSeat.userErrors).toEqual([]);
    const { exportOrg } = await t.data('{ exportOrg }');
    const unit = exportOrg.units.find((u: { slug: string }) => u.slug === 'core');
    expect(unit.engLead).toEqual({ person: BO, since: '2026-10-01', acting: true });
    expect(await importDoc(exportOrg)).toMatchObject({
      created: { seatAssignments: 0 },
      updated: { seatAssignments: 0 },
    });
  });
});
