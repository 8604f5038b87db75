import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, TODAY } from '../helpers/app.js';

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

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const { importOrg } = await t.data(
    'mutation ($d: JSONObject!) { importOrg(document: $d) { userErrors { path message } } }',
    { d: ORG },
  );
  expect(importOrg.userErrors).toEqual([]);
});
afterAll(() => t.close());

const assign = (input: Record<string, unknown>) => t.data(ASSIGN, { input });

describe('assignSeat', () => {
  it('ends the current holder the day before and keeps the history', async () => {
    const { assignSeat } = await assign({
      unit: 'db',
      seat: 'ENG_LEAD',
      person: 'p2@example.com',
      startedOn: '2026-06-01',
    });
    expect(assignSeat.userErrors).toEqual([]);
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
    const { assignSeat } = await assign({
      unit: 'db',
      seat: 'TECH_LEAD',
      person: 'p1@example.com',
    });
    expect(assignSeat.userErrors).toEqual([]);
    const { person } = await t.data('{ person(email: "p1@example.com") { candidacies { seat } } }');
    expect(person.candidacies).toEqual([]);
  });

  it('names the field of every bad input and writes nothing', async () => {
    const before = await t.data('{ changes { totalCount } }');
    const cases = [
      [{ unit: 'nope', seat: 'ENG_LEAD', person: 'p3@example.com' }, 'input.unit', 'NOT_FOUND'],
      [{ unit: 'db', seat: 'ENG_LEAD', person: 'who@example.com' }, 'input.person', 'NOT_FOUND'],
      [
        { unit: 'db', seat: 'ENG_LEAD', person: 'p3@example.com', startedOn: '2026-01-01' },
        'input.startedOn',
        'VALIDATION',
      ],
    ] as const;
    for (const [input, path, code] of cases) {
      const { assignSeat } = await assign(input);
      expect(assignSeat.userErrors).toMatchObject([{ path, code }]);
      expect(assignSeat.assignment).toBeNull();
    }
    expect((await t.data('{ changes { totalCount } }')).changes.totalCount).toBe(
      before.changes.totalCount,
    );
  });

  it('records who changed what in the audit log', async () => {
    const { changes } = await t.data(`{ changes(unit: "db", first: 10) {
      nodes { actor operation person { email } before after }
    } }`);
    const first = changes.nodes.at(-1);
    expect(first).toMatchObject({ actor: 'ORGRAPH_ADMIN_TOKEN', operation: 'assignSeat' });
    expect(first.person.email).toBe('p2@example.com');
    expect(first.after).toMatchObject({ startedOn: '2026-06-01' });
  });
});

describe('vacateSeat', () => {
  it('leaves the seat empty from the day given', async () => {
    const { vacateSeat } = await t.data(VACATE, {
      input: { unit: 'db', seat: 'TECH_LEAD', on: TODAY },
    });
    expect(vacateSeat.userErrors).toEqual([]);
    const again = await t.data(VACATE, { input: { unit: 'db', seat: 'TECH_LEAD' } });
    expect(again.vacateSeat.userErrors).toEqual([{ path: 'input.seat', code: 'NOT_FOUND' }]);
  });
});

describe.runIf(process.env.DATABASE_URL)('concurrent assignments on PostgreSQL', () => {
  it('leave exactly one current holder; the losers get CONFLICT, never a crash', async () => {
    const racers = people.slice(3, 11).map((p) => p.email);
    const results = await Promise.all(
      racers.map((person) =>
        t.gql(ASSIGN, { input: { unit: 'infra', seat: 'TECH_LEAD', person } }),
      ),
    );
    const outcomes = results.map((r) => {
      expect(r.errors).toBeUndefined();
      return r.data?.assignSeat.userErrors[0]?.code ?? 'OK';
    });
    expect(outcomes.filter((o) => o === 'OK').length).toBeGreaterThanOrEqual(1);
    expect(outcomes.every((o) => o === 'OK' || o === 'CONFLICT')).toBe(true);
    expect(outcomes).toContain('CONFLICT');
    const { unit } = await t.data('{ unit(slug: "infra") { seatHistory { endedOn } } }');
    const current = unit.seatHistory.filter((a: { endedOn: string | null }) => a.endedOn === null);
    expect(current).toHaveLength(1);
    expect(unit.seatHistory).toHaveLength(outcomes.filter((o) => o === 'OK').length);
  });
});
