import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { generateOrg } from '../../src/demo/generate.js';
import { importOrgDocument } from '../../src/orgdoc/import.js';
import { parseOrgFile } from '../../src/orgdoc/parse.js';
import { useTestDatabase } from './database.js';
import { rows, specDocument, TODAY, tableCounts } from './fixtures.js';

const t = useTestDatabase();
const importDoc = (doc: unknown, today = TODAY) => importOrgDocument(t.database.db, doc, { today });

const storage = { slug: 'storage', name: 'Storage', layer: 'TEAM', parent: 'infra' };

async function seatHistory(slug: string, seat: string) {
  return rows<{ email: string; started_on: string; ended_on: string | null; acting: boolean }>(
    t.database.db,
    sql`select p.email, s.started_on::text, s.ended_on::text, s.acting from seat_assignment s
        join person p on p.id = s.person_id join unit u on u.id = s.unit_id
        where u.slug = ${slug} and s.seat = ${seat} order by s.started_on, s.id`,
  );
}

async function memberships(email: string) {
  return rows<{ slug: string; started_on: string; ended_on: string | null }>(
    t.database.db,
    sql`select u.slug, m.started_on::text, m.ended_on::text from team_membership m
        join person p on p.id = m.person_id join unit u on u.id = m.unit_id
        where p.email = ${email} order by m.id`,
  );
}

