import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  statSync,
} from 'node:fs';
import { request } from 'node:http';
import { constants, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { todayUtc } from '../../src/core/org/days.js';
import { hashFolder, pgliteTemplateKey } from '../../src/db/pglite-template.js';

export const ADMIN = 'ops-test-admin-token-0123456789';
export const ROOT = new URL('../../', import.meta.url).pathname;
const LISTENING = /orgraph listening on http:\/\/[^:]+:(\d+)\/graphql/;

/**
 * Where this run's scratch folders go (a data folder is 40 MB: runs left gigabytes behind):
 * one folder per vitest run, named after its main process — a worker's parent, or this process
 * in the global setup (which makes the demo folder: named after npm, its folder stayed) — and
 * removed when the run ends (build.ts).
 */
const mainProcess = () => (process.env.VITEST_WORKER_ID ? process.ppid : process.pid);
export const runScratch = (main = mainProcess()) => join(tmpdir(), `orgraph-ops-run-${main}`);

/** A fresh, empty embedded data folder. */
export function scratchDir(): string {
  mkdirSync(runScratch(), { recursive: true });
  return mkdtempSync(join(runScratch(), 'data-'));
}

/**
 * A data folder of the test's own holding the demo org, as a server's first start leaves it
 * (its token shown): a copy of one such folder. A first start (initdb, the migrations, the
 * demo import) costs about ten seconds of CPU, so that one is made once for this build of
 * dist/ and this day, and kept in the system's temporary folder for every worker and every
 * later run (as the PGlite template is). Tests of the first start itself use `scratchDir()`.
 */
export async function demoDir(copy = scratchDir()): Promise<string> {
  const original = await demoOriginal();
  // The folder's lock and owner belong to the server that made it, not to the copy.
  const theirs = ['orgraph.lock', 'orgraph-owner.json'];
  cpSync(original, copy, { recursive: true, filter: (path) => !theirs.includes(basename(path)) });
  // PostgreSQL's default 128 MB of shared buffers cost every process opening the folder half
  // a second of CPU (PGlite sets them up in WebAssembly at each start) and 120 MB of memory;
  // a test's few hundred rows fit in 16 MB many times over. Later lines of the file win.
  appendFileSync(join(copy, 'postgresql.conf'), 'shared_buffers = 16MB\n');
  return copy;
}

let demoFolder: string | undefined; // dist/ does not change during a run
/** The demo folder every `demoDir()` copies: made once per build and day (global setup). */
export async function demoOriginal(): Promise<string> {
  demoFolder ??= join(tmpdir(), `orgraph-test-demo-${buildKey()}-${todayUtc()}`);
  const folder = demoFolder;
  if (existsSync(folder)) return folder;
  // Both workers start with the process tests: one makes the folder, the other waits for it.
  const release = await lockfile.lock(folder, {
    realpath: false,
    stale: 60_000,
    retries: { retries: 1_500, minTimeout: 100, maxTimeout: 200 },
  });
  try {
    if (!existsSync(folder)) renameSync(await firstStart(), folder); // whole, or not there
  } finally {
    await release();
  }
  return folder;
}

/** Changes with what a first start runs: the compiled code, the demo, the migrations. */
function buildKey(): string {
  const hash = createHash('sha256').update(pgliteTemplateKey());
  const compiled = (name: string) => !/\.(map|tsbuildinfo|tar)$/.test(name);
  hashFolder(hash, join(ROOT, 'dist'), compiled);
  hashFolder(hash, join(ROOT, 'src/demo'));
  return hash.digest('hex').slice(0, 16);
}

async function firstStart(): Promise<string> {
  const dataDir = scratchDir();
  const server = await startServer({ ORGRAPH_DATA_DIR: dataDir });
  const code = await server.stop();
  if (code !== 0) throw new Error(`the demo folder's server exited ${code}: ${server.output()}`);
  return dataDir;
}

/** The environment of a spawned process: ours without DATABASE_URL, plus `env`. */
function environment(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _, ...rest } = process.env;
  return { ...rest, PORT: '0', ORGRAPH_ADMIN_TOKEN: ADMIN, ...env };
}

/**
 * Every node the tests start compiles PGlite's WebAssembly with V8's baseline compiler
 * alone: a short-lived process never gains back what the optimizing tier costs (about a
 * third of a CLI command's CPU, a second for each server or CLI opening a data folder).
 * What the code does is the same; `npm start` (npm-start.test.ts) runs without it.
 */
const NODE_FLAGS = ['--liftoff-only'];

export interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Spawns a command in the repository (as another user: `as`), collecting its output. */
export function run(
  command: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  as?: { uid: number; gid: number },
): Running {
  const child = spawn(command, command === 'node' ? [...NODE_FLAGS, ...args] : args, {
    cwd: ROOT,
    env: environment(env),
    ...as,
  });
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
  // As a shell reports it: a process a signal stopped exits 128 + its number (SIGINT: 130).
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ? 128 + constants.signals[signal] : code)),
  );
  return { child, output: () => Buffer.concat(chunks).toString(), exited };
}

export interface Server extends Running {
  url: string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the compiled server (or `npm start`) and waits until it listens. */
export async function startServer(
  env: Record<string, string | undefined>,
  command: [string, ...string[]] = ['node', 'dist/server/main.js'],
): Promise<Server> {
  const [bin, ...args] = command;
  const running = run(bin, args, env);
  const port = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const port = LISTENING.exec(running.output())?.[1];
      if (port) resolve(port);
    };
    running.child.stdout?.on('data', check);
    running.exited.then((code) => reject(new Error(`exited ${code}: ${running.output()}`)));
  });
  const stop = (signal: NodeJS.Signals = 'SIGTERM') => {
    if (running.child.exitCode === null) running.child.kill(signal);
    return running.exited;
  };
  return { ...running, url: `http://127.0.0.1:${port}`, stop };
}

/** Runs the compiled CLI to its end: exit code and what it printed. */
export async function cli(env: Record<string, string | undefined>, ...args: string[]) {
  const running = run('node', ['dist/cli/org.js', ...args], env);
  const code = await running.exited;
  return { code, output: running.output() };
}

/** One GraphQL request over HTTP, as a client would send it. */
export async function gql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token = ADMIN,
): Promise<{ status: number; data?: any; errors?: any[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/** Whether a process id is alive. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every entry of the folder (itself included) whose mode lets anyone but the owner in. */
export function looseEntries(dataDir: string): string[] {
  const entries = [
    dataDir,
    ...readdirSync(dataDir, { recursive: true }).map((e) => join(dataDir, String(e))),
  ];
  return entries.filter((path) => (statSync(path).mode & 0o077) !== 0);
}

/** A GraphQL request whose body arrives in two halves, `pauseMs` apart: in flight meanwhile. */
export function slowRequest(url: string, sent: Promise<void>) {
  const body = JSON.stringify({ query: '{ coverage { benchStrength } }' });
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on('error', reject);
    req.write(body.slice(0, 10));
    sent.then(() => req.end(body.slice(10)));
  });
}

/** Resolves once the process has printed a line matching `pattern`. */
export function said({ child, output }: Server, pattern: RegExp): Promise<void> {
  return new Promise((resolve) => {
    const streams = [child.stdout, child.stderr];
    const check = () => {
      if (!pattern.test(output())) return;
      for (const stream of streams) stream?.off('data', check);
      resolve();
    };
    for (const stream of streams) stream?.on('data', check);
    check();
  });
}
