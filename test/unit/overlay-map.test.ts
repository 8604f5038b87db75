import { describe, expect, it } from 'vitest';
import { OverlayMap, overlayOf } from '../../src/core/overlay-map.js';

// An overlay must read exactly as a changed copy of its base would: same entries, same
// order, same size, whatever sets and deletes were made and however deep the overlays lie.
type Change = ['set', string, number] | ['delete', string];

function copied(base: ReadonlyMap<string, number>, changes: Change[]): Map<string, number> {
  const copy = new Map(base);
  for (const c of changes) c[0] === 'set' ? copy.set(c[1], c[2]) : copy.delete(c[1]);
  return copy;
}

function overlaid(base: ReadonlyMap<string, number>, changes: Change[]) {
  return overlayOf(base, (map) => {
    for (const c of changes) c[0] === 'set' ? map.set(c[1], c[2]) : map.delete(c[1]);
  });
}

function expectSame(map: ReadonlyMap<string, number>, copy: Map<string, number>) {
  expect([...map]).toEqual([...copy]);
  expect([...map.keys()]).toEqual([...copy.keys()]);
  expect([...map.values()]).toEqual([...copy.values()]);
  expect(map.size).toBe(copy.size);
  for (const key of ['a', 'b', 'c', 'd', 'e', 'x']) {
    expect(map.get(key)).toBe(copy.get(key));
    expect(map.has(key)).toBe(copy.has(key));
  }
  const seen: string[] = [];
  map.forEach((value, key) => {
    seen.push(`${key}=${value}`);
  });
  expect(seen).toEqual([...copy].map(([k, v]) => `${k}=${v}`));
}

describe('OverlayMap', () => {
  const base = new Map([
    ['a', 1],
    ['b', 2],
    ['c', 3],
  ]);
  const cases: Change[][] = [
    [],
    [['set', 'b', 20]],
    [['set', 'x', 9]],
    [['delete', 'a']],
    [
      ['delete', 'b'],
      ['set', 'b', 22],
    ],
    [
      ['set', 'x', 9],
      ['delete', 'x'],
    ],
    [
      ['delete', 'x'],
      ['delete', 'c'],
      ['set', 'd', 4],
      ['set', 'a', 0],
    ],
  ];
  it.each(cases.map((c) => [JSON.stringify(c), c] as const))(
    'reads as a changed copy: %s',
    (_, changes) => {
      expectSame(overlaid(base, changes), copied(base, changes));
    },
  );

  it('reads as a copy through many layers, copying the base once they get deep', () => {
    let map: ReadonlyMap<string, number> = base;
    let copy = new Map(base);
    for (let i = 0; i < 30; i++) {
      const changes: Change[] = [
        ['set', ['a', 'b', 'c', 'd', 'e'][i % 5] as string, i],
        ['delete', ['e', 'a', 'd', 'b', 'c'][i % 5] as string],
      ];
      map = overlaid(map, changes);
      copy = copied(copy, changes);
      expectSame(map, copy);
      expect(map instanceof OverlayMap ? map.depth : 0).toBeLessThanOrEqual(4);
    }
  });

  // Flattened when deep by replaying each layer on one overlay of the bottom map (a copy, if
  // most of a small map changed): keys deleted and set again, set twice, set new and deleted,
  // must all land where a Map's do.
  it.each([3, 300])('flattens a deep one as a Map would read, over %i keys', (size) => {
    let seed = 11;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor((seed / 2_147_483_648) * n); // the high bits: the low ones repeat
    };
    const keys = [...'abcdefx', ...Array.from({ length: size - 3 }, (_, i) => `k${i}`)];
    const bottom = new Map(keys.slice(0, size).map((key, i) => [key, i]));
    let map: ReadonlyMap<string, number> = bottom;
    let copy = new Map(bottom);
    for (let i = 0; i < 300; i++) {
      const changes = Array.from({ length: 1 + next(4) }, (_, j): Change => {
        const key = keys[next(7)] as string;
        return next(3) === 0 ? ['delete', key] : ['set', key, i * 10 + j];
      });
      map = overlaid(map, changes);
      copy = copied(copy, changes);
      expectSame(map, copy);
      expect(map instanceof OverlayMap ? map.depth : 0).toBeLessThanOrEqual(4);
    }
  });
});
