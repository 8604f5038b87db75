import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

/** Runs a command expected to be refused: its stderr, line by line. */
async function refused(...args: string[]): Promise<string[]> {
  const c = cli();
  expect(await c.run(...args), c.out()).toBe(2);
  return c.err().split('\n');
}

/** Runs a command and answers its output, failing on an unexpected exit code. */
async function ok(...args: string[]): Promise<string> {
  const c = cli();
  const code = await c.run(...args);
  expect(code, c.err()).toBe(0);
  return c.out();
}

/** What the CLI says of a file refused for one problem: the summary, then the problem. */
const oneProblem = (file: string, problem: string) => [
  `${file}: 1 problem, 0 warnings; nothing was imported.`,
  'Problems:',
  `  ${problem}`,
  '',
];

const exported = async () => ok('export');

// Each test on an empty database of its own (the CSV tests load the catalog first).
beforeEach(async () => {
  database = await openTestDatabase();
});
afterEach(() => database.drop());

describe('import --from backstage', () => {
  it('plans the catalog dry, writing nothing', async () => {
    const before = await exported();
    const out = await ok('import', '--from', 'backstage', CATALOG, '--dry-run', '--verbose');
    expect(out.split('\n').slice(0, 5)).toEqual([
      `${CATALOG}: dry run, nothing was written: 21 to create, 0 to update, 0 unchanged; 3 warnings.`,
      'Warnings:',
      '  catalog.yaml: group:default/frontend-guild: skipped: stands alone (no parent group, no child group); its membership (1 person) is not read either',
      // Their membership of a Pillar is dropped, and said so.
      '  catalog.yaml: user:default/bo, spec.memberOf: membership of group:default/platform not read: it is a PILLAR (people are members of teams)',
      '  catalog.yaml: user:default/cy, spec.memberOf: membership of group:default/platform not read: it is a PILLAR (people are members of teams)',
    ]);
    expect(out).toContain('  create pillar platform\n');
    expect(out).toContain('  create area infra (parent platform)\n');
    expect(out).toContain('  create team storage (parent infra)\n');
    expect(out).toContain(
      '  create seat storage TECH_LEAD held by dee@corp.test from 2026-11-23\n',
    );
    expect(out).toContain('  create membership gus@corp.test in compute\n');
    expect(out).toMatch(/^units +4 +0 +0$/m);
    expect(out).toMatch(/^people +8 +0 +0$/m);
    expect(await exported()).toBe(before);
  });

  it('joins no one who has left to a team: a catalog lagging HR still imports, saying so', async () => {
    // The whole import was refused: "person gus@corp.test departed on 2026-11-23".
    await ok('import', '--from', 'backstage', CATALOG);
    await ok('depart', 'gus@corp.test', '--on', TODAY);
    const out = await ok('import', '--from', 'backstage', CATALOG);
    expect(out).toContain(
      '  catalog.yaml: user:default/gus, spec.memberOf: departed on 2026-11-23: not made a member of compute\n',
    );
    const org = JSON.parse(await exported());
    const compute = org.units.find((u: { slug: string }) => u.slug === 'compute');
    expect(compute.members ?? []).not.toContain('gus@corp.test');
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

  it('names each problem by file and entity, warnings after, and writes nothing', async () => {
    const before = await exported();
    const file = `${FIXTURES}/backstage/bad-catalog.yaml`;
    expect(await refused('import', '--from', 'backstage', file)).toEqual([
      `${file}: 4 problems, 1 warning; nothing was imported.`,
      'Problems:',
      '  bad-catalog.yaml: location:default/more, spec.targets: "./missing-group.yaml": no such file',
      '  bad-catalog.yaml: group:default/web, metadata.annotations.orgraph.io/eng-lead: user:default/bot has no spec.profile.email, and a lead needs one',
      '  bad-catalog.yaml: group:default/web, metadata.annotations.orgraph.io/tech-lead: unknown user "user:default/nobody"',
      '  bad-catalog.yaml: user:default/kim, spec.profile.email: malformed email "not-an-email"',
      'Warnings:',
      '  bad-catalog.yaml: group:default/Platform_Eng: named platform-eng (a slug is lower case, letters, digits and dashes)',
      '',
    ]);
    expect(await exported()).toBe(before);
  });

  it('refuses every group whose parent is neither in the catalog nor the org, the same for each', async () => {
    const file = `${FIXTURES}/backstage/orphan.yaml`;
    expect(await refused('import', '--from', 'backstage', file)).toEqual([
      `${file}: 3 problems, 0 warnings; nothing was imported.`,
      'Problems:',
      '  orphan.yaml: group:default/search, spec.parent: unknown unit "discovery"',
      '  orphan.yaml: group:default/lonely, spec.parent: unknown unit "discovery"',
      '  orphan.yaml: group:default/odd, spec.parent: unknown group "user:default/ana"',
      '',
    ]);
  });

  it('takes a parent the catalog lacks from the org: a catalog brought in part by part', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'orgraph-part-'));
    try {
      const group = (name: string, spec: string) =>
        `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: ${name} }\nspec: ${spec}\n`;
      const first = join(folder, 'first.yaml');
      writeFileSync(
        first,
        [
          group('eng', '{ type: department, children: [discovery] }'),
          group('discovery', '{ type: product-area, children: [maps] }'),
          group('maps', '{ type: team, children: [] }'),
        ].join('---\n'),
      );
      await ok('import', '--from', 'backstage', first);
      const later = join(folder, 'later.yaml');
      writeFileSync(later, group('lonely', '{ type: team, parent: discovery, children: [] }'));
      await ok('import', '--from', 'backstage', later);
      const org = JSON.parse(await exported());
      expect(org.units.find((u: { slug: string }) => u.slug === 'lonely')).toMatchObject({
        layer: 'TEAM',
        parent: 'discovery',
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('expands glob targets relative to the Location, and warns of one matching nothing', async () => {
    const file = `${FIXTURES}/backstage/globbed/catalog-info.yaml`;
    const out = await ok('import', '--from', 'backstage', file);
    expect(out.split('\n').slice(0, 4)).toEqual([
      `${file}: imported: 8 created, 0 updated, 0 unchanged; 2 warnings.`,
      'Warnings:',
      '  catalog-info.yaml: location:default/corp-org, spec.targets: "./retired/*.yaml" matches no file',
      '  people/users.yml: user:default/ana, spec.memberOf: unknown group "group:ops/ledger"',
    ]);
    const org = JSON.parse(await exported());
    const members = (slug: string) =>
      org.units.find((u: { slug: string }) => u.slug === slug).members;
    expect(members('checkout')).toEqual(['ana@corp.test']);
    expect(members('ledger')).toEqual(['eli@corp.test']);
  });

  it('reads targets given as absolute paths as they are, globs too', async () => {
    // An absolute target was read below the Location's folder: "no such file".
    const globbed = resolve(`${FIXTURES}/backstage/globbed`);
    const dir = mkdtempSync(join(tmpdir(), 'orgraph-location-'));
    try {
      const targets = [`${globbed}/groups/*.yaml`, `${globbed}/people/users.yml`];
      const location = `kind: Location\nmetadata: { name: abs }\nspec: { targets: ${JSON.stringify(targets)} }\n`;
      writeFileSync(join(dir, 'loc.yaml'), location);
      const out = await ok('import', '--from', 'backstage', join(dir, 'loc.yaml'));
      expect(out.split('\n').slice(0, 3)).toEqual([
        `${join(dir, 'loc.yaml')}: imported: 8 created, 0 updated, 0 unchanged; 1 warning.`,
        'Warnings:',
        `  ${globbed}/people/users.yml: user:default/ana, spec.memberOf: unknown group "group:ops/ledger"`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a file once however it is named: by another path, absolutely, by a link, or back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgraph-catalog-'));
    try {
      const catalog = join(dir, 'catalog');
      mkdirSync(join(catalog, 'teams'), { recursive: true });
      const location = (targets: string[]) =>
        `kind: Location\nmetadata: { name: teams }\nspec: { targets: ${JSON.stringify(targets)} }\n`;
      const tree =
        'kind: Group\nmetadata: { name: p }\nspec: { type: department, children: [a] }\n---\n' +
        'kind: Group\nmetadata: { name: a }\nspec: { type: sub-department, children: [t1] }\n';
      const team = (back: string[]) =>
        `${back.length > 0 ? `${location(back)}---\n` : ''}kind: Group\nmetadata: { name: t1 }\nspec: { type: team, parent: a, children: [] }\n`;
      const t1 = join(catalog, 'teams', 't1.yaml');
      symlinkSync('teams', join(catalog, 'current'));
      for (const [target, back] of [
        ['../catalog/teams/t1.yaml', []],
        [t1, []],
        ['current/t1.yaml', []],
        ['teams/t1.yaml', ['../all.yaml']],
      ] as const) {
        writeFileSync(join(catalog, 'all.yaml'), `${location([target])}---\n${tree}`);
        writeFileSync(t1, team([...back]));
        // The folder names t1.yaml `teams/t1.yaml`; the Location, another way: "defined twice".
        const starts = [catalog, join(catalog, 'all.yaml'), ...(back.length > 0 ? [t1] : [])];
        for (const path of starts) {
          const out = await ok('import', '--from', 'backstage', path, '--dry-run');
          expect(out.split('\n')[0], `${target} from ${path}`).toMatch(/3 to create/);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says a file that is not there is not there, as the command names it', async () => {
    for (const from of ['backstage', 'csv', 'document']) {
      const c = cli();
      expect(await c.run('import', '--from', from, './missing.yaml')).toBe(2);
      expect(c.err()).toBe('./missing.yaml: no such file\n');
    }
  });

  it('refuses a layer that is not one', async () => {
    const err = await refused(
      'import',
      '--from',
      'backstage',
      CATALOG,
      '--layer-map',
      'guild=SQUAD',
    );
    expect(err[0]).toMatch(/--layer-map: "SQUAD" is not one of PILLAR, AREA, TEAM/);
  });
});

describe('import --from backstage: a catalog in the shape of Backstage’s example', () => {
  const NORTHWIND = `${FIXTURES}/backstage/northwind/org.yaml`;

  it('imports with no flags: a pillar per department, areas, every team, every person once', async () => {
    const out = await ok('import', '--from', 'backstage', NORTHWIND);
    expect(out.split('\n').slice(0, 5)).toEqual([
      `${NORTHWIND}: imported: 28 created, 0 updated, 0 unchanged; 3 warnings.`,
      'Warnings:',
      '  org.yaml: group:default/northwind: skipped: above the pillars (a root); the groups under it are the top',
      '  storage-group.yaml: user:default/eli, spec.memberOf: in 2 teams: joins storage, not checkout (a person is in one team)',
      '  compute-group.yaml: user:default/build-bot: skipped: no spec.profile.email (a person needs one)',
    ]);
    const org = JSON.parse(await exported());
    const layer = (name: string) =>
      org.units
        .filter((u: { layer: string }) => u.layer === name)
        .map((u: { slug: string; parent?: string }) => `${u.slug}<${u.parent ?? ''}`)
        .sort();
    expect(layer('PILLAR')).toEqual(['data<', 'engineering<']);
    expect(layer('AREA')).toEqual(['insights<data', 'platform<engineering', 'web<engineering']);
    expect(layer('TEAM')).toEqual([
      'checkout<web',
      'compute<platform',
      'reporting<insights',
      'storage<platform',
    ]);
    expect(org.people.map((p: { email: string }) => p.email).sort()).toEqual([
      'ana@northwind.test',
      'dee@northwind.test',
      'eli@northwind.test',
      'fay@northwind.test',
      'guest@northwind.test',
      'gus@northwind.test',
      'hal@northwind.test',
      'ivy-tran@northwind.test',
    ]);
    const unit = (slug: string) => org.units.find((u: { slug: string }) => u.slug === slug);
    expect(unit('platform').name).toBe('platform');
    expect(unit('engineering').engLead).toMatchObject({ person: 'guest@northwind.test' });
    expect(unit('compute').members).toEqual(['guest@northwind.test', 'ivy-tran@northwind.test']);
    expect(unit('checkout').members).toEqual(['fay@northwind.test', 'gus@northwind.test']);

    const again = await ok('import', '--from', 'backstage', NORTHWIND, '--dry-run');
    expect(again).toContain('Plan: no change.');
    expect(again.split('\n')[0]).toBe(
      `${NORTHWIND}: dry run, nothing was written: 0 to create, 0 to update, 28 unchanged; 3 warnings.`,
    );
  });

  it('keeps a name the org has where the catalog states none: the id names only what it creates', async () => {
    // The id (`platform`, `ivy.tran`) replaced the name an HR import or a document gave, at
    // every sync: two sources of one org that never settled.
    await ok('import', '--from', 'backstage', NORTHWIND);
    const folder = mkdtempSync(join(tmpdir(), 'orgraph-names-'));
    try {
      const renamed = join(folder, 'names.yaml');
      writeFileSync(
        renamed,
        [
          'people: [{ email: ivy-tran@northwind.test, name: Ivy Tran }]',
          'units: [{ slug: platform, name: Platform, layer: AREA, parent: engineering }]',
        ].join('\n'),
      );
      await ok('import', renamed);
      const sync = await ok('import', '--from', 'backstage', NORTHWIND, '--dry-run', '--verbose');
      expect(sync).toContain('Plan: no change.');
      const org = JSON.parse(await exported());
      expect(org.people.find((p: { email: string }) => p.email.startsWith('ivy')).name).toBe(
        'Ivy Tran',
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('import --from csv (after the catalog)', () => {
  const CSV = `${FIXTURES}/people.csv`;
  let folder: string;
  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'orgraph-hr-'));
    await ok('import', '--from', 'backstage', `${FIXTURES}/backstage/org`);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('plans the HR export dry: updates field by field, moves, new people; writes nothing', async () => {
    const before = await exported();
    const out = await ok('import', '--from', 'csv', CSV, ...COLUMNS, '--dry-run', '--verbose');
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
    expect(await ok('import', '--from', 'backstage', CATALOG, '--dry-run', '--verbose')).toMatch(
      /move eli@corp.test compute → storage/,
    );
  });

  it('imports a leaver as gone, in no team (their last team said and not read)', async () => {
    const file = join(folder, 'leavers.csv');
    writeFileSync(
      file,
      [
        'email,name,team,start_date,departure_date',
        'old@corp.test,Old Timer,storage,2019-01-01,2026-06-30',
        'eli@corp.test,Eli Stone,storage,2020-01-01,2026-11-23',
      ].join('\n'),
    );
    const out = await ok('import', '--from', 'csv', file);
    expect(out).toContain('  row 2, team: not read: gone from 2026-06-30 (a leaver)');
    expect(out).toContain('  row 3, team: not read: gone from 2026-11-23 (a leaver)');
    // Old Timer created gone, Eli gone from today: his membership ended.
    expect(out).toMatch(/^people +1 +1 +0$/m);
    expect(out).toMatch(/^memberships +0 +1 +0$/m);
    const org = JSON.parse(await exported());
    const emails = org.people.map((p: { email: string }) => p.email);
    expect(emails).not.toContain('old@corp.test');
    expect(emails).not.toContain('eli@corp.test');
    const storage = org.units.find((u: { slug: string }) => u.slug === 'storage');
    expect(storage.members).toEqual(['dee@corp.test', 'jane@corp.test']);
  });

  it('names each bad row and column once, and writes nothing', async () => {
    const before = await exported();
    const file = `${FIXTURES}/people-bad.csv`;
    expect(await refused('import', '--from', 'csv', file)).toEqual([
      `${file}: 3 problems, 0 warnings; nothing was imported.`,
      'Problems:',
      '  row 3, start_date: "2023-13-01": no such day',
      '  row 3, manager_email: unknown person "x@y.test"',
      '  row 4, team: unknown team "nowhere"',
      '',
    ]);
    expect(await exported()).toBe(before);
  });

  it('tells an HR export imported without --from csv to add it', async () => {
    // Read as YAML it was a parser's complaint about its second line, or "not a string".
    expect(await refused('import', CSV, '--dry-run')).toEqual([
      `${CSV}: an HR export (CSV) is imported with --from csv`,
      '',
    ]);
  });

  it('says the team column names an area the way the import says it of any unit', async () => {
    const file = join(folder, 'area.csv');
    writeFileSync(file, 'email,name,team\nana@corp.test,Ana Ruiz,infra\nbo@corp.test,Bo,infra\n');
    expect(await refused('import', '--from', 'csv', file)).toEqual(
      oneProblem(file, 'row 2, team: only a TEAM has members; "infra" is an AREA'),
    );
  });

  it('tells a manager named by a name no one in the file has once, at its cell', async () => {
    const file = join(folder, 'names.csv');
    writeFileSync(
      file,
      'email,name,manager_email\nana@corp.test,Ana Ruiz,\nbo@corp.test,Bo,Nobody Here\n',
    );
    expect(await refused('import', '--from', 'csv', file, '--dry-run')).toEqual(
      oneProblem(
        file,
        'row 3, manager_email: no one in the file is named "Nobody Here": give the manager\'s email instead',
      ),
    );
  });

  it('tells a file that is not CSV once, by file and line, and nothing else', async () => {
    const file = join(folder, 'broken.csv');
    writeFileSync(file, 'email,name\nq9@corp.test,"Broken\n');
    expect(await refused('import', '--from', 'csv', file)).toEqual(
      oneProblem(
        file,
        'broken.csv, line 2: a quoted cell is never closed (the file ends inside it)',
      ),
    );
  });

  it('reads a Windows-1252 export (Excel’s "CSV (Comma delimited)") saying so, and UTF-16', async () => {
    const latin = join(folder, 'latin.csv');
    // ö, ü as in Latin-1; Š (0x8A) and ’ (0x92) only in Windows-1252.
    const bytes =
      'email,name\njorg@corp.test,J\xf6rg M\xfcller\nsimon@corp.test,\x8aimon O\x92Brien\n';
    writeFileSync(latin, Buffer.from(bytes, 'latin1'));
    const out = await ok('import', '--from', 'csv', latin);
    expect(out.split('\n').slice(0, 3)).toEqual([
      `${latin}: imported: 2 created, 0 updated, 0 unchanged; 1 warning.`,
      'Warnings:',
      '  latin.csv: not UTF-8, read as Windows-1252 (as Excel saves "CSV (Comma delimited)"); ' +
        'save it as UTF-8 ("CSV UTF-8") to be sure of every letter',
    ]);
    const wide = join(folder, 'wide.csv');
    const text = 'email,name\nzoe@corp.test,Zoë Ångström\n';
    writeFileSync(wide, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const big = join(folder, 'big-endian.csv');
    const be = Buffer.from(text.replace('zoe', 'zoa'), 'utf16le').swap16();
    writeFileSync(big, Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    expect(await ok('import', '--from', 'csv', wide)).toMatch(/; 0 warnings\.\n/);
    expect(await ok('import', '--from', 'csv', big)).toMatch(/; 0 warnings\.\n/);
    const names = JSON.parse(await exported()).people.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Jörg Müller', 'Šimon O’Brien', 'Zoë Ångström']));
    expect(names.filter((n: string) => n === 'Zoë Ångström')).toHaveLength(2);
  });

  it('refuses a file without the columns it needs in one message: headers found, --columns', async () => {
    const err = await refused('import', '--from', 'csv', CSV);
    expect(err).toEqual([
      `${CSV}: 1 problem, 0 warnings; nothing was imported.`,
      'Problems:',
      '  row 1: no "email" column, no "name" column; headers found: Work Email, Full Name, ' +
        'title, level, manager_email, team, start_date, departure_date; ' +
        '--columns "email=Work Email,name=Full Name" would read them',
      '',
    ]);
  });

  it('refuses a column mapped twice, naming both headers (the last one silently won)', async () => {
    const twice = ['--columns', 'name=Full Name,name=Work Email'];
    const err = await refused('import', '--from', 'csv', CSV, ...twice);
    expect(err[0]).toBe('--columns: name is given twice ("Full Name", "Work Email"): give it once');
  });

  describe('an HR export of 2,000 rows', () => {
    const write = (header: string, bad: (i: number) => boolean) => {
      const file = join(folder, 'hr.csv');
      const rows = Array.from(
        { length: 2_000 },
        (_, i) => `p${i}@corp.test,P ${i},compute,${bad(i) ? '02/30/2021' : '03/15/2021'}`,
      );
      writeFileSync(file, [header, ...rows].join('\n'));
      return file;
    };

    it('with unexpected headers says so in a few lines, never one a row', async () => {
      const file = write('Work Email,Full Name,Team,Hire Date', () => false);
      const err = await refused('import', '--from', 'csv', file);
      expect(err.length).toBeLessThanOrEqual(5);
      expect(err[2]).toContain('--columns "email=Work Email,name=Full Name,start_date=Hire Date"');
    });

    it('with one bad cell names that one row', async () => {
      const file = write('email,name,team,start_date', (i) => i === 1_500);
      const args = ['import', '--from', 'csv', file, '--date-format', 'MM/DD/YYYY', '--dry-run'];
      expect(await refused(...args)).toEqual(
        oneProblem(file, 'row 1502, start_date: "02/30/2021": no such day'),
      );
    });
  });
});
