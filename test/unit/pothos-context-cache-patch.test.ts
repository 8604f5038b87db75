/**
 * patches/@pothos+core+4.15.1.patch, applied by `npm install`: Pothos' per-request caches
 * (scope-auth's, the dataloaders') kept on the context itself instead of as a WeakMap's
 * values, which V8's young-generation collections let outlive their keys, the request
 * (docs/performance.md). These check that it is applied and keeps the cache's semantics.
 */
import { contextCacheSymbol, createContextCache, initContextCache } from '@pothos/core';
import { describe, expect, it } from 'vitest';

describe('Pothos context caches as patched', () => {
  it('keeps the entry on the context, hidden from its keys, not in a WeakMap', () => {
    const made: object[] = [];
    const cacheOf = createContextCache((context: object) => {
      made.push(context);
      return { for: context };
    });
    const context = { viewer: 'ana' };
    const entry = cacheOf(context);
    expect(cacheOf(context)).toBe(entry);
    expect(made).toEqual([context]);
    expect(Object.getOwnPropertySymbols(context)).toHaveLength(1);
    expect(Object.keys(context)).toEqual(['viewer']);
    expect({ ...context }).toEqual({ viewer: 'ana' });
  });

  it('gives each context its own entry, and each cache its own slot', () => {
    const first = createContextCache(() => ({ cache: 1 }));
    const second = createContextCache(() => ({ cache: 2 }));
    const [a, b] = [{}, {}];
    expect(first(a)).not.toBe(first(b));
    expect(first(a)).toEqual({ cache: 1 });
    expect(second(a)).toEqual({ cache: 2 });
  });

  it('keys by the contextCacheSymbol object when there is one, as Pothos documents', () => {
    const cacheOf = createContextCache(() => ({}));
    const shared = initContextCache();
    const one = { ...shared, request: 1 };
    const copy = { ...shared, request: 2 };
    expect(cacheOf(copy)).toBe(cacheOf(one));
    expect(Object.getOwnPropertySymbols(one)).toEqual([contextCacheSymbol]);
  });

  it('forgets an entry on delete, and serves a frozen context as before', () => {
    let count = 0;
    const cacheOf = createContextCache(() => ({ n: ++count }));
    const context = {};
    expect(cacheOf(context)).toEqual({ n: 1 });
    cacheOf.delete(context);
    expect(cacheOf(context)).toEqual({ n: 2 });
    const frozen = Object.freeze({});
    expect(cacheOf(frozen)).toBe(cacheOf(frozen));
    cacheOf.delete(frozen);
    expect(cacheOf(frozen)).toEqual({ n: 4 });
  });
});
