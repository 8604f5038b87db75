import type { CandidateState, OrgState } from './state.js';

/**
 * How `changedState` made one state from another: the units whose seats, members and
 * candidacies it worked out again, with what they held before and hold now. Enough for an
 * index of the changed state to be the earlier one's with only those entries redone.
 */
export interface StateChange {
  unitIds: ReadonlySet<number>;
  /** The AoRs it worked out again. */
  aorIds: ReadonlySet<number>;
  /** The units stand in the same order (none renamed to a new place among them). */
  unitOrderKept: boolean;
  /** Who held a seat of those units before the change. */
  formerHolderIds: readonly number[];
  /** Who was a member of those units before the change. */
  formerMemberIds: readonly number[];
  /** The people whose rows changed (a departure, a start, a hire), as they are now. */
  personIds: ReadonlySet<number>;
  /** Their candidacies before, and after, the change. */
  formerCandidacies: readonly CandidateState[];
  candidacies: readonly CandidateState[];
}

interface Origin {
  change: StateChange;
  /** The earlier state's indexes that were built, by index. */
  built: Map<object, unknown>;
}

const origins = new WeakMap<OrgState, Origin>();
const indexes: { built: WeakMap<OrgState, unknown> }[] = [];

/**
 * One index of a state, computed on first use and dropped with the state: states are never
 * mutated once built, so coverage of 2,000 teams costs one pass over the candidates, not one
 * per seat; and each index is built only when asked (an org worked out for a departure's
 * impact never pays for the reporting lines of 100,000 people). With `derive`, the index of
 * a changed state is the earlier state's, redone where the change touched it.
 */
export function stateIndex<T>(
  build: (state: OrgState) => T,
  derive?: (earlier: T, state: OrgState, change: StateChange) => T,
): (state: OrgState) => T {
  const entry = { built: new WeakMap<OrgState, T>() };
  indexes.push(entry);
  return (state) => {
    let found = entry.built.get(state);
    if (found === undefined) {
      const origin = derive && origins.get(state);
      const earlier = origin?.built.get(entry) as T | undefined;
      found =
        origin && earlier !== undefined ? derive(earlier, state, origin.change) : build(state);
      entry.built.set(state, found);
    }
    return found;
  };
}

/**
 * A value kept with a state for each `key` (a configuration's thresholds): worked out once
 * per (state, key) and dropped with either.
 */
export function keptWith<K extends object, T>(
  build: (state: OrgState, key: K) => T,
): (state: OrgState, key: K) => T {
  const kept = new WeakMap<OrgState, WeakMap<K, T>>();
  return (state, key) => {
    let byKey = kept.get(state);
    if (!byKey) {
      byKey = new WeakMap();
      kept.set(state, byKey);
    }
    let found = byKey.get(key);
    if (found === undefined) {
      found = build(state, key);
      byKey.set(key, found);
    }
    return found;
  };
}

/**
 * Records that `state` is `earlier` changed. Only the indexes `earlier` already has are
 * kept (not `earlier` itself, so a chain of states carried from write to write is not kept
 * alive by the newest).
 */
export function noteChangedFrom(state: OrgState, earlier: OrgState, change: StateChange): void {
  const built = new Map<object, unknown>();
  for (const index of indexes) {
    const found = index.built.get(earlier);
    if (found !== undefined) built.set(index, found);
  }
  origins.set(state, { change, built });
}
