import type { SavedChanges } from '../writes/save.js';

/** Steps kept at most: a process far behind its siblings loads the org instead. */
const KEPT = 64;

/** How long a process waits for its own write in flight to be applied, at most. */
const OWN_WRITE_MS = 5_000;

/**
 * The versions a process will hold without reading the org again: its own writes in flight
 * (committed or committing, not yet applied in memory), and the writes sibling processes
 * committed (node:cluster workers over one database), each version's saved changes as its
 * writer applied them to its own org. A process holding the version before one applies the
 * step as a write of its own would be, instead of reading the whole org again (1.4 s at
 * 100,000 people, during which its requests wait, and its writes if they wait inside theirs).
 */
export class HeardSteps {
  private readonly steps = new Map<number, SavedChanges>();
  private readonly waiters = new Set<() => void>();
  private readonly inFlight = new Set<number>();
  /** Versions another instance (or the CLI) wrote, as a sibling's step after one tells. */
  private readonly others = new Set<number>();

  /** How long a process that sees a newer version waits for a sibling's step (none: 0). */
  waitMs = 0;

  /** A write of this process's own is committing `version` (inside its transaction). */
  writing(version: number): void {
    this.inFlight.add(version);
  }

  /** That write is over: applied in memory, or failed. */
  wrote(version: number): void {
    this.inFlight.delete(version);
    this.news();
  }

  /**
   * Whether the org held (`held`) reached `version`: waiting for this process's own write
   * of each version in between to be applied, else for a sibling's step, applied with `apply`
   * (at most `waitMs` in all for those). False when neither comes: the org is read instead.
   */
  async reach(
    version: number,
    held: () => Promise<{ version: number } | null>,
    apply: (version: number, changes: SavedChanges) => Promise<void>,
  ): Promise<boolean> {
    const start = performance.now();
    const [until, ownUntil] = [start + this.waitMs, start + OWN_WRITE_MS];
    for (let now = await held(); now; now = await held()) {
      if (now.version >= version) {
        this.reached(now.version);
        return true;
      }
      const next = now.version + 1;
      if (this.others.has(next)) return false;
      const left = ownUntil - performance.now();
      if (this.inFlight.has(next) && left > 0) {
        await this.anyWithin(left);
        continue;
      }
      const step = await this.of(next, until);
      if (step) await apply(next, step);
      else if (performance.now() >= until) return false;
    }
    return false;
  }

  /**
   * A sibling committed `version` with these changes, after a version written by another
   * instance when `afterOther`: no step of that one will come.
   */
  heard(version: number, changes: SavedChanges, afterOther = false): void {
    this.steps.set(version, changes);
    if (afterOther) this.others.add(version - 1);
    for (const kept of [this.steps, this.others]) {
      for (const old of kept.keys()) if (old <= version - KEPT) kept.delete(old);
    }
    this.news();
  }

  /**
   * The process holds a newer version by other means: a write of its own (one it made while
   * another of its writes waited for the version before), or the org read again.
   */
  news(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /**
   * The changes of `version`, waited for until `until` (performance.now()) at most; undefined
   * as soon as there is other news (the version may be held by then: the caller looks again).
   */
  private async of(version: number, until: number): Promise<SavedChanges | undefined> {
    const step = this.steps.get(version);
    const left = until - performance.now();
    if (step || left <= 0 || !(await this.anyWithin(left))) return step;
    return this.steps.get(version);
  }

  /** Drops the steps up to `version`: the process holds it. */
  private reached(version: number): void {
    for (const kept of [this.steps, this.others]) {
      for (const old of kept.keys()) if (old <= version) kept.delete(old);
    }
  }

  /** Whether there is news (a step heard, a version held) within `ms`. */
  private anyWithin(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const heard = () => settle(true);
      const timer = setTimeout(() => settle(false), ms);
      const settle = (value: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(heard);
        resolve(value);
      };
      this.waiters.add(heard);
    });
  }
}
