import { describe, expect, it } from 'vitest';
import { jsonInSlices } from '../../src/graphql/json-in-slices.js';
import {
  executing,
  inTurn,
  noLongerSmall,
  SLICE_MS,
  wasSliced,
} from '../../src/graphql/turn-budget.js';

/** Counts event-loop turns until stopped: how many passed while something waited. */
function turnCounter() {
  let turns = 0;
  let counting = true;
  const tick = () => {
    if (!counting) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  return () => {
    counting = false;
    return turns;
  };
}

const busyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

/** A graphql-js-like answer: objects without a prototype, as its executor builds them. */
function bare(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.assign(Object.create(null), fields);
}

describe('big answers a slice per turn (turn-budget.ts)', () => {
  /** A part of `owner`'s answer deferred: this turn's budget spent first. */
  async function deferredPart(owner: object) {
    await new Promise((resolve) => setImmediate(resolve)); // a turn of its own
    const began = performance.now();
    inTurn(owner, () => busyFor(SLICE_MS)); // the turn's first part: computed at once
    const stop = turnCounter();
    const started = performance.now();
    await inTurn(owner, () => undefined); // past the budget: in a later turn
    const now = performance.now();
    return { turns: stop(), waited: now - started, sinceSliceBegan: now - began };
  }

  it('marks an answer big once a part of it is deferred', async () => {
    const owner = {};
    expect(wasSliced(owner)).toBe(false);
    await deferredPart(owner);
    expect(wasSliced(owner)).toBe(true);
  });

  it('lets a small read that is under way go first, for a slice at most', async () => {
    const alone = await deferredPart({});
    const smallRead = {};
    executing(smallRead);
    try {
      const behind = await deferredPart({});
      // Alone, the part is computed in the next turn. Behind a small read it lets the turns go
      // by (the read's version check answered, its answer written) until a slice's time has
      // passed since the slice ended: two slices' time since that slice began, whatever the
      // machine's speed (a busy machine runs fewer turns in it, so time is asserted, not
      // turns). It does not wait for the read's end: the read is still executing, well short
      // of the 250 ms after which a read is no longer waited for.
      expect(alone.turns).toBeLessThanOrEqual(3);
      expect(behind.sinceSliceBegan).toBeGreaterThanOrEqual(2 * SLICE_MS);
      expect(behind.waited).toBeLessThan(200);
    } finally {
      noLongerSmall(smallRead);
    }
  });

  it('stops waiting for a read whose end is never told', async () => {
    const lost = {};
    executing(lost); // and never noLongerSmall(lost)
    await new Promise((resolve) => setTimeout(resolve, 300));
    const behind = await deferredPart({});
    expect(behind.turns).toBeLessThanOrEqual(3);
  });
});

describe('jsonInSlices', () => {
  it.each([
    ['a bare answer', bare({ data: bare({ a: 1, b: 'x"y\u2028', c: null, d: [1, 'two'] }) })],
    ['fields JSON leaves out', { a: undefined, b: () => 1, c: Symbol('s'), d: 1 }],
    ['array holes JSON writes null', [undefined, () => 1, Symbol('s'), Number.NaN, Infinity]],
    ['values that write themselves', { day: new Date(Date.UTC(2026, 0, 2)), n: -0 }],
    ['empty containers', { a: {}, b: [], c: [[[{}]]], d: bare({}) }],
    ['deeper than it cuts', { a: { b: { c: { d: { e: { f: { g: [1, { h: 2 }] } } } } } } }],
    ['keys that look like numbers', { b: 1, 2: 'two', a: 3, 1: 'one' }],
    ['a primitive', 'plain'],
    ['null', null],
  ])('writes %s exactly as JSON.stringify does', async (_name, value) => {
    expect(await jsonInSlices(value)).toBe(JSON.stringify(value));
  });

  it('writes a big answer over several turns, the same text', async () => {
    const unit = (slug: string, children: unknown[]) =>
      bare({ slug, name: `Unit ${slug}`, engLead: bare({ name: 'Ada' }), children });
    const teams = (a: number) => Array.from({ length: 20 }, (_, t) => unit(`t-${a}-${t}`, []));
    const areas = (p: number) =>
      Array.from({ length: 20 }, (_, a) => unit(`a-${p}-${a}`, teams(a)));
    const tree = bare({
      data: bare({
        units: bare({ nodes: Array.from({ length: 60 }, (_, p) => unit(`p-${p}`, areas(p))) }),
      }),
    });
    const stop = turnCounter();
    const text = await jsonInSlices(tree);
    expect(stop()).toBeGreaterThan(1);
    expect(text).toBe(JSON.stringify(tree));
  });
});