describe('importOrgDocument', () => {
  test('takes YAML as people write it: text that looks like a number as written, merge keys', async () => {
    const yaml = [
      'people:',
      '  - &engineer { email: ana@example.com, name: Ana Ruiz, title: Engineer, level: 05 }',
      '  - { <<: *engineer, email: bo@example.com, name: 2024 }',
      'units:',
      '  - { slug: 2024, name: 007, layer: PILLAR }',
      '  - { slug: a-2024, name: A, layer: AREA, parent: 2024 }',
    ].join('\n');
    const result = await importDoc(parseOrgFile(yaml, 'org.yaml'));
    expect(result.userErrors).toEqual([]);
    const people = await rows<{ email: string; name: string; title: string; level: string }>(
      t.database.db,
      sql`select email, name, title, level from person order by email`,
    );
    expect(people).toEqual([
      { email: 'ana@example.com', name: 'Ana Ruiz', title: 'Engineer', level: '05' },
      { email: 'bo@example.com', name: '2024', title: 'Engineer', level: '05' },
    ]);
    const units = await rows<{ slug: string; name: string }>(
      t.database.db,
      sql`select slug, name from unit order by slug`,
    );
    expect(units).toEqual([
      { slug: '2024', name: '007' },
      { slug: 'a-2024', name: 'A' },
    ]);
  });

  test('a valid document creates everything', async () => {
    const result = await importDoc(specDocument());
    expect(result.userErrors).toEqual([]);
    expect(result.created).toEqual({
      people: 5,
      units: 3,
      seatAssignments: 4,
      memberships: 2,
      aors: 1,
      aorOwnerships: 2,
      candidates: 1,
      openRoles: 1,
      policies: 0,
    });
    expect(await tableCounts(t.database.db)).toEqual({
      person: 5,
      unit: 3,
      seat_assignment: 4,
      team_membership: 2,
      aor: 1,
      aor_ownership: 2,
      succession_candidate: 1,
      open_role: 1,
    });
    const managers = await rows<{ email: string; manager: string | null }>(
      t.database.db,
      sql`select p.email, m.email as manager from person p left join person m on m.id = p.manager_id order by p.email`,
    );
    expect(managers).toContainEqual({ email: 'dee@example.com', manager: 'ana@example.com' });
    expect(await seatHistory('storage', 'TECH_LEAD')).toEqual([
      { email: 'dee@example.com', started_on: TODAY, ended_on: null, acting: false },
    ]);
  });

  test('importing the same document twice changes nothing', async () => {
    await importDoc(specDocument());
    const before = await tableCounts(t.database.db);
    const again = await importDoc(specDocument(), '2026-12-24');
    expect(again.created).toEqual(zero());
    expect(again.updated).toEqual(zero());
    expect(again.unchanged).toEqual({
      people: 5,
      units: 3,
      seatAssignments: 4,
      memberships: 2,
      aors: 1,
      aorOwnerships: 2,
      candidates: 1,
      openRoles: 1,
      policies: 0,
    });
    expect(await tableCounts(t.database.db)).toEqual(before);
  });

  test('twice changes nothing for people whose departure is still to come', async () => {
    // Every one of them holds something: seats, a team, AoR ownerships, a candidacy.
    const leaving = specDocument();
    for (const person of leaving.people ?? []) person.departedOn = '2027-03-01';
    await importDoc(leaving);
    const before = await tableCounts(t.database.db);
    const again = await importDoc(leaving, '2026-12-24');
    expect(again.userErrors).toEqual([]);
    expect(again.created).toEqual(zero());
    expect(again.updated).toEqual(zero());
    expect(await tableCounts(t.database.db)).toEqual(before);
  });

  test('a holder gone before the import day is refused the first time as on every later one', async () => {
    const gone = specDocument();
    const dee = gone.people?.find((p) => p.email === 'dee@example.com');
    if (dee) dee.departedOn = '2026-01-01';
    const first = await importDoc(gone);
    expect(first.userErrors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['units[2].techLead', 'units[2].members[0]']),
    );
    expect(await tableCounts(t.database.db)).toMatchObject({ person: 0, unit: 0 });
  });

  /** A pillar led from `since` by someone who departs on `departedOn`. */
  const ledByLeaver = (departedOn: string, since: string) => ({
    people: [{ email: 'lee@example.com', name: 'Lee', departedOn }],
    units: [
      { slug: 'lab', name: 'Lab', layer: 'PILLAR', engLead: { person: 'lee@example.com', since } },
    ],
  });
  const leaverRefused = (departedOn: string) => [
    {
      path: 'units[0].engLead.person',
      message: `person "lee@example.com" departed on ${departedOn}`,
      code: 'CONFLICT',
    },
  ];

  test('a holder gone before the import day is refused with a since before they left too', async () => {
    // Written the first time (held until they left) and refused the second: "an end is
    // recorded for …": a document states who holds the seat on its day.
    for (const day of [TODAY, '2026-12-24']) {
      const { userErrors } = await importDoc(ledByLeaver('2025-01-01', '2024-06-01'), day);
      expect(userErrors).toEqual(leaverRefused('2025-01-01'));
    }
    expect(await tableCounts(t.database.db)).toMatchObject({ person: 0, unit: 0 });
  });

  test('a seat from the holder’s departure to come, or later, is refused the first time too', async () => {
    // It was written as a withdrawn row (the departure, recorded last, ended it before it began)
    // and counted as created; importing the same file again was refused.
    for (const since of ['2027-06-06', '2027-05-27']) {
      const first = await importDoc(ledByLeaver('2027-05-27', since));
      expect(first.userErrors).toEqual(leaverRefused('2027-05-27'));
      expect(await tableCounts(t.database.db)).toMatchObject({ person: 0, unit: 0 });
    }
  });

  test('a manager gone by the import day is refused the first time too; a leaver’s manager is no fact of it', async () => {
    // Imported once (the line withdrawn by the departure recorded after it), the same file was
    // refused the next time: for the report of a departed manager, and for the leaver (an HR
    // export's leaver row with its manager_email) whose manager it named.
    const people = [
      { email: 'boss@example.com', name: 'Boss' },
      {
        email: 'left@example.com',
        name: 'Left',
        departedOn: '2026-01-01',
        manager: 'boss@example.com',
      },
      { email: 'gone@example.com', name: 'Gone', departedOn: TODAY },
    ];
    const lu = { email: 'lu@example.com', name: 'Lu', manager: 'gone@example.com' };
    const refused = await importDoc({ people: [...people, lu] });
    expect(refused.userErrors).toEqual([
      {
        path: 'people[3].manager',
        message: `person "gone@example.com" departed on ${TODAY}`,
        code: 'CONFLICT',
      },
    ]);
    expect(await tableCounts(t.database.db)).toMatchObject({ person: 0 });
    for (let time = 0; time < 2; time++) {
      const imported = await importDoc({ people });
      expect(imported.userErrors).toEqual([]);
      expect(imported.created.people).toBe(time === 0 ? 3 : 0);
    }
  });

  test('a new Tech Lead ends the old assignment, keeps it as history and ends their candidacy', async () => {
    await importDoc(specDocument());
    const result = await importDoc({
      units: [{ ...storage, techLead: { person: 'eli@example.com', since: '2026-11-01' } }],
    });
    expect(result.userErrors).toEqual([]);
    expect(result.created.seatAssignments).toBe(1);
    expect(result.updated.seatAssignments).toBe(1);
    expect(result.updated.candidates).toBe(1);
    expect(await seatHistory('storage', 'TECH_LEAD')).toEqual([
      { email: 'dee@example.com', started_on: TODAY, ended_on: '2026-10-31', acting: false },
      { email: 'eli@example.com', started_on: '2026-11-01', ended_on: null, acting: false },
    ]);
    const [candidacy] = await rows<{ ended_on: string }>(
      t.database.db,
      sql`select ended_on::text from succession_candidate`,
    );
    expect(candidacy?.ended_on).toBe('2026-10-31');
  });

  test('a planned holder stated again is so on its day, whatever is planned after them', async () => {
    await importDoc(specDocument());
    const lead = (person: string, since: string) => ({
      units: [{ ...storage, techLead: { person, since } }],
    });
    expect((await importDoc(lead('eli@example.com', '2027-01-10'))).userErrors).toEqual([]);
    expect((await importDoc(lead('ana@example.com', '2027-01-13'))).userErrors).toEqual([]);
    const planned = await seatHistory('storage', 'TECH_LEAD');
    // Eli holds the seat on 2027-01-12 (from the 10th): so, as a holder of today is so
    // whatever is planned for them; Ana's holding from the 13th is left as it was.
    const again = await importDoc(lead('eli@example.com', '2027-01-12'));
    expect(again.userErrors).toEqual([]);
    expect(again.updated).toEqual(zero());
    expect(again.unchanged.seatAssignments).toBe(1);
    expect(await seatHistory('storage', 'TECH_LEAD')).toEqual(planned);
    // Stated from a day she does not hold it, it is a change: from the 14th, Ana's plan after.
    const later = await importDoc(lead('eli@example.com', '2027-01-14'));
    expect(later.userErrors).toEqual([]);
    expect((await seatHistory('storage', 'TECH_LEAD')).slice(-2)).toMatchObject([
      { email: 'ana@example.com', started_on: '2027-01-13', ended_on: '2027-01-13' },
      { email: 'eli@example.com', started_on: '2027-01-14', ended_on: null },
    ]);
  });

  test('an acting flag change updates the current assignment in place', async () => {
    await importDoc(specDocument());
    const result = await importDoc({
      units: [{ ...storage, engLead: { person: 'ana@example.com', acting: true } }],
    });
    expect(result.updated.seatAssignments).toBe(1);
    expect(await seatHistory('storage', 'ENG_LEAD')).toEqual([
      { email: 'ana@example.com', started_on: TODAY, ended_on: null, acting: true },
    ]);
  });

  test('listing a person under another team moves them', async () => {
    await importDoc(specDocument());
    const compute = {
      slug: 'compute',
      name: 'Compute',
      layer: 'TEAM',
      parent: 'infra',
      members: ['eli@example.com'],
    };
    const result = await importDoc({ units: [compute] }, '2026-10-05');
    expect(result.created.memberships).toBe(1);
    expect(result.updated.memberships).toBe(1);
    expect(await memberships('eli@example.com')).toEqual([
      { slug: 'storage', started_on: TODAY, ended_on: '2026-10-04' },
      { slug: 'compute', started_on: '2026-10-05', ended_on: null },
    ]);
    // Dee is not mentioned: she stays in Storage.
    expect(await memberships('dee@example.com')).toEqual([
      { slug: 'storage', started_on: TODAY, ended_on: null },
    ]);
  });

  test('a same-day move ends the old membership the day before it began: never in force', async () => {
    await importDoc(specDocument());
    await importDoc({
      units: [
        {
          slug: 'compute',
          name: 'Compute',
          layer: 'TEAM',
          parent: 'infra',
          members: ['eli@example.com'],
        },
      ],
    });
    expect(await memberships('eli@example.com')).toEqual([
      { slug: 'storage', started_on: TODAY, ended_on: '2026-09-30' },
      { slug: 'compute', started_on: TODAY, ended_on: null },
    ]);
  });

  test('a new AoR owner ends the old primary and a promoted backup row', async () => {
    await importDoc(specDocument());
    const aor = {
      slug: 'blob-store',
      name: 'Blob store',
      unit: 'storage',
      owner: 'eli@example.com',
      backups: ['dee@example.com'],
    };
    const result = await importDoc({ aors: [aor] }, '2026-10-10');
    expect(result.updated.aorOwnerships).toBe(2);
    expect(result.created.aorOwnerships).toBe(2);
    const owners = await rows<{ email: string; role: string; ended_on: string | null }>(
      t.database.db,
      sql`select p.email, o.role, o.ended_on::text from aor_ownership o join person p on p.id = o.person_id order by o.id`,
    );
    expect(owners).toEqual([
      { email: 'dee@example.com', role: 'PRIMARY', ended_on: '2026-10-09' },
      { email: 'eli@example.com', role: 'BACKUP', ended_on: '2026-10-09' },
      { email: 'eli@example.com', role: 'PRIMARY', ended_on: null },
      { email: 'dee@example.com', role: 'BACKUP', ended_on: null },
    ]);
    // Criticality stays HIGH: a left-out field keeps the stored value.
    expect(await rows(t.database.db, sql`select criticality from aor`)).toEqual([
      { criticality: 'HIGH' },
    ]);
  });

  test('candidates update readiness and notes in place; a new AoR defaults to MEDIUM', async () => {
    await importDoc(specDocument());
    const result = await importDoc({
      aors: [{ slug: 'backups', name: 'Backups', unit: 'storage' }],
      succession: [
        {
          unit: 'storage',
          seat: 'TECH_LEAD',
          candidate: 'eli@example.com',
          readiness: 'READY_NOW',
          notes: 'ran the migration',
        },
      ],
    });
    expect(result.updated.candidates).toBe(1);
    expect(
      await rows(t.database.db, sql`select readiness, notes, ended_on from succession_candidate`),
    ).toEqual([{ readiness: 'READY_NOW', notes: 'ran the migration', ended_on: null }]);
    expect(
      await rows(t.database.db, sql`select criticality from aor where slug = 'backups'`),
    ).toEqual([{ criticality: 'MEDIUM' }]);
  });

  test('ENGINEER roles: each entry matches its own role, a closed one and an open one', async () => {
    await importDoc(specDocument());
    const engineer = (status: string) => ({ unit: 'storage', seat: 'ENGINEER', status });
    await importDoc({ openRoles: [engineer('OPEN'), engineer('OPEN')] });
    await importDoc({ openRoles: [engineer('CANCELLED')] }, '2026-11-30');
    const again = await importDoc(
      { openRoles: [engineer('CANCELLED'), engineer('OPEN')] },
      '2026-12-01',
    );
    expect(again.userErrors).toEqual([]);
    expect(again.created.openRoles).toBe(0);
    expect(again.unchanged.openRoles).toBe(2);
  });

  test('an AoR entry with one owner already so: the others checked as written, at their index', async () => {
    await importDoc(specDocument());
    const blob = specDocument().aors?.[0];
    const refused = await importDoc({
      aors: [{ ...blob, backups: ['eli@example.com', 'zed@example.com'] }],
    });
    expect(refused.userErrors).toEqual([
      expect.objectContaining({ path: 'aors[0].backups[1]', code: 'NOT_FOUND' }),
    ]);
    const twice = await importDoc({ aors: [{ ...blob, backups: ['dee@example.com'] }] });
    expect(twice.userErrors).toEqual([
      expect.objectContaining({ path: 'aors[0].backups[0]', code: 'VALIDATION' }),
    ]);
  });

  test('open roles: FILLED closes the open role, a closed role is not reopened twice', async () => {
    await importDoc(specDocument());
    const filled = await importDoc(
      { openRoles: [{ unit: 'infra', seat: 'TECH_LEAD', status: 'FILLED' }] },
      '2026-10-20',
    );
    expect(filled.updated.openRoles).toBe(1);
    const reopened = await importDoc(
      { openRoles: [{ unit: 'infra', seat: 'TECH_LEAD' }] },
      '2026-10-21',
    );
    expect(reopened.created.openRoles).toBe(1);
    const again = await importDoc(
      { openRoles: [{ unit: 'infra', seat: 'TECH_LEAD' }] },
      '2026-10-22',
    );
    expect(again.unchanged.openRoles).toBe(1);
    expect(
      await rows(
        t.database.db,
        sql`select status, opened_on::text, closed_on::text from open_role order by id`,
      ),
    ).toEqual([
      { status: 'FILLED', opened_on: '2026-09-01', closed_on: '2026-10-20' },
      { status: 'OPEN', opened_on: '2026-10-21', closed_on: null },
    ]);
  });

  test.each([
    [['FILLED', 'OPEN']],
    [['CANCELLED', 'FILLED']],
    [['OPEN', 'FILLED', 'CANCELLED', 'OPEN']],
  ])(
    'open roles: a seat’s roles listed oldest first (%j) import once, again changing nothing',
    async (statuses) => {
      // A FILLED entry before an OPEN one filled the OPEN one's role: the same document then
      // opened and filled one more role at each import, or (CANCELLED, FILLED) was refused.
      await importDoc(specDocument());
      const doc = {
        openRoles: statuses.map((status) => ({ unit: 'storage', seat: 'ENGINEER', status })),
      };
      const first = await importDoc(doc);
      expect(first.userErrors).toEqual([]);
      expect(first.created.openRoles).toBe(statuses.length);
      const stored = sql`select status from open_role where seat = 'ENGINEER' order by id`;
      const after = await rows(t.database.db, stored);
      const dry = await importOrgDocument(t.database.db, doc, { today: TODAY, dryRun: true });
      for (const again of [dry, await importDoc(doc)]) {
        expect(again.userErrors).toEqual([]);
        expect(again.created.openRoles + again.updated.openRoles).toBe(0);
        expect(again.unchanged.openRoles).toBe(statuses.length);
      }
      expect(await rows(t.database.db, stored)).toEqual(after);
      // One entry states the seat's latest role: FILLED fills the one open, as ever.
      const filled = await importDoc({
        openRoles: [{ unit: 'storage', seat: 'ENGINEER', status: 'FILLED' }],
      });
      expect(filled.updated.openRoles).toBe(statuses.at(-1) === 'OPEN' ? 1 : 0);
    },
  );

  test('open roles: an entry naming a filled role by its openedOn does not reopen it', async () => {
    await importDoc(specDocument());
    const role = { unit: 'infra', seat: 'TECH_LEAD', openedOn: '2026-09-01' };
    const filled = await importDoc({ openRoles: [{ ...role, status: 'FILLED' }] }, '2026-10-20');
    expect(filled.userErrors).toEqual([]);
    const refused = await importDoc({ openRoles: [role] }, '2026-10-21');
    expect(refused.userErrors).toEqual([
      {
        path: 'openRoles[0].openedOn',
        message:
          'the TECH_LEAD role of "infra" opened on 2026-09-01 was filled on 2026-10-20; a document does not reopen a closed role (leave out openedOn to open a new one)',
        code: 'CONFLICT',
      },
    ]);
    expect(await rows(t.database.db, sql`select status, closed_on::text from open_role`)).toEqual([
      { status: 'FILLED', closed_on: '2026-10-20' },
    ]);
  });

  test('open roles: a filled role is not made cancelled, nor a cancelled one filled', async () => {
    await importDoc(specDocument());
    const role = { unit: 'infra', seat: 'TECH_LEAD', openedOn: '2026-09-01' };
    expect((await importDoc({ openRoles: [{ ...role, status: 'FILLED' }] })).userErrors).toEqual(
      [],
    );
    const refused = await importDoc({ openRoles: [{ ...role, status: 'CANCELLED' }] });
    expect(refused.userErrors).toEqual([
      expect.objectContaining({ path: 'openRoles[0].status', code: 'CONFLICT' }),
    ]);
    expect(await rows(t.database.db, sql`select status from open_role`)).toEqual([
      { status: 'FILLED' },
    ]);
  });

  test('the import never ends or deletes what the document does not mention', async () => {
    await importDoc(specDocument());
    const before = await tableCounts(t.database.db);
    const result = await importDoc({
      people: [{ email: 'eli@example.com', name: 'Eli Stone-Ray' }],
      units: [{ ...storage, name: 'Storage & Backup' }],
    });
    expect(result.updated).toMatchObject({
      people: 1,
      units: 1,
      seatAssignments: 0,
      memberships: 0,
    });
    expect(await tableCounts(t.database.db)).toEqual(before);
    const open = await rows(
      t.database.db,
      sql`select count(*)::int as n from seat_assignment where ended_on is not null`,
    );
    expect(open).toEqual([{ n: 0 }]);
    // Eli's manager was left out, so it stays.
    expect(
      await rows(
        t.database.db,
        sql`select m.email from person p join person m on m.id = p.manager_id where p.email = 'eli@example.com'`,
      ),
    ).toEqual([{ email: 'ana@example.com' }]);
  });

  test('emails match case-insensitively and new people are stored lower-cased', async () => {
    const doc = specDocument();
    const people = doc.people.map((p) =>
      p.email === 'bo@example.com' ? { ...p, email: 'Bo@Example.COM' } : p,
    );
    await importDoc({ ...doc, people });
    const result = await importDoc({
      people: [{ email: 'BO@example.com', name: 'Bo Lind' }],
      units: [{ slug: 'platform', name: 'Platform', layer: 'PILLAR', engLead: 'bO@example.com' }],
    });
    expect(result.created.people).toBe(0);
    expect(result.unchanged).toMatchObject({ people: 1, seatAssignments: 1 });
    expect(await rows(t.database.db, sql`select email from person where email like 'bo%'`)).toEqual(
      [{ email: 'bo@example.com' }],
    );
  });

  test('the number of statements does not grow with the document', async () => {
    const small = generateOrg({ teams: 10, teamSize: 5, teamsPerArea: 5, areasPerPillar: 1 });
    const large = generateOrg({ teams: 60, teamSize: 7, teamsPerArea: 5, areasPerPillar: 4 });
    expect((await importDoc(small)).userErrors).toEqual([]);
    const forSmall = t.statements.length;
    await t.empty();
    t.statements.length = 0;
    expect((await importDoc(large)).userErrors).toEqual([]);
    expect(t.statements.length).toBe(forSmall);
    expect(forSmall).toBeLessThan(45);
  });
});

function zero() {
  return {
    people: 0,
    units: 0,
    seatAssignments: 0,
    memberships: 0,
    aors: 0,
    aorOwnerships: 0,
    candidates: 0,
    openRoles: 0,
    policies: 0,
  };
}
