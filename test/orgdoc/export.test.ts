import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, test } from 'vitest';
import { inProcess } from '../../src/cli/in-process.js';
import { type CliIo, runOrgCli } from '../../src/cli/org.js';
import { generateOrg } from '../../src/demo/generate.js';
import type { OrgDocument } from '../../src/orgdoc/document.js';
import { exportOrgDocument } from '../../src/orgdoc/export.js';
import { importOrgDocument } from '../../src/orgdoc/import.js';
import { parseOrgFile } from '../../src/orgdoc/parse.js';
import { loadConfig } from '../../src/server/config.js';
import { useTestDatabase } from './database.js';
import { specDocument, TODAY } from './fixtures.js';

const t = useTestDatabase();
const importDoc = (doc: unknown, today = TODAY) => importOrgDocument(t.database.db, doc, { today });
const exportDoc = (today = TODAY) => exportOrgDocument(t.database.db, { today });
/** The spec's org with more of the format in use: acting, charter, notes, a closed role. */
function richDocument(): OrgDocument {
  const doc = specDocument();
  const infra = {
    charter: 'Runs the fleet.',
    engLead: { person: 'bo@example.com', since: '2025-01-01', acting: true },
  };
  return {
    ...doc,
    units: doc.units.map((u) => (u.slug === 'infra' ? { ...u, ...infra } : u)),
    succession: [
      ...doc.succession,
      {
        unit: 'platform',
        seat: 'TECH_LEAD',
        candidate: 'dee@example.com',
        readiness: 'READY_LATER',
        notes: 'needs breadth',
      },
    ],
    openRoles: [...doc.openRoles, { unit: 'storage', seat: 'ENGINEER', status: 'FILLED' }],
  };
}

describe('exportOrgDocument', () => {
  test('exports the current org in the import format, in a deterministic order', async () => {
    await importDoc(richDocument());
    const doc = await exportDoc();
    expect(doc.people.map((p) => p.email)).toEqual([
      'ana@example.com',
      'bo@example.com',
      'cy@example.com',
      'dee@example.com',
      'eli@example.com',
    ]);
    expect(doc.units.map((u) => u.slug)).toEqual(['platform', 'infra', 'storage']);
    expect(doc.units[1]).toEqual({
      slug: 'infra',
      name: 'Infrastructure',
      layer: 'AREA',
      parent: 'platform',
      charter: 'Runs the fleet.',
      engLead: { person: 'bo@example.com', since: '2025-01-01', acting: true },
    });
    expect(doc.people[0]).toEqual({
      email: 'ana@example.com',
      name: 'Ana Ruiz',
      title: 'Engineering Manager',
      level: 'M2',
      manager: 'bo@example.com',
      startedOn: '2021-03-01',
    });
    expect(doc.aors).toEqual([
      {
        slug: 'blob-store',
        name: 'Blob store',
        unit: 'storage',
        criticality: 'HIGH',
        owner: 'dee@example.com',
        backups: ['eli@example.com'],
      },
    ]);
    expect(doc.succession).toHaveLength(2);
    // Only OPEN roles: a filled one is history.
    expect(doc.openRoles).toEqual([
      { unit: 'infra', seat: 'TECH_LEAD', status: 'OPEN', openedOn: '2026-09-01' },
    ]);
  });

  test('ended rows, departed people and their references stay out', async () => {
    await importDoc(specDocument());
    await importDoc({
      units: [
        {
          slug: 'storage',
          name: 'Storage',
          layer: 'TEAM',
          parent: 'infra',
          techLead: { person: 'eli@example.com', since: '2026-11-01' },
        },
      ],
    });
    await t.database.db.execute(
      sql`update person set departed_on = '2026-10-15' where email = 'bo@example.com'`,
    );
    const doc = await exportDoc('2026-11-02');
    expect(doc.people.map((p) => p.email)).not.toContain('bo@example.com');
    expect(doc.people.find((p) => p.email === 'cy@example.com')?.manager).toBeUndefined();
    expect(doc.units.find((u) => u.slug === 'storage')?.techLead).toEqual({
      person: 'eli@example.com',
      since: '2026-11-01',
      acting: false,
    });
    expect(doc.succession).toEqual([]);
  });

  test('round trip: export, import into an empty database, export gives the same document', async () => {
    await importDoc(richDocument());
    await importDoc(generateOrg({ teams: 12, teamSize: 5, teamsPerArea: 3, areasPerPillar: 2 }));
    const first = await exportDoc();
    await t.empty();
    const result = await importDoc(first, '2026-12-01');
    expect(result.userErrors).toEqual([]);
    expect(await exportDoc('2026-12-01')).toEqual(first);
    // And the exported document is already what the database holds.
    const again = await importDoc(first, '2026-12-02');
    expect(again.created).toEqual(again.updated);
    expect(Object.values(again.created).every((n) => n === 0)).toBe(true);
  });

  test('a recorded future departure round-trips, and still ends what they hold', async () => {
    const doc = specDocument();
    const leaving = {
      ...doc,
      people: doc.people.map((p) =>
        p.email === 'dee@example.com' ? { ...p, departedOn: '2027-01-15' } : p,
      ),
    };
    expect((await importDoc(leaving)).userErrors).toEqual([]);
    const first = await exportDoc();
    expect(first.people.find((p) => p.email === 'dee@example.com')).toMatchObject({
      departedOn: '2027-01-15',
    });
    // Dee still leads storage's tech today: the export keeps her there.
    expect(first.units.find((u) => u.slug === 'storage')?.techLead).toMatchObject({
      person: 'dee@example.com',
    });
    await t.empty();
    expect((await importDoc(first)).userErrors).toEqual([]);
    expect(await exportDoc()).toEqual(first);
    const ends = await t.database.db.execute(sql`
      select a.ended_on::text as ended_on from seat_assignment a
      join person p on p.id = a.person_id where p.email = 'dee@example.com'`);
    expect((ends as unknown as { rows: unknown[] }).rows).toEqual([{ ended_on: '2027-01-14' }]);
  });
});

