import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/org/days.js';
import { TODAY } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { expectRefused, expectWritten, mutate } from '../helpers/writes.js';

/**
 * No two rows of one history are in force on the same day, whatever order dated writes
 * arrive in: past, present and future starts and ends, in both orders.
 */

const ASSIGN = `mutation ($input: AssignSeatInput!) {
  assignSeat(input: $input) { assignment { startedOn } userErrors { path message code } }
}`;
const VACATE = `mutation ($input: VacateSeatInput!) {
  vacateSeat(input: $input) { ended { endedOn } userErrors { path message code } }
}`;
const SET_TEAM = `mutation ($input: SetTeamInput!) {
  setTeam(input: $input) { membership { startedOn } userErrors { path message code } }
}`;
const ADD_CANDIDATE = `mutation ($input: AddCandidateInput!) {
  addCandidate(input: $input) { candidate { startedOn } userErrors { path message code } }
}`;
const REMOVE_CANDIDATE = `mutation ($input: RemoveCandidateInput!) {
  removeCandidate(input: $input) { ended { endedOn } userErrors { path message code } }
}`;
const SET_OWNER = `mutation ($input: SetAorOwnerInput!) {
  setAorOwner(input: $input) { aor { slug } userErrors { path message code } }
}`;

const day = (n: number) => addDays(TODAY, n);
const people = Array.from({ length: 6 }, (_, i) => ({ email: `p${i}@example.com`, name: `P${i}` }));
const ORG = {
  people,
  units: [
    { slug: 'core', name: 'Core', layer: 'PILLAR' },
    { slug: 'infra', name: 'Infra', layer: 'AREA', parent: 'core' },
    {
      slug: 'db',
      name: 'DB',
      layer: 'TEAM',
      parent: 'infra',
      engLead: { person: 'p0@example.com', since: day(-400) },
    },
    { slug: 'cache', name: 'Cache', layer: 'TEAM', parent: 'infra' },
    { slug: 'queue', name: 'Queue', layer: 'TEAM', parent: 'infra' },
  ],
  aors: [{ slug: 'pg', name: 'PG', unit: 'db', owner: 'p0@example.com' }],
};

interface Dated {
  startedOn: string;
  endedOn: string | null;
}

/** Pairs of rows in force on a common day (rows ended before they start never are). */
function overlapping(rows: Dated[]): Array<[Dated, Dated]> {
  const live = rows.filter((r) => r.endedOn === null || r.endedOn >= r.startedOn);
  const pairs: Array<[Dated, Dated]> = [];
  for (const [i, a] of live.entries()) {
    for (const b of live.slice(i + 1)) {
      const aEnd = a.endedOn ?? '9999-12-31';
      const bEnd = b.endedOn ?? '9999-12-31';
      if (a.startedOn <= bEnd && b.startedOn <= aEnd) pairs.push([a, b]);
    }
  }
  return pairs;
}

const t = useTestOrg(ORG);

const seatHistory = async (slug: string) =>
  (
    await t.data(`{ unit(slug: "${slug}") {
      seatHistory { seat person { email } startedOn endedOn }
    } }`)
  ).unit.seatHistory as Array<Dated & { seat: string; person: { email: string } }>;

