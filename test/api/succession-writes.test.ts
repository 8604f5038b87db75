import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/org/days.js';
import { TODAY } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { expectRefused, expectRefusedAll, expectWritten } from '../helpers/writes.js';

const CANDIDATE = 'id unit { slug } seat person { email } readiness notes startedOn endedOn';
const ADD = `mutation ($input: AddCandidateInput!) {
  addCandidate(input: $input) { candidate { ${CANDIDATE} } userErrors { path message code } }
}`;
const UPDATE = `mutation ($input: UpdateCandidateInput!) {
  updateCandidate(input: $input) {
    candidate { ${CANDIDATE} } ended { ${CANDIDATE} } userErrors { path message code }
  }
}`;
const REMOVE = `mutation ($input: RemoveCandidateInput!) {
  removeCandidate(input: $input) { ended { ${CANDIDATE} } userErrors { path message code } }
}`;
const BENCH = `query ($asOf: Date) {
  successionBench(scope: "db", asOf: $asOf) {
    seat holder { email }
    candidates { readyNow { email } readySoon { email } readyLater { email } }
  }
}`;

const email = (i: number) => `p${i}@example.com`;
const ORG = {
  people: Array.from({ length: 8 }, (_, i) => ({ email: email(i), name: `P ${i}` })),
  units: [
    { slug: 'core', name: 'Core', layer: 'PILLAR' },
    { slug: 'infra', name: 'Infra', layer: 'AREA', parent: 'core' },
    {
      slug: 'db',
      name: 'Databases',
      layer: 'TEAM',
      parent: 'infra',
      engLead: { person: email(0), since: '2025-01-01' },
      techLead: { person: email(1), since: '2025-01-01' },
      members: [email(1), email(2), email(3)],
    },
  ],
};

const t = useTestOrg(ORG);

/** The db Tech Lead seat's bench on a day, as `READINESS:email` strings. */
async function techLeadBench(asOf?: string) {
  const { successionBench } = await t.data(BENCH, { asOf });
  const seat = successionBench.find((s: { seat: string }) => s.seat === 'TECH_LEAD');
  const names = (list: { email: string }[]) => list.map((p) => p.email);
  return {
    READY_NOW: names(seat.candidates.readyNow),
    READY_SOON: names(seat.candidates.readySoon),
    READY_LATER: names(seat.candidates.readyLater),
  };
}

const noSuccessor = async () => {
  const { singlePointsOfFailure } = await t.data(`{
    singlePointsOfFailure(scope: "db", kinds: [NO_SUCCESSOR]) { nodes { seat } }
  }`);
  return singlePointsOfFailure.nodes.map((f: { seat: string }) => f.seat);
};

const key = { unit: 'db', seat: 'TECH_LEAD', person: email(2) };

/**
 * db's Tech Lead bench: p2 READY_SOON since 2026-01-01 (with notes), p0 READY_LATER since
 * 2026-03-01; p2's candidacy.
 */
async function nameBench(): Promise<{ id: string }> {
  const { candidate } = await expectWritten(t, ADD, {
    ...key,
    readiness: 'READY_SOON',
    notes: 'Strong on storage.',
    on: '2026-01-01',
  });
  await expectWritten(t, ADD, {
    ...key,
    person: email(0),
    readiness: 'READY_LATER',
    on: '2026-03-01',
  });
  return candidate;
}

describe('addCandidate', () => {
  it('names a successor from a day; the bench and findings reflect it at once', async () => {
    expect(await noSuccessor()).toEqual(['ENG_LEAD', 'TECH_LEAD']);
    const { candidate } = await expectWritten(t, ADD, {
      ...key,
      person: 'P2@EXAMPLE.COM',
      readiness: 'READY_SOON',
      notes: 'Strong on storage.',
      on: '2026-01-01',
    });
    expect(candidate).toMatchObject({
      unit: { slug: 'db' },
      seat: 'TECH_LEAD',
      person: { email: email(2) },
      readiness: 'READY_SOON',
      notes: 'Strong on storage.',
      startedOn: '2026-01-01',
      endedOn: null,
    });
    expect(await techLeadBench()).toEqual({
      READY_NOW: [],
      READY_SOON: [email(2)],
      READY_LATER: [],
    });
    expect(await noSuccessor()).toEqual(['ENG_LEAD']);
  });

  it('lets the Eng Lead be a candidate for the other seat, not their own', async () => {
    const { candidate } = await expectWritten(t, ADD, {
      ...key,
      person: email(0),
      readiness: 'READY_LATER',
      on: '2026-03-01',
    });
    expect(candidate).toMatchObject({ startedOn: '2026-03-01', notes: null });
    await expectRefused(
      t,
      ADD,
      { ...key, seat: 'ENG_LEAD', person: email(0), readiness: 'READY_NOW' },
      'input.person',
      'VALIDATION',
    );
  });

  it('refuses the seat holder, a current candidate and bad input, writing nothing', async () => {
    await nameBench();
    const base = { ...key, readiness: 'READY_NOW' };
    await expectRefusedAll(t, ADD, [
      [{ ...base, person: email(1) }, 'input.person', 'VALIDATION'],
      [{ ...base, person: email(2) }, 'input.person', 'CONFLICT'],
      [{ ...base, unit: 'nope' }, 'input.unit', 'NOT_FOUND'],
      [{ ...base, person: 'who@example.com' }, 'input.person', 'NOT_FOUND'],
      [{ ...base, person: email(3), notes: 'x'.repeat(2001) }, 'input.notes', 'VALIDATION'],
    ]);
    expect(await techLeadBench()).toEqual({
      READY_NOW: [],
      READY_SOON: [email(2)],
      READY_LATER: [email(0)],
    });
  });
});

