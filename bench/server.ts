/**
 * orgraph as its users run it — `npm start`'s compiled server, NODE_ENV=production — in a
 * process of its own on a free port over the bench database: the bench times what ships
 * (not TypeScript compiled on the fly), and the server's memory is its own, not the bench
 * client's with it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface BenchServer {
  port: number;
  /** The server's resident memory now, its workers' included, in MiB. */
  rssMb(): number;
  /** The server's process ids: its own and its workers'. */
  pids(): number[];
  stop(): Promise<void>;
}

const MAIN = new URL('../dist/server/main.js', import.meta.url).pathname;

/** Starts the compiled server (`npm run build` first) and waits for its start line. */
export function startServer(
  databaseUrl: string,
  adminToken: string,
  workers = 1,
): Promise<BenchServer> {
  const env = {
    // One process unless asked: the table's figures are one worker's (memory included).
    ORGRAPH_WORKERS: String(workers),
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    ORGRAPH_ADMIN_TOKEN: adminToken,
    PORT: '0',
    HOST: '127.0.0.1',
    ORGRAPH_LOG_LEVEL: 'warn',
  };
  // The port is in the start line: one JSON line, as it logs off a terminal.
  const port = (line: string) => /"url":"http:\/\/[^:]+:(\d+)\//.exec(line)?.[1];
  // `npm start`'s V8 flags: its young generation and its heap cap (ORGRAPH_HEAP_MB).
  const heapMb = process.env.ORGRAPH_HEAP_MB ?? '768';
  return spawnServer(
    ['--max-semi-space-size=32', `--max-old-space-size=${heapMb}`, MAIN],
    env,
    port,
  );
}

/**
 * A server process on this bench's Node (orgraph and its peer run on the same one), started
 * with `args` and `env`, once `portIn` finds its port in a line of its output.
 */
export async function spawnServer(
  args: string[],
  env: Record<string, string>,
  portIn: (line: string) => string | undefined,
): Promise<BenchServer> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // A bench that fails midway leaves no server behind (one was left listening at L).
  const orphaned = () => child.kill('SIGTERM');
  process.once('exit', orphaned);
  child.once('exit', () => process.off('exit', orphaned));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`${args.at(-1)} exited (${code}) before listening`)),
    );
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const found = portIn(line);
      if (found) resolve(Number(found));
    });
  });
  const pids = () => treeOf(child.pid ?? 0);
  const rssMb = () => pids().reduce((mb, pid) => mb + residentMb(pid), 0);
  return { port, rssMb, pids, stop: () => stopped(child) };
}

function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A process and its descendants (a server's workers). */
function treeOf(pid: number): number[] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .split(' ')
    .filter(Boolean)
    .map(Number);
  return [pid, ...children.flatMap(treeOf)];
}

function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status);
  return kb ? Number(kb[1]) / 1024 : Number.NaN;
}