describe('npm run org', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orgdoc-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true })); // each run left one behind
  function io() {
    const out: string[] = [];
    const err: string[] = [];
    // The CLI closes its database after each command; the test's stays open.
    const cli: CliIo = {
      connect: async (today) => ({
        ...inProcess(t.database, loadConfig({}), today),
        close: async () => {},
      }),
      out: (text) => void out.push(text),
      err: (text) => void err.push(text),
    };
    return { cli, out, err };
  }

  test('import prints the counts; export writes YAML that reads back', async () => {
    const file = join(dir, 'org.json');
    writeFileSync(file, JSON.stringify(specDocument()));
    const run = io();
    expect(await runOrgCli(['import', file, '--today', TODAY], run.cli)).toBe(0);
    expect(run.out.join('')).toMatch(/^people\s+5\s+0\s+0$/m);
    const yamlFile = join(dir, 'out.yaml');
    expect(await runOrgCli(['export', yamlFile, '--today', TODAY], run.cli)).toBe(0);
    expect(parseOrgFile(readFileSync(yamlFile, 'utf8'), yamlFile)).toEqual(await exportDoc());
    const stdout = io();
    expect(await runOrgCli(['export'], stdout.cli)).toBe(0);
    expect(JSON.parse(stdout.out.join(''))).toEqual(await exportDoc());
  });

  test('a bad file prints each problem; bad input and usage exit 2', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'units:\n  - { slug: infra, name: Infra, layer: AREA, parent: nope }\n');
    const run = io();
    expect(await runOrgCli(['import', file], run.cli)).toBe(2);
    expect(run.err.join('').split('\n').slice(0, 3)).toEqual([
      `${file}: 1 problem, 0 warnings; nothing was imported.`,
      'Problems:',
      '  units[0].parent: unknown unit "nope"',
    ]);
    expect(await runOrgCli(['import'], run.cli)).toBe(2);
    expect(await runOrgCli(['frobnicate'], run.cli)).toBe(2);
    expect(await runOrgCli(['import', join(dir, 'missing.yaml')], run.cli)).toBe(2);
    expect(await runOrgCli(['help', 'import'], run.cli)).toBe(0);
    expect(run.out.join('')).toContain('import FILE');
  });
});
