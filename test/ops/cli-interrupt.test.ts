import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDir, gql, run, type Server, scratchDir, startServer } from './processes.js';

/**
 * Ctrl-C during a CLI import sent through the running server (the compiled CLI, as a user runs
 * it). The server makes a write it was sent, all or nothing, whatever the CLI does: the CLI was
 * killed by the Ctrl-C and said nothing (exit 130) of an import that was made. Now it reports it,
 * a second Ctrl-C stops waiting and says it may have been made, and a Ctrl-C before any write
 * says nothing was written.
 */
describe.skipIf(process.env.DATABASE_URL)(
  'Ctrl-C in the CLI (PGlite; skipped with DATABASE_URL)',
  () => {
    let server: Server;
    let env: Record<string, string>;
    const dir = scratchDir();

    beforeAll(async () => {
      env = { ORGRAPH_DATA_DIR: await demoDir() };
      server = await startServer(env);
    }, 120_000);
    afterAll(() => server?.stop());

    /** The CLI importing a file of one new person, Ctrl-C pressed as `when` says. */
    async function importPressing(when: string, email: string, format: 'json' | 'csv' = 'json') {
      const path = join(dir, `${email}.${format}`);
      writeFileSync(
        path,
        format === 'json'
          ? JSON.stringify({ people: [{ email, name: 'New Person' }] })
          : `email,name,title,level,manager_email,team,start_date,departure_date\n${email},New Person,,,,,,\n`,
      );
      const flags = format === 'csv' ? ['--from', 'csv'] : [];
      const cli = run(
        'node',
        ['--import', './test/ops/ctrl-c-hook.mjs', 'dist/cli/org.js', 'import', ...flags, path],
        { ...env, CTRL_C: when },
      );
      const code = await cli.exited;
      const { data } = await gql(
        server.url,
        'query ($email: String!) { person(email: $email) { email } }',
        { email },
      );
      return { code, output: cli.output(), made: data.person !== null };
    }

    it('once a write was sent: reports its outcome (the import made), exit 0', async () => {
      const { code, output, made } = await importPressing('write', 'once@example.com');
      expect(made).toBe(true);
      expect(output).toMatch(/Ctrl-C: a write was sent, and is made all or nothing/);
      expect(output).toMatch(/imported: 1 created, 0 updated/);
      expect(code, output).toBe(0);
    }, 60_000);

    it('a second Ctrl-C stops waiting, saying the write may have been made (exit 130)', async () => {
      const { code, output } = await importPressing('write-twice', 'twice@example.com');
      expect(output).toMatch(/Stopped waiting: the write may have been made/);
      expect(output).not.toMatch(/imported:/);
      expect(code, output).toBe(130);
    }, 60_000);

    it('before any write: stops at once, nothing written (exit 130)', async () => {
      const { code, output, made } = await importPressing('read', 'never@example.com', 'csv');
      expect(made).toBe(false);
      expect(output).toMatch(/Interrupted: nothing was written\./);
      expect(code, output).toBe(130);
    }, 60_000);
  },
);

describe.skipIf(process.env.DATABASE_URL)('Ctrl-C before the CLI opens the org', () => {
  it('while `import -` waits for standard input: nothing written, said so (exit 130)', async () => {
    // No server, no folder opened yet: the command is still reading what to import. Ctrl-C was
    // heard only once the database opened: here it killed the CLI without a word.
    const cli = run(
      'node',
      ['--import', './test/ops/ctrl-c-hook.mjs', 'dist/cli/org.js', 'import', '-'],
      { ORGRAPH_DATA_DIR: scratchDir(), CTRL_C: 'stdin' },
    );
    expect(await cli.exited, cli.output()).toBe(130);
    expect(cli.output()).toMatch(/Interrupted: nothing was written\./);
  }, 60_000);
});
