import type { Day } from '../../core/org/state.js';
import type { Db } from '../../db/client.js';
import type { Tally } from '../counts.js';
import type { ParsedDocument } from '../shape.js';
import type { Snapshot } from '../snapshot.js';

/** Database ids by natural key, for stored rows and the rows this import inserts. */
export interface Ids {
  people: Map<string, number>;
  units: Map<string, number>;
  aors: Map<string, number>;
}

export interface ApplyContext {
  tx: Db;
  doc: ParsedDocument;
  snapshot: Snapshot;
  today: Day;
  tally: Tally;
  ids: Ids;
}

/** The id of a key validation guaranteed to exist; a miss is a bug, not a user error. */
export function idOf(ids: Map<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`orgdoc: no id for "${key}" after validation`);
  return id;
}

/** A left-out field keeps the stored value; `null` clears it. */
export function keep<T>(given: T | null | undefined, stored: T | null): T | null {
  return given === undefined ? stored : given;
}

/** Whether any of the listed fields differ between the stored row and the desired one. */
export function differs<T extends object, K extends keyof T>(
  stored: T,
  desired: Pick<T, K>,
  keys: readonly K[],
): boolean {
  return keys.some((key) => desired[key] !== stored[key]);
}
