import type { UserErrorData } from '../writes/errors.js';

/** Rows per kind of record. */
export interface Counts {
  people: number;
  units: number;
  seatAssignments: number;
  memberships: number;
  aors: number;
  aorOwnerships: number;
  candidates: number;
  openRoles: number;
}

export type CountKey = keyof Counts;

/**
 * What an import did. `created`: rows inserted. `updated`: existing rows changed, including
 * history rows that were ended (a new Tech Lead is one created and one updated assignment).
 * `unchanged`: things the document states that were already so.
 */
export interface ImportResult {
  userErrors: UserErrorData[];
  created: Counts;
  updated: Counts;
  unchanged: Counts;
}

export function zeroCounts(): Counts {
  return {
    people: 0,
    units: 0,
    seatAssignments: 0,
    memberships: 0,
    aors: 0,
    aorOwnerships: 0,
    candidates: 0,
    openRoles: 0,
  };
}

export class Tally {
  readonly created = zeroCounts();
  readonly updated = zeroCounts();
  readonly unchanged = zeroCounts();

  add(outcome: 'created' | 'updated' | 'unchanged', key: CountKey, count = 1): void {
    this[outcome][key] += count;
  }

  result(): ImportResult {
    return {
      userErrors: [],
      created: this.created,
      updated: this.updated,
      unchanged: this.unchanged,
    };
  }
}
