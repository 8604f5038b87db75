import { describe, expect, it } from 'vitest';
import { TODAY } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { expectRefusedAll, expectWritten } from '../helpers/writes.js';

const CREATE = `mutation ($input: CreatePersonInput!) {
  createPerson(input: $input) {
    person { email name title level startedOn manager { email } }
    userErrors { path message code }
  }
}`;
const UPDATE = `mutation ($input: UpdatePersonInput!) {
  updatePerson(input: $input) {
    person { email name title level startedOn }
    userErrors { path message code }
  }
}`;
const SET_MANAGER = `mutation ($input: SetManagerInput!) {
  setManager(input: $input) {
    person { email manager { email } }
    userErrors { path message code }
  }
}`;
const SET_TEAM = `mutation ($input: SetTeamInput!) {
  setTeam(input: $input) {
    person { email }
    team { slug }
    membership { team { slug } startedOn endedOn }
    ended { team { slug } person { email } startedOn endedOn }
    userErrors { path message code }
  }
}`;
const DEPART = `mutation ($input: RecordDepartureInput!) {
  recordDeparture(input: $input) {
    person { email departedOn } replacedDepartedOn
    endedSeats { unit { slug } seat startedOn endedOn }
    endedMemberships { team { slug } endedOn }
    endedAorOwnerships { aor { slug } role endedOn }
    endedCandidacies { unit { slug } seat endedOn }
    orphanedReports { email }
    userErrors { path message code }
  }
}`;
const ASSIGN = `mutation ($input: AssignSeatInput!) {
  assignSeat(input: $input) { userErrors { path code } }
}`;
/** Mia's direct reports, by name. */
const REPORTS = [
  { email: 'ivo@example.com' },
  { email: 'jo@example.com' },
  { email: 'kai@example.com' },
];

const person = (email: string, name: string, extra: Record<string, unknown> = {}) => ({
  email,
  name,
  ...extra,
});

const ORG = {
  people: [
    person('boss@example.com', 'Boss', { startedOn: '2020-01-01' }),
    person('mia@example.com', 'Mia', { manager: 'boss@example.com', startedOn: '2021-01-01' }),
    person('ivo@example.com', 'Ivo', { manager: 'mia@example.com' }),
    person('jo@example.com', 'Jo', { manager: 'mia@example.com' }),
    person('kai@example.com', 'Kai', { manager: 'mia@example.com' }),
    person('lu@example.com', 'Lu'),
  ],
  units: [
    {
      slug: 'core',
      name: 'Core',
      layer: 'PILLAR',
      engLead: { person: 'boss@example.com', since: '2024-01-01' },
    },
    { slug: 'infra', name: 'Infra', layer: 'AREA', parent: 'core' },
    {
      slug: 'db',
      name: 'Databases',
      layer: 'TEAM',
      parent: 'infra',
      engLead: { person: 'mia@example.com', since: '2024-01-01' },
      techLead: { person: 'ivo@example.com', since: '2024-01-01' },
      members: ['ivo@example.com', 'jo@example.com'],
    },
    {
      slug: 'cache',
      name: 'Cache',
      layer: 'TEAM',
      parent: 'infra',
      engLead: { person: 'mia@example.com', since: '2024-01-01' },
      members: ['kai@example.com'],
    },
  ],
  aors: [
    {
      slug: 'pg',
      name: 'PostgreSQL',
      unit: 'db',
      owner: 'mia@example.com',
      backups: ['ivo@example.com'],
    },
    {
      slug: 'redis',
      name: 'Redis',
      unit: 'cache',
      owner: 'kai@example.com',
      backups: ['mia@example.com'],
    },
  ],
  succession: [
    { unit: 'infra', seat: 'ENG_LEAD', candidate: 'mia@example.com', readiness: 'READY_SOON' },
    { unit: 'db', seat: 'ENG_LEAD', candidate: 'ivo@example.com', readiness: 'READY_NOW' },
  ],
};

const t = useTestOrg(ORG);

