import { recentlyAsked } from '../core/collections.js';
import { orgStateOn } from '../core/org/as-of.js';
import type { Day, OrgHistory, OrgState } from '../core/org/state.js';
import { policyOn } from '../core/policy.js';
import { type OrgRows, rowsById } from './org-rows.js';
import type { LoadedOrg, VersionStep } from './org-views.js';

// One org version as snapshots.ts holds it, and how its days are worked out and kept.

/** At most this many distinct `asOf` days of one org version stay computed. */
const STATES_KEPT = 32;

/**
 * People times days kept: a day's state costs about 1 KB a person (100 MB at 100,000 people),
 * so the days kept take at most about 300 MB of a worker's heap, whatever the org's size.
 */
const PERSON_DAYS_KEPT = 300_000;

/** How many days a history's states may keep: fewer the more people it has, two at least. */
const statesKept = (history: OrgHistory) =>
  Math.max(2, Math.min(STATES_KEPT, Math.floor(PERSON_DAYS_KEPT / history.people.length)));

export interface Snapshot {
  version: number;
  history: OrgHistory;
  states: Map<Day, OrgState>;
  rows?: OrgRows;
  step?: VersionStep;
}

export function loadedOf(snapshot: Snapshot): LoadedOrg {
  return {
    version: snapshot.version,
    on: (asOf) => stateOn(snapshot, asOf),
    policyOn: (asOf) => policyOn(snapshot.history.policies, asOf),
    rows: () => rowsOf(snapshot),
    history: snapshot.history,
    ...(snapshot.step && { step: snapshot.step }),
  };
}

export function rowsOf(snapshot: Snapshot): OrgRows {
  snapshot.rows ??= rowsById(snapshot.history);
  return snapshot.rows;
}

/** The state of a day, kept with the days asked last: the one asked longest ago goes first. */
export const stateOn = (snapshot: Snapshot, asOf: Day): OrgState =>
  recentlyAsked(snapshot.states, asOf, statesKept(snapshot.history), (day) =>
    orgStateOn(snapshot.history, day),
  );
