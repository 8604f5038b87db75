import type { HistoryChanges } from '../core/org/changed-state.js';
import type { Day, OrgHistory, OrgState } from '../core/org/state.js';
import type { Policy } from '../core/policy.js';
import type { OrgRows } from './org-rows.js';

// What requests and the server read the org held in memory through (snapshots.ts keeps it).

/** What the write that made a version changed, from the version before it. */
export interface VersionStep {
  from: number;
  changes: HistoryChanges;
}

/** An org's history as read at a version: what an instance may start holding. */
export interface HeldOrg {
  version: number;
  history: OrgHistory;
}

/** The snapshot a request has loaded: read without waiting. */
export interface LoadedOrg {
  /** The org version this snapshot holds. */
  version: number;
  /** The org as it stood on a day. */
  on(asOf: Day): OrgState;
  /** The org's policy in force on a day. */
  policyOn(asOf: Day): Policy;
  /** Unit and person rows by id. */
  rows(): OrgRows;
  /** Every history row (read by key through history-rows.ts). */
  history: OrgHistory;
  /**
   * When this version was made here from the one before by a write that moved no unit or
   * AoR: what it changed (what depends on the org is worked out again there).
   */
  step?: VersionStep;
}

/** What a request reads the shared snapshot through. */
export interface RequestOrg {
  /** The org as it stood on a day. */
  on(asOf: Day): Promise<OrgState>;
  /** The org's policy in force on a day. */
  policyOn(asOf: Day): Promise<Policy>;
  /** Unit and person rows by id. */
  rows(): Promise<OrgRows>;
  /** Every history row (planning scenarios start from it). */
  history(): Promise<OrgHistory>;
  /** Resolves once the snapshot is loaded: what follows computes without the database. */
  ready(): Promise<void>;
  /**
   * The snapshot once this request has loaded it, null before: resolvers answer from it
   * synchronously, so a tree of 17,000 units costs no promise per field.
   */
  loaded(): LoadedOrg | null;
  /**
   * Forgets the snapshot this request loaded, so what it reads next is checked against the
   * version again: a mutation's payload answers from the org its write made.
   */
  renew(): void;
}