describe('addCandidate and the seat held on other days', () => {
  const ASSIGN = `mutation ($input: AssignSeatInput!) {
    assignSeat(input: $input) { userErrors { path message code } }
  }`;
  const [later, muchLater] = [addDays(TODAY, 30), addDays(TODAY, 60)];

  it('refuses one who holds the seat on any day of the candidacy, held before or ahead', async () => {
    // p3 holds db's Tech Lead seat from `later` until p4 takes it: a holding planned, ended.
    await expectWritten(t, ASSIGN, {
      unit: 'db',
      seat: 'TECH_LEAD',
      person: email(3),
      startedOn: later,
    });
    await expectWritten(t, ASSIGN, {
      unit: 'db',
      seat: 'TECH_LEAD',
      person: email(4),
      startedOn: muchLater,
    });
    const base = { ...key, readiness: 'READY_NOW' };
    await expectRefusedAll(t, ADD, [
      // From today, open-ended: it would run through p3's days in the seat.
      [{ ...base, person: email(3) }, 'input.person', 'VALIDATION'],
      // From a day before p1's holding began (2025-01-01).
      [{ ...base, person: email(1), on: '2024-06-01' }, 'input.person', 'VALIDATION'],
    ]);
    expect(await techLeadBench(addDays(later, 1))).toEqual({
      READY_NOW: [],
      READY_SOON: [],
      READY_LATER: [],
    });
    // A holder whose last day is past by `on` may be a successor again.
    await expectWritten(t, ADD, { ...base, person: email(3), on: muchLater });
  });

  it('lets one whose planned holding was withdrawn before it began be a candidate', async () => {
    const seat = { unit: 'db', seat: 'TECH_LEAD', startedOn: later };
    await expectWritten(t, ASSIGN, { ...seat, person: email(3) });
    // Another from the same day: p3's holding is replaced before it ever took effect.
    await expectWritten(t, ASSIGN, { ...seat, person: email(4) });
    await expectWritten(t, ADD, { ...key, person: email(3), readiness: 'READY_NOW' });
  });
});

describe('updateCandidate', () => {
  it('keeps readiness history: the old readiness ends yesterday, the new starts today', async () => {
    await nameBench();
    const { candidate, ended } = await expectWritten(t, UPDATE, { ...key, readiness: 'READY_NOW' });
    expect(ended).toMatchObject({
      readiness: 'READY_SOON',
      startedOn: '2026-01-01',
      endedOn: '2026-11-22',
    });
    expect(candidate).toMatchObject({
      readiness: 'READY_NOW',
      notes: 'Strong on storage.',
      startedOn: TODAY,
      endedOn: null,
    });
    expect(candidate.id).not.toBe(ended.id);
    expect(await techLeadBench('2026-11-22')).toMatchObject({ READY_SOON: [email(2)] });
    expect(await techLeadBench()).toMatchObject({ READY_NOW: [email(2)], READY_SOON: [] });
    expect(await techLeadBench('2025-12-31')).toMatchObject({ READY_NOW: [], READY_SOON: [] });
  });

  it('corrects a candidacy that started today in place', async () => {
    await nameBench();
    const today = await expectWritten(t, UPDATE, { ...key, readiness: 'READY_NOW' });
    const { candidate, ended } = await expectWritten(t, UPDATE, {
      ...key,
      readiness: 'READY_LATER',
    });
    expect(ended).toBeNull();
    expect(candidate).toMatchObject({
      id: today.candidate.id,
      readiness: 'READY_LATER',
      startedOn: TODAY,
    });
  });

  it('changes notes in place, keeping the readiness; null clears them', async () => {
    const { id } = await nameBench();
    const { candidate, ended } = await expectWritten(t, UPDATE, {
      ...key,
      notes: 'Ready after the migration.',
    });
    expect(ended).toBeNull();
    expect(candidate).toMatchObject({
      id,
      readiness: 'READY_SOON',
      notes: 'Ready after the migration.',
      startedOn: '2026-01-01',
    });
    const cleared = await expectWritten(t, UPDATE, { ...key, notes: null });
    expect(cleared.candidate).toMatchObject({ id, notes: null });
  });

  it('changes notes in place on an older candidacy too (no new history row)', async () => {
    await nameBench();
    const { candidate, ended } = await expectWritten(t, UPDATE, {
      ...key,
      person: email(0),
      notes: 'Would go back to IC work.',
    });
    expect(ended).toBeNull();
    expect(candidate).toMatchObject({
      readiness: 'READY_LATER',
      notes: 'Would go back to IC work.',
      startedOn: '2026-03-01',
      endedOn: null,
    });
  });

  it('records nothing when nothing changes', async () => {
    await nameBench();
    const before = await t.changeCount();
    const { ended } = await expectWritten(t, UPDATE, { ...key, readiness: 'READY_SOON' });
    expect(ended).toBeNull();
    expect(await t.changeCount()).toBe(before);
  });

  it('refuses someone who is not a candidate, and bad input', async () => {
    await nameBench();
    await expectRefusedAll(t, UPDATE, [
      [{ ...key, person: email(3), readiness: 'READY_NOW' }, 'input.person', 'NOT_FOUND'],
      [{ ...key, seat: 'ENG_LEAD', readiness: 'READY_NOW' }, 'input.person', 'NOT_FOUND'],
      [{ ...key, unit: 'nope' }, 'input.unit', 'NOT_FOUND'],
      [{ ...key, notes: 'x'.repeat(2001) }, 'input.notes', 'VALIDATION'],
    ]);
  });
});

