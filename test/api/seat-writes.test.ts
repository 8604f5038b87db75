import { describe, expect, it } from 'vitest';
import { TODAY } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { expectRefusedAll, expectWritten, mutate } from '../helpers/writes.js';

const ASSIGN = `mutation ($input: AssignSeatInput!) {
  assignSeat(input: $input) {
    assignment { person { email } startedOn endedOn acting }
    ended { person { email } startedOn endedOn }
    userErrors { path message code }
  }
}`;
const VACATE = `mutation ($input: VacateSeatInput!) {
  vacateSeat(input: $input) { ended { person { email } endedOn } userErrors { path code } }
}`;

const people = Array.from({ length: 12 }, (_, i) => ({
  email: `p${i}@example.com`,
  name: `P ${i}`,
}));
const ORG = {
  people,
  units: [
    { slug: 'core', name: 'Core', layer: 'PILLAR' },
    { slug: 'infra', name: 'Infra', layer: 'AREA', parent: 'core' },
    {
      slug: 'db',
      name: 'Databases',
      layer: 'TEAM',
      parent: 'infra',
      engLead: { person: 'p0@example.com', since: '2025-01-01' },
    },
  ],
  succession: [
    { unit: 'db', seat: 'TECH_LEAD', candidate: 'p1@example.com', readiness: 'READY_NOW' },
  ],
};

const t = useTestOrg(ORG);

/** Person `n` takes `unit`'s `seat` from `startedOn`; the payload. */
const assign = (unit: string, seat: string, n: number, startedOn: string) =>
  expectWritten(t, ASSIGN, { unit, seat, person: `p${n}@example.com`, startedOn });

/** p2 takes db's Eng Lead seat from p0 on 2026-06-01; the payload. */
const p2TakesEngLead = () =>
  expectWritten(t, ASSIGN, {
    unit: 'db',
    seat: 'ENG_LEAD',
    person: 'p2@example.com',
    startedOn: '2026-06-01',
  });

describe('assignSeat', () => {
  it('ends the current holder the day before and keeps the history', async () => {
    const assignSeat = await p2TakesEngLead();
    expect(assignSeat.ended).toEqual({
      person: { email: 'p0@example.com' },
      startedOn: '2025-01-01',
      endedOn: '2026-05-31',
    });
    const { unit } = await t.data(`{ unit(slug: "db") {
      engLead { email }
      before: coverage(asOf: "2026-05-31") { engLead { holder { email } } }
      seatHistory { seat person { email } endedOn }
    } }`);
    expect(unit.engLead.email).toBe('p2@example.com');
    expect(unit.before.engLead.holder.email).toBe('p0@example.com');
    expect(unit.seatHistory).toHaveLength(2);
  });

  it('ends the new holder’s candidacy for the seat they take', async () => {
    await expectWritten(t, ASSIGN, { unit: 'db', seat: 'TECH_LEAD', person: 'p1@example.com' });
    const { person } = await t.data('{ person(email: "p1@example.com") { candidacies { seat } } }');
    expect(person.candidacies).toEqual([]);
  });

  it('names the field of every bad input and writes nothing', async () => {
    await p2TakesEngLead();
    await expectRefusedAll(t, ASSIGN, [
      [{ unit: 'nope', seat: 'ENG_LEAD', person: 'p3@example.com' }, 'input.unit', 'NOT_FOUND'],
      [{ unit: 'db', seat: 'ENG_LEAD', person: 'who@example.com' }, 'input.person', 'NOT_FOUND'],
      // before p2's term began
      [
        { unit: 'db', seat: 'ENG_LEAD', person: 'p3@example.com', startedOn: '2026-01-01' },
        'input.startedOn',
        'VALIDATION',
      ],
    ]);
  });

  it('records who changed what in the audit log', async () => {
    await p2TakesEngLead();
    const { changes } = await t.data(`{ changes(unit: "db", first: 10) {
      nodes { actor operation person { email } before after }
    } }`);
    const first = changes.nodes.at(-1);
    expect(first).toMatchObject({ actor: 'token:ORGRAPH_ADMIN_TOKEN', operation: 'assignSeat' });
    expect(first.person.email).toBe('p2@example.com');
    expect(first.after).toMatchObject({ startedOn: '2026-06-01' });
  });
});

describe('vacateSeat', () => {
  it('leaves the seat empty from the day given', async () => {
    await expectWritten(t, ASSIGN, { unit: 'db', seat: 'TECH_LEAD', person: 'p1@example.com' });
    await expectWritten(t, VACATE, { unit: 'db', seat: 'TECH_LEAD', on: TODAY });
    const again = await mutate(t, VACATE, { unit: 'db', seat: 'TECH_LEAD' });
    expect(again.userErrors).toEqual([{ path: 'input.seat', code: 'NOT_FOUND' }]);
  });
});

const engLeadOn = async (unit: string, asOf: string) =>
  (await t.data(`{ unit(slug: "${unit}", asOf: "${asOf}") { engLead { email } } }`)).unit.engLead;

/** Person `n` taking `unit`'s Eng Lead seat from `startedOn` is refused at the date. */
async function expectRefusedFrom(unit: string, n: number, startedOn: string) {
  const input = { unit, seat: 'ENG_LEAD', person: `p${n}@example.com`, startedOn };
  expect((await mutate(t, ASSIGN, input)).userErrors).toEqual([
    expect.objectContaining({ path: 'input.startedOn', code: 'VALIDATION' }),
  ]);
}

