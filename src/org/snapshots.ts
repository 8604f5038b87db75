import type { Db } from '../db/client.js';
import { readOrgVersion } from '../db/write.js';
import { orgStateOn } from './as-of.js';
import { loadOrgHistory } from './history.js';
import type { Day, OrgHistory, OrgState } from './state.js';

/** How many distinct `asOf` days of one org version stay computed. */
const STATES_KEPT = 32;

interface Snapshot {
  version: number;
  history: OrgHistory;
  states: Map<Day, OrgState>;
}

/**
 * The org's history, kept in memory across requests and keyed by the org version that every
 * write bumps in its transaction. Org data changes rarely and is read constantly: a request
 * pays one tiny version query, and reloads (eight set-based queries) only after a write, by
 * whichever instance. Several instances stay consistent since the version lives in the database.
 */
export class OrgSnapshots {
  private current: Promise<Snapshot> | null = null;

  /** One per request: checks the version once, then answers every `asOf` from memory. */
  forRequest(db: Db): (asOf: Day) => Promise<OrgState> {
    let snapshot: Promise<Snapshot> | null = null;
    return async (asOf) => {
      snapshot ??= this.snapshot(db);
      return stateOn(await snapshot, asOf);
    };
  }

  private async snapshot(db: Db): Promise<Snapshot> {
    const version = await readOrgVersion(db);
    const cached = this.current && (await this.current.catch(() => null));
    if (cached && cached.version >= version) return cached;
    const loading = loadOrgHistory(db).then((history) => ({
      version,
      history,
      states: new Map(),
    }));
    this.current = loading;
    return loading;
  }
}

function stateOn(snapshot: Snapshot, asOf: Day): OrgState {
  let state = snapshot.states.get(asOf);
  if (!state) {
    state = orgStateOn(snapshot.history, asOf);
    if (snapshot.states.size >= STATES_KEPT) snapshot.states.clear();
    snapshot.states.set(asOf, state);
  }
  return state;
}