/** Gives Mia a Tech Lead seat planned to start later and a team, before she leaves. */
async function giveMiaMore() {
  await expectWritten(t, ASSIGN, {
    unit: 'infra',
    seat: 'TECH_LEAD',
    person: 'mia@example.com',
    startedOn: '2027-01-01',
  });
  await expectWritten(t, SET_TEAM, { email: 'mia@example.com', team: 'db' });
}

describe('createPerson', () => {
  it('adds a person with a lower-cased email and a manager found in any case', async () => {
    const { createPerson } = await t.data(CREATE, {
      input: {
        email: 'Nia.New@Example.com',
        name: 'Nia',
        title: 'Engineer',
        level: 'L4',
        manager: 'MIA@example.com',
        startedOn: '2026-11-01',
      },
    });
    expect(createPerson).toEqual({
      person: {
        email: 'nia.new@example.com',
        name: 'Nia',
        title: 'Engineer',
        level: 'L4',
        startedOn: '2026-11-01',
        manager: { email: 'mia@example.com' },
      },
      userErrors: [],
    });
    const { person } = await t.data('{ person(email: "NIA.NEW@example.com") { name } }');
    expect(person).toEqual({ name: 'Nia' });
  });

  it('names every bad field and writes nothing', async () => {
    await expectRefusedAll(t, CREATE, [
      [{ email: 'IVO@EXAMPLE.COM', name: 'Twin' }, 'input.email', 'CONFLICT'],
      [{ email: 'not-an-email', name: 'X' }, 'input.email', 'VALIDATION'],
      [{ email: 'x@example.com', name: ' ' }, 'input.name', 'VALIDATION'],
      [
        { email: 'x@example.com', name: 'X', manager: 'who@example.com' },
        'input.manager',
        'NOT_FOUND',
      ],
      [{ email: 'x@example.com', name: 'X', title: 't'.repeat(201) }, 'input.title', 'VALIDATION'],
    ]);
  });
});

describe('updatePerson', () => {
  it('changes the fields given and clears those set to null', async () => {
    await expectWritten(t, CREATE, {
      email: 'nia.new@example.com',
      name: 'Nia',
      startedOn: '2026-11-01',
    });
    const changed = await t.data(UPDATE, {
      input: { email: 'Nia.New@example.com', title: 'Senior Engineer', level: 'L5' },
    });
    expect(changed.updatePerson).toEqual({
      person: {
        email: 'nia.new@example.com',
        name: 'Nia',
        title: 'Senior Engineer',
        level: 'L5',
        startedOn: '2026-11-01',
      },
      userErrors: [],
    });
    const cleared = await t.data(UPDATE, {
      input: { email: 'nia.new@example.com', title: null, startedOn: null, name: 'Nia Ray' },
    });
    expect(cleared.updatePerson.person).toEqual({
      email: 'nia.new@example.com',
      name: 'Nia Ray',
      title: null,
      level: 'L5',
      startedOn: null,
    });
  });

  it('refuses an unknown person and a null name', async () => {
    await expectRefusedAll(t, UPDATE, [
      [{ email: 'who@example.com', name: 'X' }, 'input.email', 'NOT_FOUND'],
      [{ email: 'lu@example.com', name: null }, 'input.name', 'VALIDATION'],
    ]);
  });
});

