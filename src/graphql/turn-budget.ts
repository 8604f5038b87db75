/**
 * Big answers computed a slice at a time. A whole tree of 16,000 units is worked out by
 * synchronous resolvers from the snapshot: in one piece it holds its process's event loop for
 * hundreds of milliseconds, and a person lookup that arrives meanwhile waits for all of it.
 * Fields that fan out (a unit's children) ask `inTurn`: once the event loop's current turn
 * has computed for `SLICE_MS`, the rest of the answer waits for the next turn, after the
 * requests that arrived meanwhile have been read and answered. The answer is the same; only
 * when its parts are computed changes. Its JSON is written the same way (json-in-slices.ts).
 *
 * Small reads go first: while a request that has had nothing deferred is executing (a person
 * lookup waiting for its version check, say), deferred parts wait, for at most `SLICE_MS` after
 * each slice, so a stream of small reads slows a tree but never stops it.
 */

/** How long one event-loop turn computes a big answer before it lets others in. */
export const SLICE_MS = 2;

/** When the current turn's budget runs out (performance.now()); 0 before a turn has one. */
let sliceEnds = 0;
/** When the last spent slice ran out (performance.now()). */
let lastSliceEnded = 0;

/** Whether this turn has computed its share; the first to ask in a turn starts its budget. */
export function turnSpent(): boolean {
  const now = performance.now();
  if (sliceEnds === 0) {
    sliceEnds = now + SLICE_MS;
    // The next turn starts a budget of its own: this reset runs before any part deferred below.
    setImmediate(() => {
      sliceEnds = 0;
    });
    return false;
  }
  if (now <= sliceEnds) return false;
  lastSliceEnded = sliceEnds;
  return true;
}

/**
 * Requests executing that have had nothing deferred (the small reads, by their contexts), and
 * when each began. One that has run for `SMALL_FOR_MS` is no longer waited for: a read held
 * up that long (or one whose end was never told) must not keep slowing big answers.
 */
const small = new Map<object, number>();
const SMALL_FOR_MS = 250;

/** `owner`'s request starts executing: a small read until a part of it is deferred. */
export const executing = (owner: object): void => void small.set(owner, performance.now());

/**
 * `owner`'s request is no longer a small read waited for: it has its answer, or it is big
 * after all (a part of it deferred, or a heavy analysis).
 */
export const noLongerSmall = (owner: object): void => void small.delete(owner);

/** Whether deferred parts wait this turn: small reads are executing and a slice ran lately. */
function yieldingToSmall(): boolean {
  if (small.size === 0) return false;
  const now = performance.now();
  for (const [owner, began] of small) if (now - began > SMALL_FOR_MS) small.delete(owner);
  return small.size > 0 && now - lastSliceEnded < SLICE_MS;
}

/** The requests (their GraphQL contexts) that had a part deferred: their answers are big. */
const sliced = new WeakSet<object>();

/** Whether a part of `owner`'s answer had to wait for a later turn: its answer is big. */
export const wasSliced = (owner: object): boolean => sliced.has(owner);

/** `compute()` now, or in a later turn once this one has computed its share. */
export function inTurn<T>(owner: object, compute: () => T | Promise<T>): T | Promise<T> {
  if (!turnSpent()) return compute();
  sliced.add(owner);
  noLongerSmall(owner);
  return new Promise<T>((resolve, reject) => later(compute, resolve, reject));
}

/** Resolves in the next slice: the first later turn with budget left. */
export function nextSlice(): Promise<void> {
  return new Promise<void>((resolve, reject) => later(() => undefined, resolve, reject));
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
    if (yieldingToSmall() || turnSpent()) return later(compute, resolve, reject);
    try {
      resolve(compute());
    } catch (error) {
      reject(error);
    }
  });
}