describe('a seat', () => {
  it('a planned vacancy then an earlier new holder: the holder ends the day before', async () => {
    const seat = { unit: 'db', seat: 'ENG_LEAD' };
    await expectWritten(t, VACATE, { ...seat, on: day(90) });
    await expectWritten(t, ASSIGN, { ...seat, person: 'p1@example.com', startedOn: day(30) });
    const history = (await seatHistory('db')).filter((r) => r.seat === 'ENG_LEAD');
    expect(overlapping(history)).toEqual([]);
    expect(history).toEqual(
      expect.arrayContaining([
        {
          seat: 'ENG_LEAD',
          person: { email: 'p0@example.com' },
          startedOn: day(-400),
          endedOn: day(29),
        },
        {
          seat: 'ENG_LEAD',
          person: { email: 'p1@example.com' },
          startedOn: day(30),
          endedOn: null,
        },
      ]),
    );
  });

  it('a holder planned later refuses an earlier start, naming both dates; writing nothing', async () => {
    const seat = { unit: 'cache', seat: 'TECH_LEAD' };
    await expectWritten(t, ASSIGN, { ...seat, person: 'p2@example.com', startedOn: day(60) });
    const refused = await expectRefused(
      t,
      ASSIGN,
      { ...seat, person: 'p3@example.com', startedOn: day(30) },
      'input.startedOn',
      'VALIDATION',
    );
    expect(refused.userErrors[0].message).toContain(day(60));
    expect(refused.userErrors[0].message).toContain(day(30));
    // Vacating from day 30 withdraws the planned holder; then day 30 is free.
    await expectWritten(t, VACATE, { ...seat, on: day(30) });
    await expectWritten(t, ASSIGN, { ...seat, person: 'p3@example.com', startedOn: day(30) });
    expect(overlapping(await seatHistory('cache'))).toEqual([]);
  });

  it('random dated assignments and vacancies never leave two holders on one day', async () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const seat = { unit: 'queue', seat: 'ENG_LEAD' };
    for (let i = 0; i < 30; i++) {
      const on = day(random(200) - 80);
      const payload =
        random(3) === 0
          ? await mutate(t, VACATE, { ...seat, on })
          : await mutate(t, ASSIGN, {
              ...seat,
              person: `p${random(6)}@example.com`,
              startedOn: on,
            });
      // Never the database's own guard: the write path refuses or reshapes first.
      for (const e of payload.userErrors) expect(e.path, JSON.stringify(e)).not.toBeNull();
      expect(overlapping(await seatHistory('queue'))).toEqual([]);
    }
  });
});

describe('a team membership', () => {
  it('moves in any order keep a person on one team at a time', async () => {
    const email = 'p4@example.com';
    await expectWritten(t, SET_TEAM, { email, team: 'db', on: day(-10) });
    await expectWritten(t, SET_TEAM, { email, team: 'cache', on: day(40) });
    await expectRefused(
      t,
      SET_TEAM,
      { email, team: 'queue', on: day(20) },
      'input.on',
      'VALIDATION',
    );
    await expectWritten(t, SET_TEAM, { email, team: 'queue', on: day(40) });
    await expectWritten(t, SET_TEAM, { email, team: null, on: day(50) });
    const { person } = await t.data(`{ person(email: "${email}") {
      teamHistory { team { slug } startedOn endedOn }
    } }`);
    expect(overlapping(person.teamHistory)).toEqual([]);
    const live = person.teamHistory.filter((m: Dated) => !m.endedOn || m.endedOn >= m.startedOn);
    const slugs = live
      .sort((a: Dated, b: Dated) => a.startedOn.localeCompare(b.startedOn))
      .map((m: { team: { slug: string } }) => m.team.slug);
    expect(slugs).toEqual(['db', 'queue']);
  });
});

describe('a candidacy', () => {
  it('a planned removal then an earlier re-add is refused; a later one is history', async () => {
    const key = { unit: 'db', seat: 'TECH_LEAD', person: 'p5@example.com' };
    await expectWritten(t, ADD_CANDIDATE, { ...key, readiness: 'READY_NOW', on: day(-20) });
    await expectWritten(t, REMOVE_CANDIDATE, { ...key, on: day(10) });
    await expectWritten(t, ADD_CANDIDATE, { ...key, readiness: 'READY_SOON', on: day(30) });
    await expectRefused(
      t,
      ADD_CANDIDATE,
      { ...key, readiness: 'READY_NOW', on: day(60) },
      'input.person',
      'CONFLICT',
    );
    await expectWritten(t, REMOVE_CANDIDATE, { ...key, on: day(5) });
    const { bench } = await t.data(`{ bench: successionBench(scope: "db", asOf: "${day(40)}") {
      unit { slug } seat readyNowCount readySoonCount readyLaterCount
    } }`);
    const tl = bench.find((s: any) => s.unit.slug === 'db' && s.seat === 'TECH_LEAD');
    expect(tl).toMatchObject({ readyNowCount: 0, readySoonCount: 0, readyLaterCount: 0 });
  });
});

describe('an AoR primary owner', () => {
  it('a future owner refuses an earlier change, naming the dates', async () => {
    await expectWritten(t, SET_OWNER, { aor: 'pg', person: 'p1@example.com', on: day(30) });
    const refused = await expectRefused(
      t,
      SET_OWNER,
      { aor: 'pg', person: 'p2@example.com', on: day(10) },
      'input.on',
      'VALIDATION',
    );
    expect(refused.userErrors[0].message).toContain(day(30));
  });
});
