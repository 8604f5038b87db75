import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/org/days.js';
import {
  aorUnitTable,
  candidateTable,
  reportingLineTable,
  seatAssignmentTable,
  unitTable,
} from '../../src/db/tables.js';
import { type TestApp, TODAY } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';

/**
 * Every rule that spans rows holds under truly concurrent requests: a departure and a write
 * giving the same person a seat, a team, an AoR or a candidacy serialize, so the person never
 * holds anything once gone, whichever of the two commits first.
 */

const DEPART = `mutation ($email: String!) {
  recordDeparture(input: { email: $email }) { userErrors { code } }
}`;

interface Racer {
  name: string;
  mutation: string;
  input: (email: string, trial: number) => Record<string, unknown>;
}

const RACERS: Racer[] = [
  {
    name: 'assignSeat',
    mutation: `mutation ($input: AssignSeatInput!) { assignSeat(input: $input) { userErrors { code } } }`,
    input: (person, trial) => ({ unit: `team-${trial}`, seat: 'TECH_LEAD', person }),
  },
  {
    name: 'setTeam',
    mutation: `mutation ($input: SetTeamInput!) { setTeam(input: $input) { userErrors { code } } }`,
    input: (email, trial) => ({ email, team: `team-${trial}` }),
  },
  {
    name: 'setAorOwner',
    mutation: `mutation ($input: SetAorOwnerInput!) { setAorOwner(input: $input) { userErrors { code } } }`,
    input: (person, trial) => ({ aor: `aor-${trial}`, person }),
  },
  {
    name: 'addAorBackup',
    mutation: `mutation ($input: AddAorBackupInput!) { addAorBackup(input: $input) { userErrors { code } } }`,
    input: (person, trial) => ({ aor: `aor-${trial}`, person }),
  },
  {
    name: 'addCandidate',
    mutation: `mutation ($input: AddCandidateInput!) { addCandidate(input: $input) { userErrors { code } } }`,
    input: (person, trial) => ({
      unit: `team-${trial}`,
      seat: 'ENG_LEAD',
      person,
      readiness: 'READY_NOW',
    }),
  },
];

const TRIALS = 8;
const racer = (name: string, trial: number) => `${name.toLowerCase()}-${trial}@example.com`;

function org() {
  const people = RACERS.flatMap((r) =>
    Array.from({ length: TRIALS }, (_, i) => ({ email: racer(r.name, i), name: `${r.name} ${i}` })),
  );
  const teams = Array.from({ length: TRIALS }, (_, i) => ({
    slug: `team-${i}`,
    name: `Team ${i}`,
    layer: 'TEAM',
    parent: 'area',
  }));
  return {
    people,
    units: [
      { slug: 'pillar', name: 'Pillar', layer: 'PILLAR' },
      { slug: 'area', name: 'Area', layer: 'AREA', parent: 'pillar' },
      ...teams,
    ],
    aors: teams.map((team, i) => ({ slug: `aor-${i}`, name: `AoR ${i}`, unit: team.slug })),
  };
}

/** What the person holds from the day they left on, through the public API. */
async function heldAfterLeaving(t: TestApp, email: string) {
  const { person } = await t.data(`{ person(email: "${email}") {
    departedOn
    seatHistory { startedOn endedOn }
    teamHistory { startedOn endedOn }
    aors { aor { slug } }
    candidacies { seat }
  } }`);
  const gone = person.departedOn as string;
  const stillIn = (rows: Array<{ startedOn: string; endedOn: string | null }>) =>
    rows.filter((r) => r.endedOn === null || (r.endedOn >= r.startedOn && r.endedOn >= gone));
  return {
    departedOn: gone,
    seats: stillIn(person.seatHistory),
    teams: stillIn(person.teamHistory),
    aors: person.aors,
    candidacies: person.candidacies,
  };
}

