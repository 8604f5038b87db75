import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { importOrgDocument } from '../../src/orgdoc/import.js';
import { useTestDatabase } from './database.js';
import { rows, specDocument, TODAY, tableCounts } from './fixtures.js';

const t = useTestDatabase();
const importDoc = (doc: unknown) => importOrgDocument(t.database.db, doc, { today: TODAY });
const problemsOf = async (doc: unknown) =>
  (await importOrgDocument(t.database.db, doc, { today: TODAY, dryRun: true })).userErrors;

const pillar = { slug: 'platform', name: 'Platform', layer: 'PILLAR' };
const area = { slug: 'infra', name: 'Infra', layer: 'AREA', parent: 'platform' };
const team = { slug: 'storage', name: 'Storage', layer: 'TEAM', parent: 'infra' };
const person = (id: string, manager?: string) => ({
  email: `${id}@example.com`,
  name: id,
  ...(manager ? { manager: `${manager}@example.com` } : {}),
});

describe('a bad document', () => {
  test('reports every problem with its path, and nothing is written', async () => {
    const doc = {
      people: [
        { email: 'bo@example.com', name: 'Bo' },
        { email: 'not-an-email', name: 'X' },
        { email: 'cy@example.com' },
        { email: 'BO@example.com', name: 'Bo again' },
        {
          email: 'dee@example.com',
          name: 'Dee',
          startedOn: '2021-02-30',
          manager: 'zed@example.com',
        },
        { email: 'eve@example.com', name: 'Eve', notes: 'not a field: nothing like it' },
      ],
      units: [
        { ...pillar, engLead: 'bo@example.com' },
        { ...area, parent: 'platfrom' },
        { ...team, parent: 'platform', members: ['cy@example.com', 'nobody@example.com'] },
        { slug: 'Bad_Slug', name: 'Bad', layer: 'SQUAD' },
        { ...team, slug: 'compute', techlead: 'bo@example.com' },
        // A reference that names no one is unknown, well-formed or not (SPEC's own `"x@y"`).
        { ...pillar, slug: 'labs', engLead: 'x@y' },
        // Written as an object, its person is told at `.person`, though `acting` is malformed
        // too (the unknown person went unsaid until the day was mended).
        { ...pillar, slug: 'ops', techLead: { person: 'ghost@example.com', acting: 'yes' } },
      ],
      aors: [
        {
          slug: 'blob',
          name: 'Blob',
          unit: 'storage',
          criticality: 'SEVERE',
          owner: 'bo@example.com',
          backups: ['bo@example.com'],
        },
      ],
      succession: [
        { unit: 'nowhere', seat: 'ENG_LEAD', candidate: 'cy@example.com', readiness: 'SOMEDAY' },
      ],
      openRoles: [{ unit: 'storage', seat: 'DESIGNER' }],
      extra: [],
    };
    const result = await importDoc(doc);
    const lines = result.userErrors.map((e) => `${e.code} ${e.path}: ${e.message}`);
    expect(lines.sort()).toEqual(
      [
        'VALIDATION extra: unknown section (expected people, units, aors, succession, openRoles, policy)',
        'VALIDATION people[1].email: malformed email "not-an-email"',
        'VALIDATION people[2].name: is required',
        'CONFLICT people[3].email: duplicate email "bo@example.com" (also people[0])',
        'VALIDATION people[4].startedOn: malformed date "2021-02-30" (expected an existing day, YYYY-MM-DD)',
        'NOT_FOUND people[4].manager: unknown person "zed@example.com"',
        'NOT_FOUND units[1].parent: unknown unit "platfrom"',
        'INVALID_HIERARCHY units[2].parent: parent "platform" is a PILLAR; a TEAM\'s parent must be an AREA',
        'NOT_FOUND units[2].members[1]: unknown person "nobody@example.com"',
        'VALIDATION units[3].slug: malformed slug "Bad_Slug" (lower-case letters, digits and dashes only)',
        'VALIDATION units[3].layer: unknown value "SQUAD" (expected one of PILLAR, AREA, TEAM)',
        // A misspelt field is told what it looks like; one like no field (notes) is not.
        'VALIDATION units[4].techlead: unknown field (techLead?)',
        'VALIDATION people[5].notes: unknown field',
        'NOT_FOUND units[5].engLead: unknown person "x@y"',
        'VALIDATION units[6].techLead.acting: expected boolean, got string "yes"',
        'NOT_FOUND units[6].techLead.person: unknown person "ghost@example.com"',
        'VALIDATION aors[0].criticality: unknown value "SEVERE" (expected one of HIGH, MEDIUM, LOW)',
        // Its criticality bad, the entry's other problems are told too (they were not).
        'VALIDATION aors[0].backups[0]: "bo@example.com" is the owner and cannot also be a backup',
        'NOT_FOUND succession[0].unit: unknown unit "nowhere"',
        'VALIDATION succession[0].readiness: unknown value "SOMEDAY" (expected one of READY_NOW, READY_SOON, READY_LATER)',
        'VALIDATION openRoles[0].seat: unknown value "DESIGNER" (expected one of ENG_LEAD, TECH_LEAD, ENGINEER)',
      ].sort(),
    );
    expect(result.created.people).toBe(0);
    expect(Object.values(await tableCounts(t.database.db)).every((n) => n === 0)).toBe(true);
  });

  test("a field no rule reads, malformed, hides neither the entry's other problems nor its referrers'", async () => {
    // Each was told only once the malformed field was mended: a problem, then three more.
    const people = [person('bo'), person('cy')];
    const lines = async (doc: unknown) =>
      (await problemsOf(doc)).map((e) => `${e.path}: ${e.message}`);
    expect(
      await lines({
        people,
        units: [
          { ...pillar, charter: 7 },
          { ...area, members: ['cy@example.com'] },
          { ...team, parent: 'platform', techlead: 'cy@example.com' },
        ],
        openRoles: [{ unit: 'platform', seat: 'ENGINEER' }],
      }),
    ).toEqual([
      'units[0].charter: expected string, got number 7',
      'units[1].members: only a TEAM has members; "infra" is an AREA',
      'units[2].parent: parent "platform" is a PILLAR; a TEAM\'s parent must be an AREA',
      'units[2].techlead: unknown field (techLead?)',
      'openRoles[0].seat: only a TEAM has engineers; "platform" is a PILLAR',
    ]);
    const aor = { slug: 'a1', name: 'A1', unit: 'platform' };
    expect(
      await lines({
        people,
        units: [pillar],
        aors: [
          {
            ...aor,
            criticality: 'HUGE',
            owner: 'bo@example.com',
            backups: ['cy@example.com', 'cy@example.com'],
          },
          { ...aor, name: 'A1 again' },
        ],
      }),
    ).toEqual([
      'aors[0].criticality: unknown value "HUGE" (expected one of HIGH, MEDIUM, LOW)',
      expect.stringMatching(/^aors\[0\]\.backups\[1\]: /),
      expect.stringMatching(/^aors\[1\]\.slug: duplicate/),
    ]);
  });

  test('one Backstage entity is told as such, not as four unknown sections', async () => {
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'team-a' },
      spec: { type: 'team', children: [] },
    };
    const lines = (await problemsOf(entity)).map((e) => `${e.code} ${e.path}: ${e.message}`);
    expect(lines).toEqual([
      "VALIDATION null: a Backstage entity (kind: Group), not an org document: import a catalog with the CLI's --from backstage",
    ]);
  });

  test('a later valid entry still gets its cross-checks when an earlier one is malformed', async () => {
    const problems = await problemsOf({
      aors: [
        {
          slug: 'a',
          name: 'A',
          unit: 'storage',
          owner: 'x@example.com',
          backups: ['x@example.com'],
        },
      ],
      units: [pillar, area, team],
      people: [person('x')],
    });
    expect(problems).toEqual([
      {
        path: 'aors[0].backups[0]',
        message: '"x@example.com" is the owner and cannot also be a backup',
        code: 'VALIDATION',
      },
    ]);
  });

  test("an entry's first problem does not hide its unknown references", async () => {
    await importDoc(specDocument());
    await t.database.db.execute(sql`update aor set retired_on = '2027-02-01'`);
    const problems = await problemsOf({
      succession: [
        {
          unit: 'nowhere',
          seat: 'ENG_LEAD',
          candidate: 'ghost@example.com',
          readiness: 'READY_NOW',
        },
      ],
      aors: [{ slug: 'blob-store', name: 'Blob', unit: 'nounit', owner: 'ghost@example.com' }],
    });
    // In document order: section, entry, then field as the entry writes them (they were
    // sorted by name: `unit`, written first, came last).
    expect(problems).toEqual([
      {
        path: 'aors[0].slug',
        message: 'AoR "blob-store" is retired from 2027-02-01',
        code: 'CONFLICT',
      },
      { path: 'aors[0].unit', message: 'unknown unit "nounit"', code: 'NOT_FOUND' },
      { path: 'aors[0].owner', message: 'unknown person "ghost@example.com"', code: 'NOT_FOUND' },
      { path: 'succession[0].unit', message: 'unknown unit "nowhere"', code: 'NOT_FOUND' },
      {
        path: 'succession[0].candidate',
        message: 'unknown person "ghost@example.com"',
        code: 'NOT_FOUND',
      },
    ]);
  });

  test('a new holder on a unit archived from a later day is told at its field', async () => {
    // It was told at `units[0].unit`, a field no unit entry has.
    await importDoc(specDocument());
    await t.database.db.execute(
      sql`update unit set archived_on = '2027-02-01' where slug = 'storage'`,
    );
    const problems = await problemsOf({ units: [{ ...team, techLead: 'eli@example.com' }] });
    expect(problems).toEqual([
      {
        path: 'units[0].techLead',
        message: 'unit "storage" is archived from 2027-02-01',
        code: 'CONFLICT',
      },
    ]);
  });

  test('rejects a document that is not an object, and a section that is not a list', async () => {
    expect(await problemsOf('units: []')).toEqual([
      {
        path: null,
        message: 'the document must be an object, got string "units: []"',
        code: 'VALIDATION',
      },
    ]);
    expect(await problemsOf({ units: { slug: 'x' } })).toEqual([
      { path: 'units', message: 'expected a list, got an object', code: 'VALIDATION' },
    ]);
  });

  test('the holder form is checked: a bad email, a bad since, an unknown field', async () => {
    const problems = await problemsOf({
      people: [person('bo')],
      units: [
        {
          ...pillar,
          engLead: 'bo@',
          techLead: { person: 'bo@example.com', since: '2026-13-01', role: 'x' },
        },
      ],
    });
    expect(problems.map((p) => p.path).sort()).toEqual([
      'units[0].engLead',
      'units[0].techLead.role',
      'units[0].techLead.since',
    ]);
  });
  test('a bad value inside the holder form is named at its own field', async () => {
    const engLead = (value: Record<string, unknown>) => ({
      people: [person('ana')],
      units: [{ ...pillar, engLead: value }],
    });
    expect(await problemsOf(engLead({ person: 'ana@example.com', acting: 'yes' }))).toEqual([
      {
        path: 'units[0].engLead.acting',
        message: 'expected boolean, got string "yes"',
        code: 'VALIDATION',
      },
    ]);
    expect(await problemsOf(engLead({ person: 'ana@example.com', acting: 1 }))).toEqual([
      {
        path: 'units[0].engLead.acting',
        message: 'expected boolean, got number 1',
        code: 'VALIDATION',
      },
    ]);
    expect(await problemsOf(engLead({ since: '2026-01-01', acting: true }))).toEqual([
      { path: 'units[0].engLead.person', message: 'is required', code: 'VALIDATION' },
    ]);
    expect(await problemsOf(engLead({ person: 7, acting: 'no', extra: 1 }))).toEqual([
      {
        path: 'units[0].engLead.acting',
        message: 'expected boolean, got string "no"',
        code: 'VALIDATION',
      },
      { path: 'units[0].engLead.extra', message: 'unknown field', code: 'VALIDATION' },
      {
        path: 'units[0].engLead.person',
        message: 'expected string, got number 7',
        code: 'VALIDATION',
      },
    ]);
  });
});

