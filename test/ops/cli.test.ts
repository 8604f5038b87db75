import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FolderLock, lockDataFolder } from '../../src/server/data-lock.js';
import { cli, demoDir, ROOT, run, scratchDir } from './processes.js';

// The compiled CLI, spawned as a user runs it: one line on failure, and an exit code that
// tells a CI job a finding (1) from a typo (2) from a broken setup (3).
describe.skipIf(process.env.DATABASE_URL)(
  'npm run org exit codes (PGlite; skipped with DATABASE_URL)',
  () => {
    const dataDir = scratchDir();
    const env = { ORGRAPH_DATA_DIR: dataDir };
    const org = (...args: string[]) => cli(env, ...args);
    beforeAll(async () => {
      // The demo org, seeded again: the seed finds it all there (a first start is seconds).
      await demoDir(dataDir);
      const seed = run('node', ['dist/cli/seed.js'], env);
      expect(await seed.exited, seed.output()).toBe(0);
    }, 180_000);

    /** `npm run -s SCRIPT ARGS…` from the folder `cwd`, as a user types it there. */
    const npmIn = (cwd: string, script: string, ...args: string[]) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn('npm', ['--prefix', ROOT, 'run', '-s', script, ...args], {
          cwd,
          env: { ...process.env, ...env, npm_lifecycle_event: undefined, INIT_CWD: undefined },
        });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('exit', (code) => resolve({ code, output }));
      });

    it("reads and writes files in the caller's folder, as npm run org -- from there", async () => {
      // npm runs a script in the package's folder: `import org.json` read the package's.
      const mine = scratchDir();
      writeFileSync(
        join(mine, 'org.json'),
        JSON.stringify({ people: [{ email: 'zoe@example.com', name: 'Zoe' }] }),
      );
      const npm = (...args: string[]) => npmIn(mine, 'org', '--', ...args);
      const imported = await npm('import', 'org.json');
      expect(imported.code, imported.output).toBe(0);
      const exported = await npm('export', 'out.json');
      expect(exported.code, exported.output).toBe(0);
      expect(JSON.parse(readFileSync(join(mine, 'out.json'), 'utf8')).people).toContainEqual(
        expect.objectContaining({ email: 'zoe@example.com' }),
      );
      expect(existsSync(join(ROOT, 'out.json'))).toBe(false);
    }, 120_000);

    it('refuses an option npm kept for itself (the -- left out), writing nothing', async () => {
      // Without `--`, npm takes --dry-run as its own: the import wrote, as no dry run does.
      const mine = scratchDir();
      writeFileSync(
        join(mine, 'org.json'),
        JSON.stringify({ people: [{ email: 'kept@example.com', name: 'Kept' }] }),
      );
      const dryRun = await npmIn(mine, 'org', 'import', 'org.json', '--dry-run');
      expect(dryRun.code, dryRun.output).toBe(2);
      expect(dryRun.output).toContain('npm took --dry-run as its own');
      const seed = await npmIn(mine, 'seed', '--size', 'XS');
      expect(seed.code, seed.output).toBe(2);
      expect(seed.output).toContain('npm took --size as its own');
      const exported = await org('export', '-');
      expect(exported.output).not.toContain('kept@example.com');
    }, 120_000);

    it.skipIf(process.getuid?.() !== 0)(
      "leaves another user's file as it was, not writing the org into it (run as root: exports as nobody)",
      async () => {
        // Written, it kept its mode (0666): the org, bench and all, readable by anyone; and
        // "not allowed to write it" was said of a file written (a review).
        const mine = await demoDir();
        const shared = scratchDir();
        for (let dir = shared; dir !== '/tmp' && dir !== '/'; dir = dirname(dir))
          chmodSync(dir, 0o755);
        chmodSync(shared, 0o777);
        execFileSync('chown', ['-R', 'nobody', mine]);
        const file = join(shared, 'org.json');
        writeFileSync(file, 'old\n');
        chmodSync(file, 0o666);
        const nobody = { uid: 65534, gid: 65534 };
        const exported = run(
          'node',
          ['dist/cli/org.js', 'export', file],
          { ORGRAPH_DATA_DIR: mine },
          nobody,
        );
        expect(await exported.exited, exported.output()).toBe(2);
        expect(exported.output().trim()).toBe(
          `${file}: another user's file, which would keep its mode and let others read the org: nothing was written; remove it, or export to another file`,
        );
        expect(readFileSync(file, 'utf8')).toBe('old\n');
        expect(statSync(file).mode & 0o777).toBe(0o666);
      },
      120_000,
    );

    it('seed ends quietly when its reader stops early (`| head -1`)', async () => {
      const seed = run('node', ['dist/cli/seed.js'], env);
      seed.child.stdout?.destroy();
      expect(await seed.exited).toBe(0);
      expect(seed.output()).toBe('');
    }, 120_000);

    it('imports from standard input for -, as export - writes to standard output', async () => {
      const piped = async (text: string, ...args: string[]) => {
        const command = run('node', ['dist/cli/org.js', 'import', ...args, '-'], env);
        command.child.stdin?.end(text);
        return { code: await command.exited, output: command.output() };
      };
      const csv = await piped('email,name\nyoko@example.com,Yoko Holm\n', '--from', 'csv');
      expect(csv.code, csv.output).toBe(0);
      expect(csv.output).toMatch(/^stdin: imported: 1 created, /);
      const yaml = await piped('people:\n  - { email: yoko@example.com, name: Yoko Berg }\n');
      expect(yaml.code, yaml.output).toBe(0);
      expect(yaml.output).toMatch(/^stdin: imported: 0 created, 1 updated, /);
      const bad = await piped('people: [\n');
      expect(bad.code).toBe(2);
      expect(bad.output).toMatch(/^stdin: Flow sequence/);
      const exported = await org('export', '-');
      expect(JSON.parse(exported.output).people).toContainEqual(
        expect.objectContaining({ email: 'yoko@example.com', name: 'Yoko Berg' }),
      );
    }, 120_000);

    it('a seed the org contradicts is refused whole, saying so', async () => {
      const changed = { ORGRAPH_DATA_DIR: await demoDir() };
      // The demo has bo in platform's Eng Lead seat since 2022: a departure before the demo's
      // day contradicts it.
      expect((await cli(changed, 'depart', 'bo@example.com', '--on', '2026-11-01')).code).toBe(0);
      const seed = run('node', ['dist/cli/seed.js'], changed);
      expect(await seed.exited).toBe(2);
      expect(seed.output()).toMatch(
        /^the demo org: 1 problem, 0 warnings; nothing was imported\.\nProblems:\n {2}units\[\d+\]\.engLead\.person: person "bo@example\.com" departed on 2026-11-01\n/,
      );
    }, 120_000);
    it('0: done; 1: check found what it fails on', async () => {
      expect((await org('help')).code).toBe(0);
      const found = await org('check', '--fail-on', 'teams-without-tech-lead');
      expect(found.code).toBe(1);
      expect(found.output).toMatch(/^4 team\(s\) without a Tech Lead/);
      expect(
        (await org('check', '--fail-on', 'teams-without-tech-lead', '--scope', 'storage')).code,
      ).toBe(0);
      // Four CLI processes, each opening the folder's PGlite: past a minute on a loaded machine.
    }, 120_000);

    it.each([
      [
        ['check', '--fail-on', 'teams-without-tech-lead', '--scope', 'nowhere'],
        /^--scope: no unit "nowhere"/,
      ],
      [['assign', 'labs', 'chief', 'vic@example.com'], /^SEAT: "chief" is not one of ENG_LEAD, /],
      [['depart', 'vic@example.com', '--on', '2026-02-30'], /^--on: malformed date "2026-02-30"/],
      [['depart', 'nobody@example.com'], /^EMAIL: unknown person "nobody@example.com"/],
      [['import', join(dataDir, 'missing.yaml')], /missing.yaml: no such file/],
      [['import', 'BAD'], /^\/bad.yaml: /],
      [['frobnicate'], /^unknown command "frobnicate"/],
      [['check', '--today', 'tomorrow', '--fail-on', 'unowned-aor'], /^--today: malformed date/],
    ])(
      '2: bad usage or input %j',
      async (args, message) => {
        const bad = join(dataDir, 'bad.yaml');
        writeFileSync(bad, 'units: [ { slug: x\n');
        const { code, output } = await org(...args.map((a) => (a === 'BAD' ? bad : a)));
        expect(code).toBe(2);
        expect(output.replace(dataDir, '')).toMatch(message);
        expect(output).not.toMatch(/\n\s+at /); // no stack
      },
      60_000,
    );

    describe('3: could not run', () => {
      let held: FolderLock | undefined;
      afterAll(() => held?.release());

      it('names an unreachable database', async () => {
        const down = { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/orgraph' };
        const { code, output } = await cli(down, 'check', '--fail-on', 'unowned-aor');
        expect(code).toBe(3);
        expect(output.trim()).toBe(
          'cannot reach PostgreSQL at 127.0.0.1:1 (ECONNREFUSED): start it, or fix DATABASE_URL',
        );
      });

      it('makes no token in a folder that holds no org: it would work nowhere', async () => {
        const typo = join(scratchDir(), 'orgrpah');
        const made = await cli(
          { ORGRAPH_DATA_DIR: typo },
          'token',
          'create',
          '--role',
          'ADMIN',
          '--name',
          'x',
        );
        expect(made.code).toBe(3);
        expect(made.output).toContain(`ORGRAPH_DATA_DIR ${typo} holds no org (no database there)`);
        expect(existsSync(typo)).toBe(false);
      });

      it('names a folder that holds no org, and makes none there', async () => {
        // A mistyped folder: the check made a new, empty org there and passed (exit 0).
        const typo = join(scratchDir(), 'orgrpah');
        const { code, output } = await cli(
          { ORGRAPH_DATA_DIR: typo },
          'check',
          '--fail-on',
          'unowned-aor',
        );
        expect(code).toBe(3);
        expect(output.trim()).toBe(
          `ORGRAPH_DATA_DIR ${typo} holds no org (no database there), so no check; set ORGRAPH_DATA_DIR to the folder that holds yours, or start the server there first`,
        );
        expect(existsSync(typo)).toBe(false);
      });

      it('plans a dry run on a folder that holds no org against an empty one, and makes none', async () => {
        // The plan was right, but an empty database was left in the mistyped folder.
        const typo = join(scratchDir(), 'orgrpah');
        const document = join(scratchDir(), 'org.yaml');
        writeFileSync(document, 'people:\n  - { email: zoe@example.com, name: Zoe }\n');
        const { code, output } = await cli(
          { ORGRAPH_DATA_DIR: typo },
          'import',
          document,
          '--dry-run',
        );
        expect(code, output).toBe(0);
        expect(output).toContain('dry run, nothing was written: 1 to create, 0 to update');
        expect(existsSync(typo)).toBe(false);
      });

      it('refuses to check an org with no units: nothing would be checked', async () => {
        const empty = { ORGRAPH_DATA_DIR: scratchDir(), ORGRAPH_DEMO: 'off' };
        const nothing = join(scratchDir(), 'nothing.yaml');
        writeFileSync(nothing, 'people: []\n');
        expect((await cli(empty, 'import', nothing)).code).toBe(0);
        const { code, output } = await cli(empty, 'check', '--fail-on', 'teams-without-tech-lead');
        expect(code).toBe(3);
        expect(output).toContain('the org has no units today: nothing was checked');
      }, 60_000);

      it('names another command holding the embedded folder', async () => {
        held = await lockDataFolder(dataDir, 'CLI (org import)', () => {});
        const { code, output } = await org('depart', 'vic@example.com');
        expect(code).toBe(3);
        expect(output.trim()).toBe(
          `ORGRAPH_DATA_DIR ${dataDir} is in use by orgraph CLI (org import) (pid ${process.pid} on ${(
            await import('node:os')
          ).hostname()}): wait for it to finish`,
        );
      }, 60_000);
    });
  },
);