describe.runIf(process.env.DATABASE_URL)('a departure racing another write on PostgreSQL', () => {
  const t = useTestOrg(org());

  for (const r of RACERS) {
    it(`and ${r.name} for the same person: never both leave them holding something`, async () => {
      for (let trial = 0; trial < TRIALS; trial++) {
        const email = racer(r.name, trial);
        const [departure, other] = await Promise.all([
          t.gql(DEPART, { email }),
          t.gql(r.mutation, { input: r.input(email, trial) }),
        ]);
        expect(departure.errors).toBeUndefined();
        expect(other.errors).toBeUndefined();
        expect(Object.values(departure.data ?? {})[0]).toEqual({ userErrors: [] });
        const held = await heldAfterLeaving(t, email);
        expect(held.departedOn).toBe(TODAY);
        expect(held).toMatchObject({ seats: [], teams: [], aors: [], candidacies: [] });
      }
    });
  }
});

describe.runIf(process.env.DATABASE_URL)('writes creating rows at once on PostgreSQL', () => {
  const t = useTestOrg(org());

  it('each get ids of their own: a draft moves each sequence on once, under the org lock', async () => {
    const IMPORT = `mutation ($d: JSONObject!) { importOrg(document: $d) {
      created { people } userErrors { code } } }`;
    const batches = Array.from({ length: 8 }, (_, b) =>
      Array.from({ length: 5 }, (_, i) => ({
        email: `new-${b}-${i}@example.com`,
        name: `N ${b} ${i}`,
      })),
    );
    const answers = await Promise.all(batches.map((people) => t.gql(IMPORT, { d: { people } })));
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.importOrg).toEqual({ created: { people: 5 }, userErrors: [] });
    }
    const { people } = await t.data(`{ people(search: "new-", first: 100) {
      totalCount nodes { id } } }`);
    expect(people.totalCount).toBe(40);
    expect(new Set(people.nodes.map((p: { id: string }) => p.id)).size).toBe(40);
  });
});

