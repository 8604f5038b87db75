import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/help.js';
import { cli, demoDir, gql, run, type Server, scratchDir, startServer } from './processes.js';

// The compiled CLI as a new user meets it: help for every command, answered without loading
// the schema or the database; a command beside a running server loads neither either; and a
// lost demo token is never a dead end (`token create`, and the second start says so).

const COMMANDS = Object.keys(HELP);

/** The modules a CLI command loads (test/ops/imports), with its exit code and output. */
async function traced(env: Record<string, string | undefined>, ...args: string[]) {
  const running = run(
    'node',
    ['--import', './test/ops/imports/register.mjs', 'dist/cli/org.js', ...args],
    env,
  );
  const code = await running.exited;
  const lines = running.output().split('\n');
  const modules = lines.filter((l) => l.startsWith('loaded module ')).map((l) => l.slice(14));
  const output = lines.filter((l) => !l.startsWith('loaded module ')).join('\n');
  return { code, modules, output };
}

/** Libraries no help and no command through the running server has any use for. */
const HEAVY = /node_modules\/(graphql|pg|@electric-sql|drizzle-orm|yaml|@pothos|graphql-yoga)\//;

describe('npm run org -- help, as a process', () => {
  it('-h lists every command', async () => {
    const { code, output } = await cli({}, '-h');
    expect(code).toBe(0);
    for (const name of COMMANDS) expect(output).toMatch(new RegExp(`\n {2}${name} +\\w`));
  });

  it('npm run seed --help says the sizes and how to get a token, touching no database', async () => {
    // It answered "Unknown option '--help'" (exit 2).
    const seeding = run('node', ['dist/cli/seed.js', '--help'], {
      ORGRAPH_DATA_DIR: '/nonexistent/x',
    });
    expect(await seeding.exited).toBe(0);
    expect(seeding.output()).toContain('--size XS|S|M|L');
    expect(seeding.output()).toContain('npm run org -- token create');
  });

  it('npm run db:migrate takes --help and nothing else, touching no database', async () => {
    // It migrated whatever it was given: --help made ./.orgraph and said "migrations applied".
    const folder = join(scratchDir(), 'never-made');
    const help = run('node', ['dist/cli/migrate.js', '--help'], { ORGRAPH_DATA_DIR: folder });
    expect(await help.exited).toBe(0);
    expect(help.output()).toContain('Usage: npm run db:migrate');
    const bogus = run('node', ['dist/cli/migrate.js', '--bogus'], { ORGRAPH_DATA_DIR: folder });
    expect(await bogus.exited).toBe(2);
    expect(bogus.output().trim()).toBe("Unknown option '--bogus'");
    expect(existsSync(folder)).toBe(false);
  });

  it('npm start -- --help lists the settings; an argument is refused, never a server started', async () => {
    // `npm start -- import people.csv` started a server on port 4000, the file unread.
    const folder = join(scratchDir(), 'never-made');
    // Answered whatever the settings: a bad heap size is for a start to refuse.
    const help = run('npm', ['start', '--', '--help'], {
      ORGRAPH_DATA_DIR: folder,
      ORGRAPH_HEAP_MB: 'lots',
    });
    expect(await help.exited).toBe(0);
    expect(help.output()).toContain('Usage: npm start');
    for (const setting of ['PORT', 'DATABASE_URL', 'ORGRAPH_WORKERS', 'ORGRAPH_HEAP_MB']) {
      expect(help.output()).toContain(setting);
    }
    const given = run('npm', ['start', '--', 'import', 'people.csv'], { ORGRAPH_DATA_DIR: folder });
    expect(await given.exited).toBe(2);
    expect(given.output()).toContain(
      'orgraph could not start: the server takes no arguments (given "import people.csv"); its settings are environment variables (npm start -- --help), and commands such as import run with npm run org -- import',
    );
    expect(existsSync(folder)).toBe(false);
  });

  // How fast it answers is the start of node and these few files: counted, not timed (a timed
  // test fails on a busy machine, which says nothing of the CLI).
  it('loads no library at all: neither the schema nor the database', async () => {
    const { code, modules } = await traced({}, 'check', '--help');
    expect(code).toBe(0);
    expect(modules.filter((url) => url.includes('node_modules'))).toEqual([]);
    expect(modules.filter((url) => url.startsWith('file:')).length).toBeLessThanOrEqual(6);
  });

  it('ends quietly when its reader stops early (`| head -1`)', async () => {
    const running = run('node', ['dist/cli/org.js', 'help']);
    // Closed before node has started: its first write meets a closed pipe (EPIPE).
    running.child.stdout?.destroy();
    expect(await running.exited).toBe(0);
    expect(running.output()).toBe('');
  });
});