describe('layer rules', () => {
  test('a Pillar has no parent, an Area needs a Pillar, a Team an Area', async () => {
    const problems = await problemsOf({
      units: [
        { ...pillar, parent: 'infra' },
        { ...area, parent: undefined },
        { ...team, parent: 'storage2' },
        { ...team, slug: 'storage2', parent: 'infra' },
      ],
    });
    expect(problems).toEqual([
      { path: 'units[0].parent', message: 'a PILLAR has no parent', code: 'INVALID_HIERARCHY' },
      {
        path: 'units[1].parent',
        message: 'an AREA needs a parent PILLAR',
        code: 'INVALID_HIERARCHY',
      },
      {
        path: 'units[2].parent',
        message: 'parent "storage2" is a TEAM; a TEAM\'s parent must be an AREA',
        code: 'INVALID_HIERARCHY',
      },
    ]);
  });

  test('a parent only in the database is checked too, and a layer cannot change', async () => {
    expect((await importDoc({ units: [pillar, area, team] })).userErrors).toEqual([]);
    const problems = await problemsOf({
      units: [
        { ...area, slug: 'data', parent: 'storage' },
        { ...team, layer: 'AREA', parent: 'platform' },
      ],
    });
    expect(problems).toEqual([
      {
        path: 'units[0].parent',
        message: 'parent "storage" is a TEAM; an AREA\'s parent must be a PILLAR',
        code: 'INVALID_HIERARCHY',
      },
      {
        path: 'units[1].layer',
        message: 'unit "storage" is a TEAM; a unit\'s layer cannot change',
        code: 'INVALID_HIERARCHY',
      },
    ]);
  });

  test('only Teams have members, and a person is listed under one team', async () => {
    const problems = await problemsOf({
      people: [person('a'), person('b')],
      units: [
        pillar,
        { ...area, members: ['a@example.com'] },
        { ...team, members: ['a@example.com', 'b@example.com'] },
        { ...team, slug: 'compute', members: ['b@example.com'] },
      ],
    });
    expect(problems).toEqual([
      {
        path: 'units[1].members',
        message: 'only a TEAM has members; "infra" is an AREA',
        code: 'INVALID_HIERARCHY',
      },
      {
        path: 'units[3].members[0]',
        message: '"b@example.com" is already listed as a member of "storage" (units[2].members[1])',
        code: 'CONFLICT',
      },
    ]);
  });
});

