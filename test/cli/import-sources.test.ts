import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inProcess } from '../../src/cli/in-process.js';
import { type CliIo, runOrgCli } from '../../src/cli/org.js';
import { loadConfig } from '../../src/server/config.js';
import { openTestDatabase } from '../helpers/database.js';

// Bringing an org in from where it lives, through the real commands: a Backstage catalog,
// then the HR export, each planned dry first.
const TODAY = '2026-11-23';
const FIXTURES = 'test/fixtures';
const CATALOG = `${FIXTURES}/backstage/catalog.yaml`;
const COLUMNS = ['--columns', 'email=Work Email,name=Full Name'];
let database: Awaited<ReturnType<typeof openTestDatabase>>;

function cli() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    connect: async (today) => ({
      ...inProcess(database, loadConfig({}), today),
      close: async () => {},
    }),
    out: (text) => void out.push(text),
    err: (text) => void err.push(text),
  };
  const run = (...args: string[]) => runOrgCli([...args, '--today', TODAY], io);
  return { run, out: () => out.join(''), err: () => err.join('') };
}

/** Runs a command and answers its output, failing on an unexpected exit code. */
async function ok(...args: string[]): Promise<string> {
  const c = cli();
  const code = await c.run(...args);
  expect(code, c.err()).toBe(0);
  return c.out();
}

const exported = async () => ok('export');

// Each test on an empty database of its own (the CSV tests load the catalog first).
beforeEach(async () => {
  database = await openTestDatabase();
});
afterEach(() => database.drop());

describe('import --from backstage', () => {
  it('plans the catalog dry, writing nothing', async () => {
    const before = await exported();
    const out = await ok('import', '--from', 'backstage', CATALOG, '--dry-run');
    expect(out).toContain('skipped frontend-guild (type guild)\n');
    expect(out).toContain('  create pillar platform\n');
    expect(out).toContain('  create area infra (parent platform)\n');
    expect(out).toContain('  create team storage (parent infra)\n');
    expect(out).toContain(
      '  create seat storage TECH_LEAD held by dee@corp.test from 2026-11-23\n',
    );
    expect(out).toContain('  create membership gus@corp.test in compute\n');
    expect(out).toMatch(/^units +4 +0 +0$/m);
    expect(out).toMatch(/^people +8 +0 +0$/m);
    expect(out).toContain('Dry run: nothing was written.');
    expect(await exported()).toBe(before);
  });

  it('imports a folder of catalog files the same, and again changes nothing', async () => {
    const out = await ok('import', '--from', 'backstage', `${FIXTURES}/backstage/org`);
    expect(out).toMatch(/^units +4 +0 +0$/m);
    expect(out).toMatch(/^memberships +4 +0 +0$/m);
    const org = JSON.parse(await exported());
    const storage = org.units.find((u: { slug: string }) => u.slug === 'storage');
    expect(storage).toMatchObject({
      parent: 'infra',
      engLead: { person: 'ana@corp.test' },
      techLead: { person: 'dee@corp.test' },
      members: ['dee@corp.test', 'eli@corp.test', 'jane@corp.test'],
    });
    const again = await ok('import', '--from', 'backstage', CATALOG, '--dry-run');
    expect(again).toContain('Plan: no change.');
    expect(again).toMatch(/^units +0 +0 +4$/m);
  });

  it('names each bad entity and field, and writes nothing', async () => {
    const before = await exported();
    const c = cli();
    expect(
      await c.run('import', '--from', 'backstage', `${FIXTURES}/backstage/bad-catalog.yaml`),
    ).toBe(2);
    expect(c.err().split('\n')).toEqual([
      expect.stringMatching(/^Group Platform_Eng, metadata.name: /),
      'Group web, spec.parent: group "design-guild" is skipped (type guild)',
      'Group web, metadata.annotations.orgraph.io/tech-lead: unknown user "user:default/nobody"',
      // Its parent skipped, the team has none: the import's own rule says so too.
      'Group web, spec.parent: a TEAM needs a parent AREA',
      'User kim, spec.profile.email: malformed email "not-an-email"',
      `${FIXTURES}/backstage/bad-catalog.yaml: 5 problem(s); nothing was imported.`,
      '',
    ]);
    expect(await exported()).toBe(before);
  });

  it('maps other group types with --layer-map', async () => {
    const c = cli();
    expect(
      await c.run('import', '--from', 'backstage', CATALOG, '--layer-map', 'guild=SQUAD'),
    ).toBe(2);
    expect(c.err()).toMatch(/--layer-map: "SQUAD" is not one of PILLAR, AREA, TEAM/);
  });
});