describe.runIf(process.env.DATABASE_URL)(
  'planned rows racing the writes they bound, on PostgreSQL',
  () => {
    const t = useTestOrg(org());
    const ASSIGN = `mutation ($input: AssignSeatInput!) { assignSeat(input: $input) { userErrors { code } } }`;
    const CANDIDATE = `mutation ($input: AddCandidateInput!) { addCandidate(input: $input) {
    userErrors { code } } }`;
    const LEAVE = `mutation ($input: RecordDepartureInput!) { recordDeparture(input: $input) {
    userErrors { code } } }`;
    const MANAGER = `mutation ($input: SetManagerInput!) { setManager(input: $input) {
    userErrors { code } } }`;
    const ever = (row: { startedOn: string; endedOn: string | null }) =>
      row.endedOn === null || row.endedOn >= row.startedOn;
    const meet = (a: { startedOn: string; endedOn: string | null }, b: typeof a) =>
      ever(a) &&
      ever(b) &&
      (a.endedOn ?? '9999') >= b.startedOn &&
      (b.endedOn ?? '9999') >= a.startedOn;

    it('a holding planned ahead and a candidacy for that seat: never both on one day', async () => {
      for (let trial = 0; trial < TRIALS; trial++) {
        const person = racer('assignSeat', trial);
        const seat = { unit: `team-${trial}`, seat: 'ENG_LEAD', person };
        const answers = await Promise.all([
          t.gql(ASSIGN, { input: { ...seat, startedOn: addDays(TODAY, 30) } }),
          t.gql(CANDIDATE, { input: { ...seat, readiness: 'READY_NOW' } }),
        ]);
        for (const answer of answers) expect(answer.errors).toBeUndefined();
      }
      const db = t.database.db;
      const [holdings, candidacies] = await Promise.all([
        db.select().from(seatAssignmentTable),
        db.select().from(candidateTable),
      ]);
      const both = candidacies.filter((c) =>
        holdings.some(
          (h) =>
            h.unitId === c.unitId && h.seat === c.seat && h.personId === c.personId && meet(h, c),
        ),
      );
      expect(holdings.length).toBe(TRIALS);
      expect(both).toEqual([]);
    });

    it('a manager leaving and a line to them planned for after: never a line past their going', async () => {
      const gone = addDays(TODAY, 10);
      for (let trial = 0; trial < TRIALS; trial++) {
        const [manager, report] = [racer('setTeam', trial), racer('setAorOwner', trial)];
        const answers = await Promise.all([
          t.gql(LEAVE, { input: { email: manager, on: gone } }),
          t.gql(MANAGER, { input: { email: report, manager, on: addDays(TODAY, 30) } }),
        ]);
        for (const answer of answers) expect(answer.errors).toBeUndefined();
      }
      const lines = await t.database.db.select().from(reportingLineTable);
      expect(lines.filter((line) => ever(line) && line.startedOn >= gone)).toEqual([]);
    });

    it("today's holding moved back from two days at once: never two holders on one day", async () => {
      for (let trial = 0; trial < TRIALS; trial++) {
        const [person, other] = [racer('assignSeat', trial), racer('addCandidate', trial)];
        const seat = { unit: `team-${trial}`, seat: 'TECH_LEAD' };
        expect(
          (
            await t.gql(ASSIGN, {
              input: { ...seat, person: other, startedOn: addDays(TODAY, -60) },
            })
          ).errors,
        ).toBeUndefined();
        expect((await t.gql(ASSIGN, { input: { ...seat, person } })).errors).toBeUndefined();
        const answers = await Promise.all(
          [-20, -10].map((n) =>
            t.gql(ASSIGN, { input: { ...seat, person, startedOn: addDays(TODAY, n) } }),
          ),
        );
        for (const answer of answers) expect(answer.errors).toBeUndefined();
      }
      const rows = await t.database.db.select().from(seatAssignmentTable);
      const overlapping = rows.filter((a) =>
        rows.some((b) => a.id < b.id && a.unitId === b.unitId && a.seat === b.seat && meet(a, b)),
      );
      expect(overlapping).toEqual([]);
      // Each seat's holder moved back to one of the two days, the one before it ending then.
      const held = rows.filter((r) => r.seat === 'TECH_LEAD' && ever(r) && r.endedOn === null);
      expect(
        held.map((r) => r.startedOn).every((d) => [-20, -10].some((n) => addDays(TODAY, n) === d)),
      ).toBe(true);
      expect(held).toHaveLength(TRIALS);
    });

    it('an AoR moved in and its unit archived: never an AoR in a unit gone', async () => {
      const ARCHIVE = `mutation ($input: ArchiveUnitInput!) { archiveUnit(input: $input) {
      userErrors { code } } }`;
      const MOVE = `mutation ($input: MoveAorInput!) { moveAor(input: $input) {
      userErrors { code } } }`;
      for (let trial = 0; trial < TRIALS; trial++) {
        // The team is left empty, its AoR handed up to the Area, then planned back in.
        const [aor, team] = [`aor-${trial}`, `team-${trial}`];
        expect((await t.gql(MOVE, { input: { slug: aor, unit: 'area' } })).errors).toBeUndefined();
        const answers = await Promise.all([
          t.gql(MOVE, { input: { slug: aor, unit: team, on: addDays(TODAY, 30) } }),
          t.gql(ARCHIVE, { input: { slug: team, on: addDays(TODAY, 20) } }),
        ]);
        for (const answer of answers) expect(answer.errors).toBeUndefined();
      }
      const db = t.database.db;
      const [units, rows] = await Promise.all([
        db.select().from(unitTable),
        db.select().from(aorUnitTable),
      ]);
      const archivedOn = new Map(units.map((u) => [u.id, u.archivedOn]));
      const inUnitGone = rows.filter((row) => {
        const gone = archivedOn.get(row.unitId);
        return ever(row) && gone != null && (row.endedOn === null || row.endedOn >= gone);
      });
      expect(inUnitGone).toEqual([]);
      // Each trial's first write won: the move planned, or the team archived.
      const planned = rows.filter((row) => row.startedOn === addDays(TODAY, 30)).length;
      expect(planned + units.filter((u) => u.archivedOn !== null).length).toBe(TRIALS);
    });
  },
);
