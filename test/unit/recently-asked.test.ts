import { describe, expect, it } from 'vitest';
import { recentlyAsked } from '../../src/core/collections.js';

describe('recentlyAsked (the org states a snapshot keeps by day)', () => {
  it('computes a missing key once and keeps it', () => {
    const map = new Map<string, number>();
    let computed = 0;
    const square = (key: string) => {
      computed++;
      return Number(key) ** 2;
    };
    expect(recentlyAsked(map, '3', 2, square)).toBe(9);
    expect(recentlyAsked(map, '3', 2, square)).toBe(9);
    expect(computed).toBe(1);
  });

  it('past the limit, drops the key asked longest ago, not the one asked again', () => {
    const map = new Map<string, string>();
    const upper = (key: string) => key.toUpperCase();
    recentlyAsked(map, 'a', 2, upper);
    recentlyAsked(map, 'b', 2, upper);
    recentlyAsked(map, 'a', 2, upper); // a is the last asked now: b goes next
    recentlyAsked(map, 'c', 2, upper);
    expect([...map.keys()]).toEqual(['a', 'c']);
  });
});
