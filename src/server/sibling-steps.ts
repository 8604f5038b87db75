import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import type { OrgSnapshots } from '../store/snapshots.js';
import type { SavedChanges } from '../writes/save.js';
import { WORKERS_INSTANCE_ENV } from './config.js';

const STEP = 'orgraph:step';

/**
 * How long a worker that sees a newer org version waits for its step before it reads the
 * whole org: a sibling's step arrives about a millisecond after its commit, later when either
 * worker is busy (a collection, a slice of a tree), and a version written elsewhere (the CLI,
 * another server) costs this much more than a read of the org.
 */
const WAIT_MS = 250;

/** A bigger write (an import) is not told: each sibling reads the org, as fast as the IPC. */
const ROWS_TOLD = 20_000;

interface StepMessage {
  type: typeof STEP;
  version: number;
  changes: SavedChanges;
  /** The version before it was written by another instance (or the CLI). */
  afterOther: boolean;
}

/**
 * A step that could not be sent (the channel closing as a worker stops) is not an error: the
 * worker that misses it reads the org instead, and an unhandled send error would end the process.
 */
const untold = () => {};

const isStep = (message: unknown): message is StepMessage =>
  (message as { type?: unknown } | null)?.type === STEP;

const rowsOf = (changes: SavedChanges) =>
  Object.values(changes).reduce(
    (sum, { inserts, updates }) => sum + inserts.length + updates.length,
    0,
  );

/**
 * In a worker: each write committed here is told to the other workers (through the
 * primary), and each one they commit is applied here as a write of this worker's own would
 * be (`OrgSnapshots.withSiblings`), instead of the whole org being read again on the version
 * check or the change feed. Nothing is answered from an older version meanwhile: a request
 * that sees a newer version than this worker holds waits for its step, or reads the org.
 */
export function shareSteps(snapshots: OrgSnapshots): void {
  const tell = (version: number, changes: SavedChanges, afterOther: boolean) => {
    if (rowsOf(changes) > ROWS_TOLD || !process.connected) return;
    const step: StepMessage = { type: STEP, version, changes, afterOther };
    process.send?.(step, undefined, {}, untold);
  };
  const steps = snapshots.withSiblings(
    tell,
    WAIT_MS,
    process.env[WORKERS_INSTANCE_ENV] ?? snapshots.instance,
  );
  process.on('message', (message) => {
    if (isStep(message)) steps.heard(message.version, message.changes, message.afterOther);
  });
}

/**
 * In the primary: a worker's step goes to every other worker. Set before the first fork:
 * messages are structured clones, so the rows arrive as they were saved; and every worker,
 * one started again too, is named this instance.
 */
export function relaySteps(): void {
  cluster.setupPrimary({ serialization: 'advanced' });
  process.env[WORKERS_INSTANCE_ENV] = randomUUID();
  cluster.on('message', (from, message) => {
    if (!isStep(message)) return;
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && worker !== from && worker.isConnected())
        worker.send(message, undefined, untold);
    }
  });
}