describe('setManager', () => {
  it('sets and clears a manager', async () => {
    const set = await t.data(SET_MANAGER, {
      input: { email: 'LU@example.com', manager: 'jo@example.com' },
    });
    expect(set.setManager).toEqual({
      person: { email: 'lu@example.com', manager: { email: 'jo@example.com' } },
      userErrors: [],
    });
    const { person } = await t.data(
      '{ person(email: "jo@example.com") { directReports { email } } }',
    );
    expect(person.directReports).toEqual([{ email: 'lu@example.com' }]);
    const cleared = await t.data(SET_MANAGER, {
      input: { email: 'lu@example.com', manager: null },
    });
    expect(cleared.setManager.person).toEqual({ email: 'lu@example.com', manager: null });
  });

  it('refuses cycles, self-management and unknown people, writing nothing', async () => {
    // boss → mia → jo: making jo boss's manager closes a loop.
    await expectRefusedAll(t, SET_MANAGER, [
      [{ email: 'boss@example.com', manager: 'jo@example.com' }, 'input.manager', 'CYCLE'],
      [{ email: 'boss@example.com', manager: 'mia@example.com' }, 'input.manager', 'CYCLE'],
      [{ email: 'mia@example.com', manager: 'MIA@example.com' }, 'input.manager', 'CYCLE'],
      [{ email: 'mia@example.com', manager: 'who@example.com' }, 'input.manager', 'NOT_FOUND'],
      [{ email: 'who@example.com', manager: null }, 'input.email', 'NOT_FOUND'],
      [{ email: 'mia@example.com' }, 'input.manager', 'VALIDATION'],
    ]);
    const { setManager } = await t.data(SET_MANAGER, {
      input: { email: 'boss@example.com', manager: 'jo@example.com' },
    });
    expect(setManager.userErrors[0].message).toBe(
      'management cycle: "boss@example.com" → "jo@example.com" → "mia@example.com" → "boss@example.com"',
    );
  });
});

describe('setTeam', () => {
  it('ends the current membership the day before and starts the new one', async () => {
    const { setTeam } = await t.data(SET_TEAM, {
      input: { email: 'JO@example.com', team: 'cache' },
    });
    expect(setTeam).toEqual({
      person: { email: 'jo@example.com' },
      team: { slug: 'cache' },
      membership: { team: { slug: 'cache' }, startedOn: TODAY, endedOn: null },
      ended: {
        team: { slug: 'db' },
        person: { email: 'jo@example.com' },
        startedOn: TODAY,
        endedOn: '2026-11-22',
      },
      userErrors: [],
    });
    const { person, db } = await t.data(`{
      person(email: "jo@example.com") { team { slug } }
      db: unit(slug: "db") { members { email } }
    }`);
    expect(person.team).toEqual({ slug: 'cache' });
    expect(db.members).toEqual([{ email: 'ivo@example.com' }]);
  });

  it('keeps the history: an earlier day still shows the old team', async () => {
    const { setTeam } = await t.data(SET_TEAM, {
      input: { email: 'kai@example.com', team: 'db', on: '2026-12-01' },
    });
    expect(setTeam.ended).toMatchObject({ team: { slug: 'cache' }, endedOn: '2026-11-30' });
    const { cache } = await t.data(`{ cache: unit(slug: "cache") {
      now: coverage { engineerCount }
      december: coverage(asOf: "2026-12-01") { engineerCount }
    } }`);
    expect(cache).toEqual({ now: { engineerCount: 1 }, december: { engineerCount: 0 } });
  });

  it('takes a person off their team with team: null', async () => {
    const setTeam = await expectWritten(t, SET_TEAM, { email: 'jo@example.com', team: null });
    expect(setTeam.team).toBeNull();
    expect(setTeam.ended).toMatchObject({ team: { slug: 'db' }, endedOn: '2026-11-22' });
    const { person } = await t.data('{ person(email: "jo@example.com") { team { slug } } }');
    expect(person.team).toBeNull();
  });

  it('names every bad field and writes nothing', async () => {
    await expectWritten(t, SET_TEAM, { email: 'kai@example.com', team: 'db', on: '2026-12-01' });
    await expectRefusedAll(t, SET_TEAM, [
      // Lu is on no team: there is none to take her off.
      [{ email: 'lu@example.com', team: null }, 'input.team', 'NOT_FOUND'],
      [{ email: 'jo@example.com', team: 'infra' }, 'input.team', 'INVALID_HIERARCHY'],
      [{ email: 'jo@example.com', team: 'nope' }, 'input.team', 'NOT_FOUND'],
      [{ email: 'who@example.com', team: 'db' }, 'input.email', 'NOT_FOUND'],
      [{ email: 'jo@example.com' }, 'input.team', 'VALIDATION'],
      // Kai's move to db starts on 2026-12-01: a change cannot start before it.
      [{ email: 'kai@example.com', team: 'cache', on: '2026-11-25' }, 'input.on', 'VALIDATION'],
      // Nor to db itself: from 2026-11-25 he is not on it yet, so it is not "already so".
      [{ email: 'kai@example.com', team: 'db', on: '2026-11-25' }, 'input.on', 'VALIDATION'],
    ]);
  });
});