describe('management cycles', () => {
  test('within the document', async () => {
    const problems = await problemsOf({
      people: [person('a', 'c'), person('b', 'a'), person('c', 'b'), person('d', 'd')],
    });
    expect(problems).toEqual([
      {
        // The document is read in order: the entry that closes the loop is refused.
        path: 'people[2].manager',
        message:
          'management cycle: "c@example.com" → "b@example.com" → "a@example.com" → "c@example.com"',
        code: 'CYCLE',
      },
      {
        path: 'people[3].manager',
        message: 'management cycle: "d@example.com" → "d@example.com"',
        code: 'CYCLE',
      },
    ]);
  });

  test('through managers already in the database, which the document may override', async () => {
    await importDoc({ people: [person('a'), person('b', 'a'), person('c', 'b')] });
    expect(await problemsOf({ people: [person('a', 'c')] })).toEqual([
      {
        path: 'people[0].manager',
        message:
          'management cycle: "a@example.com" → "c@example.com" → "b@example.com" → "a@example.com"',
        code: 'CYCLE',
      },
    ]);
    // Moving b under c while c moves to the top breaks the old chain: no cycle.
    expect(
      await problemsOf({ people: [person('b', 'c'), { ...person('c'), manager: null }] }),
    ).toEqual([]);
  });
});