describe('removeCandidate', () => {
  it('ends the candidacy the day before `on`, keeping it as history', async () => {
    await nameBench();
    const { ended } = await expectWritten(t, REMOVE, { ...key, on: TODAY });
    expect(ended).toMatchObject({
      readiness: 'READY_SOON',
      startedOn: '2026-01-01',
      endedOn: '2026-11-22',
    });
    expect(await techLeadBench()).toEqual({
      READY_NOW: [],
      READY_SOON: [],
      READY_LATER: [email(0)],
    });
    // The READY_SOON period is history.
    expect(await techLeadBench('2026-06-01')).toMatchObject({ READY_SOON: [email(2)] });
    expect(await noSuccessor()).toEqual(['ENG_LEAD', 'TECH_LEAD']);
    const { person } = await t.data(`{ person(email: "${email(2)}") { candidacies { seat } } }`);
    expect(person.candidacies).toEqual([]);
  });

  it('refuses a candidacy that does not exist (any more)', async () => {
    await nameBench();
    await expectWritten(t, REMOVE, key);
    await expectRefusedAll(t, REMOVE, [
      [key, 'input.person', 'NOT_FOUND'],
      [{ ...key, person: 'who@example.com' }, 'input.person', 'NOT_FOUND'],
      [{ ...key, unit: 'nope' }, 'input.unit', 'NOT_FOUND'],
    ]);
  });

  it('allows naming the person again afterwards', async () => {
    await nameBench();
    await expectWritten(t, REMOVE, key);
    const { candidate } = await expectWritten(t, ADD, { ...key, readiness: 'READY_SOON' });
    expect(candidate).toMatchObject({ startedOn: TODAY, endedOn: null });
  });
});

describe('access', () => {
  it('is for ADMIN tokens only, even though PLANNER can read the bench', async () => {
    const { createApiToken } = await t.data(
      'mutation { createApiToken(input: { name: "planner", role: PLANNER }) { token } }',
    );
    const token = createApiToken.token;
    const result = await t.gql(
      ADD,
      { input: { ...key, person: email(3), readiness: 'READY_NOW' } },
      { token },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(BENCH, {}, { token })).errors).toBeUndefined();
  });
});

describe.runIf(process.env.DATABASE_URL)('concurrent candidacies on PostgreSQL', () => {
  it('leave one current candidacy; the others get CONFLICT, never a crash', async () => {
    const input = { unit: 'db', seat: 'ENG_LEAD', person: email(3), readiness: 'READY_SOON' };
    const results = await Promise.all(Array.from({ length: 6 }, () => t.gql(ADD, { input })));
    const outcomes = results.map((r) => {
      expect(r.errors).toBeUndefined();
      return r.data?.addCandidate.userErrors[0]?.code ?? 'OK';
    });
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'CONFLICT')).toHaveLength(5);
    const { person } = await t.data(`{ person(email: "${email(3)}") { candidacies { seat } } }`);
    expect(person.candidacies).toEqual([{ seat: 'ENG_LEAD' }]);
  });
});