describe('recordDeparture', () => {
  it('ends seats, AoR ownerships, candidacies and membership in one go', async () => {
    // Mia's seat planned to start later ends before it ever starts.
    await giveMiaMore();
    const impact = await t.data(`{ departureImpact(email: "mia@example.com") {
      vacatedSeats { unit { slug } seat } unownedAors { slug } orphanedReports { email }
    } }`);
    expect(impact.departureImpact.vacatedSeats).toHaveLength(2);
    expect(impact.departureImpact.unownedAors).toEqual([{ slug: 'pg' }]);

    const before = await t.changeCount();
    const { recordDeparture } = await t.data(DEPART, { input: { email: 'Mia@Example.com' } });
    expect(recordDeparture).toEqual({
      person: { email: 'mia@example.com', departedOn: TODAY },
      replacedDepartedOn: null,
      endedSeats: [
        { unit: { slug: 'db' }, seat: 'ENG_LEAD', startedOn: '2024-01-01', endedOn: '2026-11-22' },
        {
          unit: { slug: 'cache' },
          seat: 'ENG_LEAD',
          startedOn: '2024-01-01',
          endedOn: '2026-11-22',
        },
        {
          unit: { slug: 'infra' },
          seat: 'TECH_LEAD',
          startedOn: '2027-01-01',
          endedOn: '2026-12-31',
        },
      ].sort((a, b) => a.startedOn.localeCompare(b.startedOn)),
      endedMemberships: [{ team: { slug: 'db' }, endedOn: '2026-11-22' }],
      endedAorOwnerships: [
        { aor: { slug: 'pg' }, role: 'PRIMARY', endedOn: '2026-11-22' },
        { aor: { slug: 'redis' }, role: 'BACKUP', endedOn: '2026-11-22' },
      ],
      endedCandidacies: [{ unit: { slug: 'infra' }, seat: 'ENG_LEAD', endedOn: '2026-11-22' }],
      orphanedReports: REPORTS,
      userErrors: [],
    });
    // One audit row per record the departure changed, each naming the person by email.
    const { changes } = await t.data(`{ changes(person: "mia@example.com", first: 20) {
      totalCount nodes { operation after }
    } }`);
    const departure = changes.nodes.filter((c: any) => c.operation === 'recordDeparture');
    expect(departure).toHaveLength(8);
    expect(await t.changeCount()).toBe(before + 8);
    expect(departure.map((c: any) => c.after.person ?? c.after.email)).toEqual(
      Array(8).fill('mia@example.com'),
    );
  });

  it('leaves the org without them today, and as it was before', async () => {
    await giveMiaMore();
    await expectWritten(t, DEPART, { email: 'mia@example.com' });
    const { db, cache, mia, impact, yesterday } = await t.data(`{
      db: unit(slug: "db") { engLead { email } members { email } aors { primaryOwner { email } } }
      cache: unit(slug: "cache") { engLead { email } aors { backupOwners { email } } }
      mia: person(email: "mia@example.com") {
        departedOn seats { seat } team { slug } aors { aor { slug } } candidacies { seat }
        seatHistory { unit { slug } endedOn }
        directReports { email }
      }
      impact: departureImpact(email: "mia@example.com") {
        vacatedSeats { seat } unownedAors { slug } aorsWithoutBackup { slug }
        orphanedReports { email } newFindings { kind } resolvedFindings { kind }
      }
      yesterday: unit(slug: "db") { coverage(asOf: "2026-11-22") { engLead { holder { email } } } }
    }`);
    expect(db).toEqual({
      engLead: null,
      members: [{ email: 'ivo@example.com' }, { email: 'jo@example.com' }],
      aors: [{ primaryOwner: null }],
    });
    expect(cache).toEqual({ engLead: null, aors: [{ backupOwners: [] }] });
    expect(mia).toMatchObject({
      departedOn: TODAY,
      seats: [],
      team: null,
      aors: [],
      candidacies: [],
    });
    expect(mia.seatHistory).toHaveLength(3);
    // Reporting lines have no history: the reports keep her as manager until reassigned.
    expect(mia.directReports).toEqual(REPORTS);
    // Gone already, leaving changes nothing: no one more is left without a manager.
    expect(impact).toEqual({
      vacatedSeats: [],
      unownedAors: [],
      aorsWithoutBackup: [],
      orphanedReports: [],
      newFindings: [],
      resolvedFindings: [],
    });
    expect(yesterday.coverage.engLead.holder).toEqual({ email: 'mia@example.com' });
  });

  it('refuses a second departure and anything else about a departed person', async () => {
    await expectWritten(t, DEPART, { email: 'mia@example.com' });
    await expectRefusedAll(t, DEPART, [
      [{ email: 'MIA@example.com' }, 'input.email', 'CONFLICT'],
      [{ email: 'who@example.com' }, 'input.email', 'NOT_FOUND'],
      [{ email: 'boss@example.com', on: '2019-12-31' }, 'input.on', 'VALIDATION'],
    ]);
    await expectRefusedAll(t, SET_TEAM, [
      [{ email: 'mia@example.com', team: 'db' }, 'input.email', 'CONFLICT'],
    ]);
    await expectRefusedAll(t, SET_MANAGER, [
      [{ email: 'ivo@example.com', manager: 'mia@example.com' }, 'input.manager', 'CONFLICT'],
    ]);
  });

  it('records a departure planned for a later day: in force until then', async () => {
    const recordDeparture = await expectWritten(t, DEPART, {
      email: 'ivo@example.com',
      on: '2027-01-01',
    });
    expect(recordDeparture.endedSeats).toEqual([
      { unit: { slug: 'db' }, seat: 'TECH_LEAD', startedOn: '2024-01-01', endedOn: '2026-12-31' },
    ]);
    const { db } = await t.data(`{ db: unit(slug: "db") {
      techLead { email }
      january: coverage(asOf: "2027-01-01") { techLead { holder { email } } }
    } }`);
    expect(db.techLead).toEqual({ email: 'ivo@example.com' });
    expect(db.january.techLead.holder).toBeNull();
  });

  it('brings forward a departure recorded for a later day; a later day is refused', async () => {
    await expectWritten(t, DEPART, { email: 'ivo@example.com', on: '2027-03-01' });
    await expectRefusedAll(t, DEPART, [
      [{ email: 'ivo@example.com', on: '2027-03-01' }, 'input.email', 'CONFLICT'],
      [{ email: 'ivo@example.com', on: '2027-04-01' }, 'input.email', 'CONFLICT'],
    ]);
    const sooner = await expectWritten(t, DEPART, { email: 'ivo@example.com', on: '2027-01-01' });
    expect(sooner.person).toEqual({ email: 'ivo@example.com', departedOn: '2027-01-01' });
    expect(sooner.replacedDepartedOn).toBe('2027-03-01');
    expect(sooner.endedSeats).toEqual([
      { unit: { slug: 'db' }, seat: 'TECH_LEAD', startedOn: '2024-01-01', endedOn: '2026-12-31' },
    ]);
    const { db } = await t.data(`{ db: unit(slug: "db") {
      december: coverage(asOf: "2026-12-31") { techLead { holder { email } } }
      january: coverage(asOf: "2027-01-01") { techLead { holder { email } } }
    } }`);
    expect(db.december.techLead.holder).toEqual({ email: 'ivo@example.com' });
    expect(db.january.techLead.holder).toBeNull();
  });

  it('needs the ADMIN role', async () => {
    const { createApiToken } = await t.data(
      'mutation { createApiToken(input: { name: "planner", role: PLANNER }) { token } }',
    );
    const result = await t.gql(
      DEPART,
      { input: { email: 'jo@example.com' } },
      {
        token: createApiToken.token,
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { person } = await t.data('{ person(email: "jo@example.com") { departedOn } }');
    expect(person.departedOn).toBeNull();
  });
});
