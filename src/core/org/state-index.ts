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
  /** Their managers before the change (whose reports they may have left). */
  formerManagerIds: readonly number[];
  /** Their candidacies before, and after, the change. */
  formerCandidacies: readonly CandidateState[];
  candidacies: readonly CandidateState[];
}

interface Origin {
  change: StateChange;
  /** The earlier state's indexes that were built, by index. */
  built: Map<object, unknown>;
  /** The earlier state, while something else keeps it (never kept alive by its successor). */
  earlier: WeakRef<OrgState>;
}

const origins = new WeakMap<OrgState, Origin>();
const indexes: { built: WeakMap<OrgState, unknown> }[] = [];

/** How far back along the states a state was changed from an index is looked for. */
const FURTHEST = 64;

/**
 * One index of a state, computed on first use and dropped with the state: states are never
 * mutated once built, so coverage of 2,000 teams costs one pass over the candidates, not one
 * per seat; and each index is built only when asked (an org worked out for a departure's
 * impact never pays for the reporting lines of 100,000 people). With `derive`, the index of
 * a changed state is the earlier state's, redone where the change touched it: the earlier
 * state's as it was kept with the change, or, while the earlier state lives (a trend's step
 * from one day to the next), derived for it in turn.
 */
export function stateIndex<T>(
  build: (state: OrgState) => T,
  derive?: (earlier: T, state: OrgState, change: StateChange) => T,
): (state: OrgState) => T {
  const entry = { built: new WeakMap<OrgState, T>() };
  indexes.push(entry);
  /** Back along the changes that made `state` to an index known, then forward deriving. */
  const derived = (state: OrgState): T | undefined => {
    if (!derive) return undefined;
    const path: [OrgState, StateChange][] = [];
    let at: OrgState | undefined = state;
    let known: T | undefined;
    while (at && known === undefined && path.length < FURTHEST) {
      const origin = origins.get(at);
      if (!origin) return undefined;
      path.push([at, origin.change]);
      at = origin.earlier.deref();
      known = (origin.built.get(entry) as T | undefined) ?? (at && entry.built.get(at));
    }
    if (known === undefined) return undefined;
    for (const [changed, change] of path.reverse()) {
      known = derive(known, changed, change);
      entry.built.set(changed, known);
    }
    return known;
  };
  return (state) => {
    let found = entry.built.get(state);
    if (found === undefined) {
      found = derived(state) ?? build(state);
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
 * Records that `state` is `earlier` changed. The indexes `earlier` already has are kept, and
 * `earlier` only weakly, so a chain of states carried from write to write is not kept alive
 * by the newest; while it lives (a trend's step from one day to the next), an index it
 * builds after the change is derived from too.
 */
export function noteChangedFrom(state: OrgState, earlier: OrgState, change: StateChange): void {
  const built = new Map<object, unknown>();
  for (const index of indexes) {
    const found = index.built.get(earlier);
    if (found !== undefined) built.set(index, found);
  }
  origins.set(state, { change, built, earlier: new WeakRef(earlier) });
}
