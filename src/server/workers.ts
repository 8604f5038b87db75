import cluster, { type Worker } from 'node:cluster';
import { createServer } from 'node:net';
import { aggregateWorkerMetrics } from './cluster-metrics.js';
import { HandOff } from './hand-off.js';
import { listen, QUEUED_MS } from './http-server.js';
import type { Logger } from './logging.js';
import { relaySteps } from './sibling-steps.js';

/** How long a worker that crashed waits before it is started again, after the first retry. */
const RESTART_DELAY_MS = 1_000;

/** How long past the shutdown grace period a worker may take to close before it is killed. */
const STOP_MARGIN_MS = 5_000;

export interface WorkerSettings {
  workers: number;
  shutdownGraceMs: number;
  port: number;
  host: string;
}

/**
 * The server as `workers` processes sharing one port: the primary listens and hands each
 * connection to a worker in turn (hand-off.ts), each worker a whole server with its own org
 * snapshot. A port that cannot be had fails in the primary, before any worker starts. The
 * workers start one after the other, so only the first migrates the database and a start that
 * cannot serve fails once: that worker prints its one line and the primary exits with its
 * code. Once all are ready, `announce` runs once, told whether the last found the org empty; a worker that dies after that is started
 * again. The primary adds up the workers' metrics for `/metrics` and passes each worker's
 * writes on to the others (sibling-steps.ts). SIGTERM (or SIGINT) reaches every worker, which
 * finishes its requests, and the primary exits when the last has.
 */
export async function superviseWorkers(
  { workers: count, shutdownGraceMs: graceMs, port, host }: WorkerSettings,
  logger: Logger,
  announce: (port: number, started: { orgEmpty: boolean }) => void,
): Promise<void> {
  let stopping = false;
  let exitCode = 0;
  let allUp = false;
  const serving = new Set<Worker>();
  const handOff = new HandOff((worker, orgEmpty) => {
    serving.add(worker);
    if (allUp) return logger.info({ worker: worker.process.pid }, 'worker started again');
    if (serving.size < count) return void fork();
    allUp = true;
    announce(address.port, { orgEmpty });
  });
  const fork = () => cluster.fork();

  const stop = (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    if (allUp) logger.info({ reason }, `${reason}: stopping ${serving.size} workers`);
    // As a worker's own drain: connections the system queued are taken and handed on first.
    setTimeout(() => {
      handOff.close();
      listener.close();
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
      exitWhenNone();
    }, QUEUED_MS);
    // A worker still closing after its grace period (a pool waiting on a database that went
    // away) must not keep the whole server from stopping: its supervisor ends it.
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) {
        logger.warn({ worker: worker?.process.pid }, 'a worker did not stop in time: killed');
        worker?.process.kill('SIGKILL');
      }
    }, graceMs + STOP_MARGIN_MS).unref();
  };

  const exitWhenNone = () => {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  };

  cluster.on('exit', (worker, code, signal) => {
    const started = serving.delete(worker);
    if (stopping) return exitWhenNone();
    // It said why on its own (one line): the server cannot start.
    if (!allUp) return stop('a worker could not start', code || 3);
    logger.error(
      { worker: worker.process.pid, code, signal },
      `a worker ended (${signal ?? `exit ${code}`}): starting another`,
    );
    setTimeout(() => !stopping && fork(), started ? 0 : RESTART_DELAY_MS);
  });

  const listener = createServer({ pauseOnConnect: true }, (socket) => handOff.hand(socket));
  const address = await listen(listener, port, host);
  // Past the start, a failed accept (out of file descriptors) costs that connection only.
  listener.on('error', (error) => logger.error({ error: error.message }, 'could not accept'));
  process.on('SIGTERM', () => stop('SIGTERM', 0));
  process.on('SIGINT', () => stop('SIGINT', 0));
  aggregateWorkerMetrics();
  relaySteps();
  fork();
}
