import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { demoDir, isAlive, run, said, slowRequest, startServer } from './processes.js';

/** The parent pid of a process, from /proc (Linux). */
const parentOf = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[3]);

/** `npm start` on a copy of the demo folder: npm, its pid and the server's (the folder's owner). */
async function npmStart(env: Record<string, string> = {}) {
  const dataDir = await demoDir();
  const npm = await startServer({ ORGRAPH_DATA_DIR: dataDir, ...env }, ['npm', 'start']);
  const owner = JSON.parse(readFileSync(join(dataDir, 'orgraph-owner.json'), 'utf8'));
  return { npm, npmPid: npm.child.pid as number, serverPid: owner.pid as number };
}

// What a container runtime or a supervisor does: SIGTERM to the process it started.
describe.skipIf(process.env.DATABASE_URL)(
  'npm start and SIGTERM (PGlite; skipped with DATABASE_URL)',
  () => {
    // Whatever a failed test left running is ended (npm's children are not killed with it).
    const started: number[] = [];
    afterEach(() => {
      for (const pid of started.splice(0)) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    });
    it.each([
      ['npm', (npm: number) => npm],
      ['the node server', (_npm: number, server: number) => server],
    ])(
      'SIGTERM to %s drains a request in flight, exits 0, leaves no process',
      async (_who, target) => {
        const { npm, npmPid, serverPid } = await npmStart();
        started.push(serverPid, npmPid);
        // One process under npm: the server itself (no shell or loader in between).
        expect(parentOf(serverPid)).toBe(npmPid);

        let send = () => {};
        const answer = slowRequest(npm.url, new Promise<void>((resolve) => (send = resolve)));
        await sleep(300);
        process.kill(target(npmPid, serverPid), 'SIGTERM');
        await said(npm, /SIGTERM: finishing requests in flight/); // the server has begun draining: the request is in flight
        send();
        const { status, body } = await answer;
        expect(status).toBe(200);
        expect(JSON.parse(body).data.coverage.benchStrength).toEqual(expect.any(Number));
        expect(await npm.exited).toBe(0);
        expect(isAlive(serverPid)).toBe(false);
      },
      180_000,
    );

    it('Ctrl-C, which signals npm and the server alike, is one clean stop: exit 0', async () => {
      // A terminal's Ctrl-C reaches every process of its group, and npm passes its own on:
      // the server took the second SIGINT for an operator's second Ctrl-C, and exited 1 at once.
      const { npm, npmPid, serverPid } = await npmStart();
      started.push(serverPid, npmPid);
      process.kill(serverPid, 'SIGINT');
      process.kill(npmPid, 'SIGINT');
      expect(await npm.exited).toBe(0);
      expect(npm.output()).toMatch(/SIGINT: finishing requests in flight/);
      expect(npm.output()).not.toMatch(/again: exiting now/);
      // npm echoes the start script: the refusal of a bad ORGRAPH_HEAP_MB was in it.
      expect(npm.output()).not.toMatch(/could not start/);
    }, 180_000);

    it.each(['abc', '48'])('refuses an ORGRAPH_HEAP_MB of %s in one line, exit 2', async (heap) => {
      // Node refused abc in its own words ("node: bad option: --max-old-space-size=abc"),
      // exit 9; 48 MB ran V8 out of memory at start, a stack trace and exit 134.
      const npm = run('npm', ['start', '--silent'], { ORGRAPH_HEAP_MB: heap });
      expect(await npm.exited).toBe(2);
      expect(npm.output().trim()).toBe(
        'orgraph could not start: Bad setting ORGRAPH_HEAP_MB: a whole number of megabytes, at least 64, e.g. 768. Fix or unset it.',
      );
    });

    it('caps the heap of the server at ORGRAPH_HEAP_MB (768 MB unless set)', async () => {
      const { npm, npmPid, serverPid } = await npmStart({ ORGRAPH_HEAP_MB: '640' });
      started.push(serverPid, npmPid);
      const flags = readFileSync(`/proc/${serverPid}/cmdline`, 'utf8').split('\0');
      expect(flags).toContain('--max-old-space-size=640');
      process.kill(serverPid, 'SIGTERM');
      expect(await npm.exited).toBe(0);
    }, 180_000);
  },
);