describe('import --from csv (after the catalog)', () => {
  const CSV = `${FIXTURES}/people.csv`;
  beforeEach(() => ok('import', '--from', 'backstage', `${FIXTURES}/backstage/org`));

  it('plans the HR export dry: updates field by field, moves, new people; writes nothing', async () => {
    const before = await exported();
    const out = await ok('import', '--from', 'csv', CSV, ...COLUMNS, '--dry-run');
    expect(out).toContain(
      '  update jane@corp.test title: (none) → "Tech Lead", level: (none) → "L6"',
    );
    expect(out).toContain('  move eli@corp.test storage → compute\n');
    // Hal's manager comes later in the file.
    expect(out).toContain('  create person hal@corp.test (Hal "H" Berg)\n');
    expect(out).toContain('title: (none) → "Senior Engineer\\r\\n(on call)"');
    expect(out).toMatch(/^people +2 +5 +0$/m);
    expect(out).toMatch(/^memberships +2 +1 +2$/m);
    expect(await exported()).toBe(before);
  });

  it('imports what it planned, and again plans and changes nothing', async () => {
    const out = await ok('import', '--from', 'csv', CSV, ...COLUMNS);
    expect(out).toMatch(/^people +2 +5 +0$/m);
    const org = JSON.parse(await exported());
    const hal = org.people.find((p: { email: string }) => p.email === 'hal@corp.test');
    expect(hal).toMatchObject({ name: 'Hal "H" Berg', manager: 'zed@corp.test' });
    const eli = org.people.find((p: { email: string }) => p.email === 'eli@corp.test');
    expect(eli).toMatchObject({
      name: 'Stone, Eli',
      title: 'Engineer, Storage',
      manager: 'ana@corp.test',
    });
    const compute = org.units.find((u: { slug: string }) => u.slug === 'compute');
    expect(compute.members).toEqual(['eli@corp.test', 'gus@corp.test', 'hal@corp.test']);
    const again = await ok('import', '--from', 'csv', CSV, ...COLUMNS, '--dry-run');
    expect(again).toContain('Plan: no change.');
    expect(again).toMatch(/^people +0 +0 +7$/m);
    expect(await ok('import', '--from', 'backstage', CATALOG, '--dry-run')).toMatch(
      /move eli@corp.test compute → storage/,
    );
  });

  it('names each bad row and column, and writes nothing', async () => {
    const before = await exported();
    const c = cli();
    expect(await c.run('import', '--from', 'csv', `${FIXTURES}/people-bad.csv`)).toBe(2);
    expect(c.err().split('\n')).toEqual([
      'row 3, manager_email: unknown person "x@y.test"',
      expect.stringMatching(/^row 3, start_date: /),
      'row 4, team: unknown team "nowhere"',
      `${FIXTURES}/people-bad.csv: 3 problem(s); nothing was imported.`,
      '',
    ]);
    expect(await exported()).toBe(before);
  });

  it('refuses a file without the columns it needs, naming them', async () => {
    const c = cli();
    expect(await c.run('import', '--from', 'csv', `${FIXTURES}/people.csv`)).toBe(2);
    expect(c.err()).toContain('row 1: no "email" column\nrow 1: no "name" column\n');
  });
});
