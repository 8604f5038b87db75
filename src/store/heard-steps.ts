import type { SavedChanges } from '../writes/save.js';

/** Steps kept at most: a process far behind its siblings loads the org instead. */
const KEPT = 64;

/**
 * The writes sibling processes committed (node:cluster workers over one database), each
 * version's saved changes as its writer applied them to its own org. A process holding the
 * version before one applies the step as a write of its own would be, instead of reading
 * the whole org again (1.4 s at 100,000 people, during which its requests wait).
 */
export class HeardSteps {
  private readonly steps = new Map<number, SavedChanges>();
  private readonly waiters = new Set<() => void>();

  /** `waitMs`: how long a process that sees a newer version waits for its step. */
  constructor(readonly waitMs: number) {}

  /** A sibling committed `version` with these changes. */
  heard(version: number, changes: SavedChanges): void {
    this.steps.set(version, changes);
    for (const old of this.steps.keys()) if (old <= version - KEPT) this.steps.delete(old);
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
  async of(version: number, until: number): Promise<SavedChanges | undefined> {
    const step = this.steps.get(version);
    const left = until - performance.now();
    if (step || left <= 0 || !(await this.anyWithin(left))) return step;
    return this.steps.get(version);
  }

  /** Drops the steps up to `version`: the process holds it. */
  reached(version: number): void {
    for (const old of this.steps.keys()) if (old <= version) this.steps.delete(old);
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
