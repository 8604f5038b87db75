import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const ADMIN = 'ops-test-admin-token-0123456789';
const ROOT = new URL('../../', import.meta.url).pathname;
const LISTENING = /orgraph listening on http:\/\/[^:]+:(\d+)\/graphql/;

/** A fresh, empty embedded data folder. */
export const scratchDir = () => mkdtempSync(join(tmpdir(), 'orgraph-ops-'));

let demoFolder: Promise<string> | undefined;
/**
 * A data folder of the test's own holding the demo org, as a server's first start leaves it
 * (its token shown): a copy of one such folder made once per worker, since a first start
 * (initdb, the migrations, the demo import) costs seconds. Tests of the first start itself
 * use `scratchDir()`.
 */
export async function demoDir(): Promise<string> {
  demoFolder ??= firstStart();
  const original = await demoFolder;
  const copy = scratchDir();
  // The folder's lock and owner belong to the server that made it, not to the copy.
  const theirs = ['orgraph.lock', 'orgraph-owner.json'];
  cpSync(original, copy, { recursive: true, filter: (path) => !theirs.includes(basename(path)) });
  return copy;
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

export interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Spawns a command in the repository, collecting stdout and stderr together. */
export function run(
  command: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): Running {
  const child = spawn(command, args, { cwd: ROOT, env: environment(env) });
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
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
