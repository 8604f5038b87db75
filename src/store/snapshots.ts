import { orgStateOn } from '../core/org/as-of.js';
import type { Day, OrgHistory, OrgState } from '../core/org/state.js';
import type { Db } from '../db/client.js';
import type { PersonRow, UnitRow } from '../db/tables.js';
import { readOrgVersion } from '../db/write.js';
import { loadOrgHistory } from './history.js';

/** How many distinct `asOf` days of one org version stay computed. */
const STATES_KEPT = 32;

interface Snapshot {
  version: number;
  history: OrgHistory;
  states: Map<Day, OrgState>;
  rows?: OrgRows;
}

/** The org's unit and person rows by id, as of the snapshot: the read model of the tree. */
export interface OrgRows {
  units: Map<number, UnitRow>;
  people: Map<number, PersonRow>;
}

/** What a request reads the shared snapshot through. */
export interface RequestOrg {
  /** The org as it stood on a day. */
  on(asOf: Day): Promise<OrgState>;
  /** Unit and person rows by id. */
  rows(): Promise<OrgRows>;
  /** Resolves once the snapshot is loaded: what follows computes without the database. */
  ready(): Promise<void>;
}

/**
 * The org's history, kept in memory across requests and keyed by the org version that every
 * write bumps in its transaction. Org data changes rarely and is read constantly: a request
 * pays one tiny version query, and reloads (eight set-based queries) only after a write, by
 * whichever instance. Several instances stay consistent since the version lives in the database.
 */
export class OrgSnapshots {
  private current: Promise<Snapshot> | null = null;

  /** `onLoad` hears each (re)load of the history and how long it took (the metrics). */
  constructor(private readonly onLoad: (seconds: number) => void = () => {}) {}

  /** One per request: checks the version once, then answers every `asOf` from memory. */
  forRequest(db: Db): RequestOrg {
    let snapshot: Promise<Snapshot> | null = null;
    const current = () => {
      snapshot ??= this.snapshot(db);
      return snapshot;
    };
    return {
      on: async (asOf) => stateOn(await current(), asOf),
      rows: async () => rowsOf(await current()),
      ready: async () => void (await current()),
    };
  }

  private async snapshot(db: Db): Promise<Snapshot> {
    const version = await readOrgVersion(db);
    const cached = this.current && (await this.current.catch(() => null));
    if (cached && cached.version >= version) return cached;
    const started = performance.now();
    const loading = loadOrgHistory(db).then((history) => {
      this.onLoad((performance.now() - started) / 1_000);
      return { version, history, states: new Map() };
    });
    this.current = loading;
    return loading;
  }
}

function rowsOf(snapshot: Snapshot): OrgRows {
  snapshot.rows ??= {
    units: new Map(snapshot.history.units.map((u) => [u.id, u])),
    people: new Map(snapshot.history.people.map((p) => [p.id, p])),
  };
  return snapshot.rows;
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
