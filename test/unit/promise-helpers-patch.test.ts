/**
 * patches/@whatwg-node+promise-helpers+1.3.2.patch, applied by `npm install`: promise-helpers
 * 2.0's allocation-free synchronous path backported to the 1.3 line that Yoga 5 and envelop
 * import (docs/performance.md). These check that it is applied and that every path keeps
 * 1.3.2's semantics: what Yoga's request pipeline, which calls these for each plugin hook,
 * relies on.
 */
import { fakePromise, fakeRejectPromise, handleMaybePromise } from '@whatwg-node/promise-helpers';
import { describe, expect, it } from 'vitest';

const fail = (message: string) => () => {
  throw new Error(message);
};

describe('promise-helpers as patched', () => {
  it('makes fake promises whose methods are shared, not three closures each', () => {
    const resolved = fakePromise(1);
    const rejected = fakeRejectPromise(new Error('no'));
    for (const fake of [resolved, rejected]) {
      expect(Object.hasOwn(fake, 'then')).toBe(false);
      expect(Object.prototype.toString.call(fake)).toBe('[object Promise]');
    }
    expect(Object.getPrototypeOf(fakePromise(2))).toBe(Object.getPrototypeOf(resolved));
  });

  it('hands a value that is not a promise straight on, synchronously', () => {
    const calls: string[] = [];
    const out = handleMaybePromise(
      () => {
        calls.push('input');
        return 2;
      },
      (value) => {
        calls.push('success');
        return value * 10;
      },
    );
    expect(out).toBe(20);
    expect(calls).toEqual(['input', 'success']);
  });

  it('sends an input that throws to the error factory, or throws it without one', () => {
    expect(handleMaybePromise(fail('input'), fail('not here'), (e: Error) => e.message)).toBe(
      'input',
    );
    expect(() => handleMaybePromise(fail('input'), (v) => v)).toThrow('input');
  });

  it('throws what the success factory throws, never asking the error factory', () => {
    let asked = false;
    const onError = () => {
      asked = true;
      return 0;
    };
    expect(() => handleMaybePromise(() => 1, fail('success'), onError)).toThrow('success');
    expect(asked).toBe(false);
  });

  it('answers a promise for a promise, and a fake one unwrapped', async () => {
    const out = handleMaybePromise(
      () => Promise.resolve(3),
      (v: number) => v + 1,
    );
    expect(out).toBeInstanceOf(Promise);
    expect(await out).toBe(4);
    expect(
      handleMaybePromise(
        () => fakePromise(5),
        (v: number) => v + 1,
      ),
    ).toBe(6);
    const later = handleMaybePromise(
      () => 1,
      (v: number) => Promise.resolve(v + 1),
    );
    expect(await later).toBe(2);
    const rejected = handleMaybePromise(
      () => Promise.reject(new Error('later')),
      (v) => v,
      (e: Error) => `caught ${e.message}`,
    );
    expect(await rejected).toBe('caught later');
  });

  it('runs the finally factory on both paths, as before', () => {
    const ran: string[] = [];
    const done = () => {
      ran.push('finally');
    };
    expect(
      handleMaybePromise(
        () => 1,
        (v: number) => v + 1,
        undefined,
        done,
      ),
    ).toBe(2);
    expect(() => handleMaybePromise(fail('boom'), (v) => v, undefined, done)).toThrow('boom');
    expect(ran).toEqual(['finally', 'finally']);
  });
});