describe('a holder planned for a later day', () => {
  it('is not "already" the holder before it: stated from an earlier day, refused', async () => {
    await assign('infra', 'ENG_LEAD', 2, '2026-12-10');
    await expectRefusedFrom('infra', 2, '2026-12-01');
    expect(await engLeadOn('infra', '2026-12-05')).toBeNull();
  });
});

describe('a promotion made today, dated back', () => {
  it('moves the new holder’s start back; the one before ends the day before it', async () => {
    // Another holder from before today's is still refused: today's change is not theirs.
    await expectWritten(t, ASSIGN, { unit: 'infra', seat: 'ENG_LEAD', person: 'p3@example.com' });
    await expectRefusedFrom('infra', 4, '2026-06-01');
    await expectWritten(t, ASSIGN, { unit: 'db', seat: 'ENG_LEAD', person: 'p2@example.com' });
    const { assignment, ended } = await p2TakesEngLead();
    expect(assignment).toMatchObject({ startedOn: '2026-06-01', endedOn: null });
    expect(ended).toEqual({
      person: { email: 'p0@example.com' },
      startedOn: '2025-01-01',
      endedOn: '2026-05-31',
    });
    expect(await engLeadOn('db', '2026-05-31')).toEqual({ email: 'p0@example.com' });
    expect(await engLeadOn('db', '2026-06-01')).toEqual({ email: 'p2@example.com' });
    expect(await engLeadOn('db', TODAY)).toEqual({ email: 'p2@example.com' });
  });
});

describe('a holder whose departure is recorded', () => {
  const DEPART = `mutation ($input: RecordDepartureInput!) {
    recordDeparture(input: $input) { userErrors { path code } }
  }`;

  it('for a later day still holds the seat: vacated now, the same again changes nothing', async () => {
    await expectWritten(t, DEPART, { email: 'p0@example.com', on: '2027-03-01' });
    const again = await expectWritten(t, ASSIGN, {
      unit: 'db',
      seat: 'ENG_LEAD',
      person: 'p0@example.com',
    });
    expect(again.ended).toBeNull();
    expect(again.assignment).toMatchObject({ startedOn: '2025-01-01', endedOn: '2027-02-28' });
    const { ended } = await expectWritten(t, VACATE, { unit: 'db', seat: 'ENG_LEAD', on: TODAY });
    expect(ended).toEqual({ person: { email: 'p0@example.com' }, endedOn: '2026-11-22' });
  });

  it('for a past day holds nothing: the seat has no holder to vacate', async () => {
    await expectWritten(t, DEPART, { email: 'p0@example.com', on: '2026-11-01' });
    const vacated = await mutate(t, VACATE, { unit: 'db', seat: 'ENG_LEAD' });
    expect(vacated.userErrors).toEqual([{ path: 'input.seat', code: 'NOT_FOUND' }]);
  });
});

describe.runIf(process.env.DATABASE_URL)('concurrent assignments on PostgreSQL', () => {
  it('are applied one at a time: each is acknowledged, one holder remains, the rest is history', async () => {
    const racers = people.slice(3, 11).map((p) => p.email);
    const results = await Promise.all(
      racers.map((person) =>
        t.gql(ASSIGN, { input: { unit: 'infra', seat: 'TECH_LEAD', person } }),
      ),
    );
    for (const r of results) {
      expect(r.errors).toBeUndefined();
      expect(r.data?.assignSeat.userErrors).toEqual([]);
    }
    // Serialized: every write but the first ended the one before it, and nobody is lost.
    const ended = results.map((r) => r.data?.assignSeat.ended?.person.email ?? null);
    expect(ended.filter((e) => e === null)).toHaveLength(1);
    const { unit } = await t.data(
      '{ unit(slug: "infra") { techLead { email } seatHistory { person { email } endedOn } } }',
    );
    const current = unit.seatHistory.filter((a: { endedOn: string | null }) => a.endedOn === null);
    expect(current).toEqual([{ person: unit.techLead, endedOn: null }]);
    expect(unit.seatHistory).toHaveLength(racers.length);
    expect(new Set(ended.filter(Boolean))).toEqual(
      new Set(racers.filter((r) => r !== unit.techLead.email)),
    );
  });
});

describe('a holder replaced from the day they began, on a past day', () => {
  it('is refused: their whole run would be erased; from the next day, their run ends', async () => {
    // core's Eng Lead from 1900-01-01 (as an import's holder may be). Replaced from that
    // day, the row was rewritten to end the day before it began: never in force, every
    // answer about the years they held the seat changed.
    await assign('core', 'ENG_LEAD', 5, '1900-01-01');
    const input = { unit: 'core', seat: 'ENG_LEAD', person: 'p6@example.com' };
    const refused = await t.gql(ASSIGN, { input: { ...input, startedOn: '1900-01-01' } });
    expect(refused.data?.assignSeat.userErrors).toEqual([
      {
        path: 'input.startedOn',
        message: 'must be after 1900-01-01: what it would end had begun then, and history is kept',
        code: 'VALIDATION',
      },
    ]);
    const replaced = await t.gql(ASSIGN, { input: { ...input, startedOn: '1900-01-02' } });
    expect(replaced.data?.assignSeat).toMatchObject({
      ended: {
        person: { email: 'p5@example.com' },
        startedOn: '1900-01-01',
        endedOn: '1900-01-01',
      },
      userErrors: [],
    });
    const read = await t.gql(`{ unit(slug: "core", asOf: "1900-01-01") { engLead { email } } }`);
    expect(read.data?.unit.engLead).toEqual({ email: 'p5@example.com' });
  });
});
