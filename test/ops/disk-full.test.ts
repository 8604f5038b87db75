import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg, SIZES } from '../../src/demo/generate.js';
import { demoDir, gql, run, said, scratchDir, startServer } from './processes.js';

// A disk of the test's own: a small tmpfs, filled to leave as much room as each step needs.
// Mounting needs root (CI and these machines); elsewhere the file is skipped.
const disk = join(scratchDir(), 'disk');
function mountDisk(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  mkdirSync(disk, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=160m', 'tmpfs', disk], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
// Mounted only where the tests below run (not in the PostgreSQL run, whose skipped file's
// hooks never ran: its mounts were left behind).
const mounted = !process.env.DATABASE_URL && mountDisk();

const filler = join(disk, 'filler');
/** Fills the disk to leave `mb` MB free. */
function leaveFree(mb: number): void {
  rmSync(filler, { force: true });
  const { bavail, bsize } = statfsSync(disk);
  execFileSync('fallocate', ['-l', String(bavail * bsize - mb * 2 ** 20), filler]);
}

const CREATE = `mutation ($email: String!) {
  createPerson(input: { email: $email, name: "Noa Field" }) { person { email } }
}`;
const COUNT = '{ people(first: 1) { totalCount } }';

describe.runIf(mounted)('a full disk (embedded database)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await demoDir(join(disk, 'data'));
  });
  afterAll(() => execFileSync('umount', ['-l', disk]));

  it('refuses writes in time, answers reads meanwhile, and writes again once space is freed', async () => {
    // A write that filled the disk left PGlite spinning in WebAssembly: every request, /ready
    // and SIGTERM unanswered for good, space freed or not ("Unexpected error." before that).
    const server = await startServer({ ORGRAPH_DATA_DIR: dataDir });
    // A log line may reach the pipe after the answer it explains: waited for, 5 s at most.
    const logged = async (line: RegExp) => {
      await Promise.race([said(server, line), sleep(5_000)]);
      expect(server.output()).toMatch(line);
    };
    try {
      leaveFree(40);
      const refused = await gql(server.url, CREATE, { email: 'noa@example.com' });
      expect(refused.status).toBe(507);
      expect(refused.errors?.[0]).toMatchObject({
        message:
          "The database's disk is full: nothing was written. Reads go on; writes resume once space is freed.",
        extensions: { code: 'DISK_FULL' },
      });
      const counted = await gql(server.url, COUNT);
      expect(counted.errors).toBeUndefined();
      const before = counted.data.people.totalCount;
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);
      await logged(
        /"message":"the disk holding \S+ has \d+ MB free, and the embedded database keeps 64 MB free/,
      );
      // A write is given room for what it brings: an import's rows, not only the reserve.
      leaveFree(70);
      const IMPORT =
        'mutation ($document: JSONObject!) { importOrg(document: $document) { created { people } } }';
      const imported = await gql(server.url, IMPORT, { document: generateOrg(SIZES.S) });
      expect(imported.errors?.[0].extensions.code).toBe('DISK_FULL');
      expect((await gql(server.url, COUNT)).data.people.totalCount).toBe(before);
      // About 70: the database may have written a little since the room was left.
      await logged(
        /"message":"the disk holding \S+ has (6\d|70) MB free, this write needs about \d+ MB, and the embedded database keeps 64 MB free/,
      );
      leaveFree(100);
      const written = await gql(server.url, CREATE, { email: 'noa@example.com' });
      expect(written.data.createPerson.person.email).toBe('noa@example.com');
      expect((await gql(server.url, COUNT)).data.people.totalCount).toBe(before + 1);
    } finally {
      rmSync(filler, { force: true });
      await server.stop();
    }
  });

  it('will not open the folder on a disk too full, saying so rather than "damaged"', async () => {
    leaveFree(40);
    try {
      const started = run('node', ['dist/server/main.js'], { ORGRAPH_DATA_DIR: dataDir });
      expect(await started.exited).toBe(3);
      expect(started.output().trim()).toMatch(
        /^orgraph could not start: the disk holding \S+ has \d+ MB free, and the embedded database keeps 64 MB free to write safely: free space on it, then try again$/,
      );
    } finally {
      rmSync(filler, { force: true });
    }
  });
});