describe('seats and successors', () => {
  test('a candidate cannot be successor for a seat they hold on the import day', async () => {
    // One who takes the seat only later (eli, from 2026-11-01) is its successor until then, as
    // an export states a candidate who is an empty seat's next holder: not a problem.
    // (test/api/export-next-steps.test.ts)
    await importDoc(specDocument());
    const problems = await problemsOf({
      units: [{ ...team, techLead: { person: 'eli@example.com', since: '2026-11-01' } }],
      succession: [
        {
          unit: 'storage',
          seat: 'TECH_LEAD',
          candidate: 'eli@example.com',
          readiness: 'READY_NOW',
        },
        { unit: 'storage', seat: 'ENG_LEAD', candidate: 'ana@example.com', readiness: 'READY_NOW' },
        { unit: 'storage', seat: 'ENG_LEAD', candidate: 'dee@example.com', readiness: 'READY_NOW' },
      ],
    });
    expect(problems).toEqual([
      {
        path: 'succession[1].candidate',
        message:
          '"ana@example.com" holds the ENG_LEAD seat of "storage" and cannot be its successor',
        code: 'VALIDATION',
      },
    ]);
  });

  test("a new holder's since must not be before the current holder's start", async () => {
    await importDoc(specDocument());
    const problems = await problemsOf({
      units: [{ ...team, techLead: { person: 'eli@example.com', since: '2026-09-15' } }],
    });
    expect(problems).toEqual([
      {
        path: 'units[0].techLead.since',
        message: `dee@example.com holds the Tech Lead seat from ${TODAY}; a holder from 2026-09-15 must not start before that (vacate the seat first)`,
        code: 'VALIDATION',
      },
    ]);
  });

  test('a new holder the same day as the last import is a correction, not a conflict', async () => {
    await importDoc(specDocument());
    expect(await problemsOf({ units: [{ ...pillar, engLead: 'cy@example.com' }] })).toEqual([]);
    const result = await importDoc({ units: [{ ...pillar, engLead: 'cy@example.com' }] });
    expect(result.userErrors).toEqual([]);
    const assignments = await rows(
      t.database.db,
      sql`select started_on::text as started_on, ended_on::text as ended_on from seat_assignment
          where seat = 'ENG_LEAD' and unit_id = (select id from unit where slug = 'platform')
          order by id`,
    );
    // The replaced assignment ends the day before it began: history, never in force.
    expect(assignments).toEqual([
      { started_on: TODAY, ended_on: '2026-09-30' },
      { started_on: TODAY, ended_on: null },
    ]);
  });

  test('null means "not mentioned" for optional fields and sections', async () => {
    await importDoc(specDocument());
    const problems = await problemsOf({
      people: null,
      units: [{ ...team, engLead: null, techLead: null, members: null }],
      aors: [
        { slug: 'blob-store', name: 'Blob store', unit: 'storage', owner: null, backups: null },
      ],
      openRoles: [{ unit: 'infra', seat: 'TECH_LEAD', status: null, openedOn: null }],
    });
    expect(problems).toEqual([]);
  });

  test('a current owner named only as a backup, and a departed person, are conflicts', async () => {
    await importDoc(specDocument());
    await t.database.db.execute(
      sql`update person set departed_on = '2026-09-30' where email = 'cy@example.com'`,
    );
    const problems = await problemsOf({
      aors: [
        {
          slug: 'blob-store',
          name: 'Blob store',
          unit: 'storage',
          backups: ['dee@example.com', 'cy@example.com'],
        },
      ],
    });
    expect(problems).toEqual([
      {
        path: 'aors[0].backups[0]',
        message:
          '"dee@example.com" is the current owner of "blob-store"; name a new owner to make them a backup',
        code: 'CONFLICT',
      },
      {
        path: 'aors[0].backups[1]',
        message: 'person "cy@example.com" departed on 2026-09-30',
        code: 'CONFLICT',
      },
    ]);
  });

  test('duplicates are reported at the later entry', async () => {
    const role = { unit: 'infra', seat: 'TECH_LEAD' };
    const problems = await problemsOf({
      units: [pillar, area, { ...area }],
      openRoles: [role, role],
    });
    expect(problems).toEqual([
      {
        path: 'units[2].slug',
        message: 'duplicate unit "infra" (also units[1])',
        code: 'CONFLICT',
      },
      {
        path: 'openRoles[1]',
        message: 'duplicate TECH_LEAD role on "infra" (also openRoles[0])',
        code: 'CONFLICT',
      },
    ]);
  });

  test('a backup listed twice is a duplicate, as a member is', async () => {
    const blob = { slug: 'blob', name: 'Blob', unit: 'storage' };
    const problems = await problemsOf({
      people: [person('a'), person('b')],
      units: [pillar, area, team],
      aors: [{ ...blob, backups: ['a@example.com', 'b@example.com', 'A@example.com'] }],
    });
    expect(problems).toEqual([
      {
        path: 'aors[0].backups[2]',
        message: '"a@example.com" is already listed as a backup of "blob" (backups[0])',
        code: 'CONFLICT',
      },
    ]);
  });
});
