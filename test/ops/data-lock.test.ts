import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { lockDataFolder } from '../../src/server/data-lock.js';
import { cli, ROOT, run, scratchDir } from './processes.js';

it("is the project's .orgraph by default, whatever folder a command runs from", () => {
  // `node …/dist/cli/org.js check` run from another folder read a new, empty org made there.
  const before = process.cwd();
  process.chdir(tmpdir());
  try {
    expect(loadConfig({}).dataDir).toBe(join(ROOT, '.orgraph'));
    expect(loadConfig({ ORGRAPH_DATA_DIR: 'mine' }).dataDir).toBe(join(tmpdir(), 'mine'));
  } finally {
    process.chdir(before);
  }
});

/** A process that has exited and that its parent (`sleep`, which never waits) never collects. */
async function zombie(): Promise<{ pid: number; parent: () => void }> {
  const parent = spawn('sh', ['-c', 'sleep 0.1 & echo $!; exec sleep 60']);
  const pid = await new Promise<number>((resolve) =>
    parent.stdout.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim()))),
  );
  const state = () => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
  await expect.poll(state).toBe('Z');
  return { pid, parent: () => parent.kill('SIGKILL') };
}

it.runIf(process.platform === 'linux')(
  "takes over a killed server's folder before its parent has collected it (a zombie)",
  async () => {
    // Its pid still answered signal 0: the CLI sent its command to the dead server's port
    // ("does not answer … restart it") until the parent reaped it, and a restart was refused.
    const dead = await zombie();
    try {
      const dataDir = scratchDir();
      const owner = { pid: dead.pid, host: hostname(), what: 'server', url: 'http://127.0.0.1:1' };
      writeFileSync(join(dataDir, 'orgraph-owner.json'), JSON.stringify({ ...owner, token: 'x' }));
      mkdirSync(join(dataDir, 'orgraph.lock')); // its lock, as fresh as it left it
      const lock = await lockDataFolder(dataDir, 'CLI (org check)', () => {});
      const taken = JSON.parse(readFileSync(join(dataDir, 'orgraph-owner.json'), 'utf8'));
      expect(taken).toMatchObject({ pid: process.pid, what: 'CLI (org check)' });
      await lock.release();
    } finally {
      dead.parent();
    }
  },
  30_000,
);

/** A process's start time, as the owner file states it (/proc/PID/stat's 22nd field). */
const startOf = (pid: number) =>
  readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[19];

/**
 * A folder whose lock names a live process (`sleep`) as its server, the lock as old as `age`;
 * `started`: the start time its owner file states (none: an owner file of before).
 */
function heldBySleeper(
  age: number,
  started?: (pid: number) => string | undefined,
): { dataDir: string; pid: number; end: () => void } {
  const sleeper = spawn('sleep', ['60']);
  const dataDir = scratchDir();
  const pid = sleeper.pid as number;
  const owner = { pid, host: hostname(), what: 'server', started: started?.(pid) };
  writeFileSync(join(dataDir, 'orgraph-owner.json'), JSON.stringify(owner));
  mkdirSync(join(dataDir, 'orgraph.lock'));
  const lastTouched = new Date(Date.now() - age);
  utimesSync(join(dataDir, 'orgraph.lock'), lastTouched, lastTouched);
  return { dataDir, pid: sleeper.pid as number, end: () => sleeper.kill('SIGKILL') };
}

it.runIf(process.platform === 'linux')(
  'never takes over from its holder, busy or paused however long: the same process, by its start',
  async () => {
    // An import of 100,000 people keeps a server's event loop from touching its lock for 12 s,
    // Ctrl-Z for good: a CLI command then took the folder over, and the server's writes (and
    // once the whole database) were lost.
    const held = heldBySleeper(60_000, startOf);
    try {
      await expect(lockDataFolder(held.dataDir, 'CLI (org check)', () => {})).rejects.toThrow(
        `is in use by orgraph server (pid ${held.pid}`,
      );
    } finally {
      held.end();
    }
    // A live pid that started at another time is not the holder: another process given its
    // number (after a reboot), whose lock is taken over as before.
    const reused = heldBySleeper(60_000, () => '1');
    try {
      const lock = await lockDataFolder(reused.dataDir, 'server', () => {});
      await lock.release();
    } finally {
      reused.end();
    }
  },
  30_000,
);

it('takes over a lock untouched for 20 s though its pid now names another process (after a reboot)', async () => {
  // The start was refused for as long as the reused pid lived, though a live holder touches
  // its lock every 2 s and operations.md says a lock untouched 20 s is taken over.
  const held = heldBySleeper(60_000);
  try {
    const lock = await lockDataFolder(held.dataDir, 'server', () => {});
    const taken = JSON.parse(readFileSync(join(held.dataDir, 'orgraph-owner.json'), 'utf8'));
    expect(taken).toMatchObject({ pid: process.pid, what: 'server' });
    await lock.release();
  } finally {
    held.end();
  }
});

it('refuses a folder whose live holder touched its lock lately', async () => {
  const held = heldBySleeper(0);
  try {
    await expect(lockDataFolder(held.dataDir, 'server', () => {})).rejects.toThrow(
      `is in use by orgraph server (pid ${held.pid} on ${hostname()})`,
    );
  } finally {
    held.end();
  }
});

it('a command run while the server starts waits for it to listen, then goes through it', async () => {
  // In the server's first seconds (a first start loads the demo) the folder is held and the
  // owner file gives no address yet: the command was told "in use by orgraph server: stop it".
  const dataDir = join(scratchDir(), 'data');
  const server = run('node', ['dist/server/main.js'], { ORGRAPH_DATA_DIR: dataDir });
  try {
    const owner = join(dataDir, 'orgraph-owner.json');
    await expect.poll(() => existsSync(owner), { timeout: 60_000, interval: 10 }).toBe(true);
    expect(JSON.parse(readFileSync(owner, 'utf8')).url).toBeUndefined();
    const exported = await cli({ ORGRAPH_DATA_DIR: dataDir }, 'export');
    expect(exported.code, exported.output).toBe(0);
    expect(JSON.parse(exported.output).units.length).toBeGreaterThan(0);
  } finally {
    server.child.kill('SIGKILL');
    await server.exited;
  }
}, 120_000);

it('a command waiting for a starting server that fails to listen runs once it has stopped', async () => {
  // It was told the folder is in use by that server's pid, a process already gone.
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const dataDir = join(scratchDir(), 'data');
  const port = String((taken.address() as AddressInfo).port);
  const server = run('node', ['dist/server/main.js'], { ORGRAPH_DATA_DIR: dataDir, PORT: port });
  try {
    const owner = join(dataDir, 'orgraph-owner.json');
    await expect.poll(() => existsSync(owner), { timeout: 60_000, interval: 10 }).toBe(true);
    const exported = await cli({ ORGRAPH_DATA_DIR: dataDir }, 'export');
    expect(await server.exited, server.output()).toBe(3);
    expect(exported.code, exported.output).toBe(0);
    expect(JSON.parse(exported.output).units.length).toBeGreaterThan(0);
  } finally {
    server.child.kill('SIGKILL');
    taken.close();
  }
}, 120_000);
