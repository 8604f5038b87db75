/**
 * Big answers computed a slice at a time. A whole tree of 16,000 units is worked out by
 * synchronous resolvers from the snapshot: in one piece it holds its process's event loop for
 * hundreds of milliseconds, and a person lookup that arrives meanwhile waits for all of it.
 * Fields that fan out (a unit's children) ask `inTurn`: once the event loop's current turn
 * has computed for `SLICE_MS`, the rest of the answer waits for the next turn, after the
 * requests that arrived meanwhile have been read and answered. The answer is the same; only
 * when its parts are computed changes.
 */

/** How long one event-loop turn computes a big answer before it lets others in. */
export const SLICE_MS = 2;

/** When the current turn's budget runs out (performance.now()); 0 before a turn has one. */
let sliceEnds = 0;

function turnSpent(): boolean {
  const now = performance.now();
  if (sliceEnds === 0) {
    sliceEnds = now + SLICE_MS;
    // The next turn starts a budget of its own: this reset runs before any part deferred below.
    setImmediate(() => {
      sliceEnds = 0;
    });
    return false;
  }
  return now > sliceEnds;
}

/** `compute()` now, or in a later turn once this one has computed its share. */
export function inTurn<T>(compute: () => T | Promise<T>): T | Promise<T> {
  if (!turnSpent()) return compute();
  return new Promise<T>((resolve, reject) => later(compute, resolve, reject));
}

/**
 * In the first turn with budget left. Parts deferred together wait in order; each turn
 * computes those it has budget for (at least the first) and leaves the rest for the next.
 */
function later<T>(
  compute: () => T | Promise<T>,
  resolve: (value: T | Promise<T>) => void,
  reject: (error: unknown) => void,
): void {
  setImmediate(() => {
    if (turnSpent()) return later(compute, resolve, reject);
    try {
      resolve(compute());
    } catch (error) {
      reject(error);
    }
  });
}