describe.skipIf(process.env.DATABASE_URL)(
  'beside a running server (PGlite; skipped with DATABASE_URL)',
  () => {
    const env = { ORGRAPH_DATA_DIR: '', ORGRAPH_ADMIN_TOKEN: undefined };
    let server: Server;
    beforeAll(async () => {
      // The demo's first start showed its token (demoDir): what follows is a later start's.
      env.ORGRAPH_DATA_DIR = await demoDir();
      server = await startServer(env);
    }, 180_000);
    afterAll(() => server?.stop());

    it('npm run org on the folder itself stays small: its WebAssembly compiled once', async () => {
      // On Node 24 the flag the CLI set at run time no longer reached V8: a `check` on the
      // embedded folder peaked at 685 MB (175 MB with node's own --liftoff-only, which the npm
      // scripts now give it). Run through npm, as users run it: no flag of the tests'.
      // npm's script is `exec node …`: the CLI is npm's child.
      const folder = { ORGRAPH_DATA_DIR: await demoDir() };
      const args = ['check', '--fail-on', 'teams-without-tech-lead'];
      const check = run('npm', ['run', '--silent', 'org', '--', ...args], folder);
      const peak = await peakMemoryMb(check.child.pid as number, check.exited);
      expect([0, 1]).toContain(await check.exited);
      expect(check.output()).toMatch(/team\(s\) without a Tech Lead/);
      expect(peak).toBeGreaterThan(50); // the node process was found and read
      expect(peak).toBeLessThan(400);
    });

    it('check goes through it without loading the schema or the database', async () => {
      const { code, modules, output } = await traced(
        env,
        'check',
        '--fail-on',
        'teams-without-tech-lead',
      );
      expect(code).toBe(1);
      expect(output).toMatch(/^4 team\(s\) without a Tech Lead\n {2}compute {2}Compute/);
      expect(modules.filter((url) => HEAVY.test(url))).toEqual([]);
    });

    it('token create mints a working ADMIN token through it, audited', async () => {
      const { code, output } = await cli(
        env,
        'token',
        'create',
        '--role',
        'admin',
        '--name',
        'lost demo token',
      );
      expect(code, output).toBe(0);
      const secret = /\n {2}(orgraph_\S+)\n/.exec(output)?.[1] as string;
      expect(output).toMatch(
        /^Created the ADMIN token "lost demo token"\. Its secret, shown this once:/,
      );
      const { data } = await gql(
        server.url,
        '{ viewer { role name } changes(first: 1) { nodes { actor operation } } }',
        {},
        secret,
      );
      expect(data.viewer).toEqual({ role: 'ADMIN', name: 'lost demo token' });
      expect(data.changes.nodes).toEqual([{ actor: 'cli', operation: 'createApiToken' }]);
    });

    it('a later start says how to get a new token', async () => {
      await server.stop();
      server = await startServer(env);
      const [line = ''] = server.output().split('\n');
      const { notes, demoToken } = JSON.parse(line);
      expect(demoToken).toBeUndefined();
      expect(notes.join(' ')).toMatch(
        /those made before still work\. A new one: ORGRAPH_DATA_DIR=\S+ npm run org -- token create --role ADMIN --name/,
      );
    }, 180_000);
  },
);

/**
 * The peak resident memory (MB) of the process npm runs under `npmPid` for `script` (its
 * command line names it), read from /proc until it ends (Linux). Told by its command line,
 * not its name: Node 24 renames its main thread, which /proc shows as the process's name.
 */
async function peakMemoryMb(npmPid: number, exited: Promise<unknown>): Promise<number> {
  let done = false;
  void exited.then(() => {
    done = true;
  });
  let peak = 0;
  while (!done) {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        if (Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]) !== npmPid) continue;
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('dist/cli/org.js')) continue;
        peak = Math.max(peak, Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0) / 1024);
      } catch {} // a process that ended meanwhile
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return peak;
}
