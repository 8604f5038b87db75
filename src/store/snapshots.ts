import { randomUUID } from 'node:crypto';
import type { Day, OrgHistory, OrgState } from '../core/org/state.js';
import { policyOn } from '../core/policy.js';
import type { Db } from '../db/database.js';
import { currentOrgVersion, type OrgVersion, readOrgVersion } from '../db/version.js';
import type { SavedChanges } from '../writes/save.js';
import { applySavedChanges } from './apply-changes.js';
import { carriedStates, savedChanges } from './carried-states.js';
import { HeardSteps } from './heard-steps.js';
import { readOrgHistory } from './history.js';
import { carriedRows } from './org-rows.js';
import type { HeldOrg, LoadedOrg, RequestOrg } from './org-views.js';
import { loadedOf, rowsOf, type Snapshot, stateOn } from './snapshot.js';

/** Tells the siblings of a write: `afterOther`, the version before it is another instance's. */
type Tell = (version: number, changes: SavedChanges, afterOther: boolean) => void;

/**
 * The org's history, kept in memory across requests and keyed by the org version that every
 * write bumps in its transaction. Org data changes rarely and is read constantly: a request
 * pays one tiny version query. A write made here, or by a sibling worker process that tells
 * of it (`withSiblings`), is applied to the history in memory; a write made elsewhere
 * (another instance, the CLI) is noticed by the version and reloaded (eleven set-based
 * queries). Instances stay consistent since the version lives in the database.
 */
export class OrgSnapshots {
  private current: Promise<Snapshot> | null = null;
  /** Loads of the org from the database under way (each holds a pooled connection). */
  private loadsInFlight = 0;
  private readonly watchers = new Set<(version: number) => void>();
  /** The versions this store will hold without reading the org: its writes', its siblings'. */
  private readonly steps = new HeardSteps();
  /** How to tell sibling processes over the same database of a write made here. */
  private tell: Tell | null = null;
  /** Who signs this process's writes (`org_state.writer`): its siblings share the name. */
  instance: string = randomUUID();

  /**
   * `onLoad` hears each (re)load of the history and how long it took (the metrics); `held`,
   * a history already read, is held from the start (histories are never changed in place).
   */
  constructor(
    private readonly onLoad: (seconds: number) => void = () => {},
    held?: HeldOrg,
  ) {
    if (held) this.current = Promise.resolve({ ...held, states: new Map() });
  }

  /**
   * Calls `watcher` each time this instance holds a newer org version (a write here, or one
   * elsewhere loaded), once it is in memory: what is worked out per version (the org gauges)
   * is worked out then, not when next asked. A watcher stays as long as the app.
   */
  watch(watcher: (version: number) => void): void {
    this.watchers.add(watcher);
  }

  /**
   * This process is one of several over the database (server/sibling-steps.ts): each write
   * made here is told with `tell`, and what the siblings tell is given to the returned steps.
   * A newer version is then reached by their steps when they come within `waitMs`; the
   * siblings sign their writes `instance`, and a version signed otherwise is read at once.
   */
  withSiblings(tell: Tell, waitMs: number, instance: string): HeardSteps {
    this.tell = tell;
    this.instance = instance;
    this.steps.waitMs = waitMs;
    return this.steps;
  }

  private newVersion(version: number): void {
    this.steps.news();
    for (const watcher of this.watchers) watcher(version);
  }

  /** One per request: checks the version once, then answers every `asOf` from memory. */
  forRequest(db: Db): RequestOrg {
    let snapshot: Promise<Snapshot> | null = null;
    let loaded: LoadedOrg | null = null;
    const current = () => {
      snapshot ??= this.snapshot(db).then((settled) => {
        loaded = loadedOf(settled);
        return settled;
      });
      return snapshot;
    };
    return {
      on: async (asOf) => stateOn(await current(), asOf),
      policyOn: async (asOf) => policyOn((await current()).history.policies, asOf),
      rows: async () => rowsOf(await current()),
      history: async () => (await current()).history,
      ready: async () => void (await current()),
      loaded: () => loaded,
      renew: () => {
        snapshot = null;
        loaded = null;
      },
    };
  }

  /**
   * The org as the database holds it now: its version asked (one tiny query, shared with the
   * requests asking at the same moment), a newer one loaded. A metrics scrape, which no request
   * may have preceded since another instance wrote.
   */
  async checked(db: Db): Promise<LoadedOrg> {
    return loadedOf(await this.snapshot(db));
  }

  /**
   * The history at `at` (the version before a write's), for a write holding the org write
   * lock inside its transaction `tx`: from memory when it is that version (or reaches it by
   * this process's write before, or a sibling's step), else read through `tx`. Never by waiting for a load in flight: it
   * waits for a pooled connection, and the pool may be full of writes waiting for this one's
   * lock (all stood still until the pool's timeout, two instances writing).
   */
  async historyAt(tx: Db, at: OrgVersion): Promise<OrgHistory> {
    const { version } = at;
    const held = () => (this.loadsInFlight > 0 ? Promise.resolve(null) : this.settled());
    let cached = await held();
    if (cached && cached.version < version && (await this.steppedTo(at, held))) {
      cached = await held();
    }
    if (cached?.version === version) return cached.history;
    const started = performance.now();
    const history = await readOrgHistory(tx);
    this.onLoad((performance.now() - started) / 1_000);
    if (!cached || cached.version < version) this.keep({ version, history });
    return history;
  }

  /**
   * After a write committed `version` over `before`: its changes applied to the history in
   * memory, the org states of the days already asked carried over to it, and the siblings told.
   */
  async advance(version: number, changes: SavedChanges, before: OrgVersion): Promise<void> {
    await this.applyStep(version, changes);
    this.tell?.(version, changes, before.writer !== this.instance);
  }

  /**
   * A write here is committing `version`, until `wrote`: what asks for that version
   * meanwhile (the next write, a request) waits for it to be applied instead of reading it.
   */
  writing(version: number): void {
    this.steps.writing(version);
  }

  wrote(version: number): void {
    this.steps.wrote(version);
  }

  /** `version`'s changes applied to the history of the version before it, when held. */
  private async applyStep(version: number, changes: SavedChanges): Promise<void> {
    const cached = await this.settled();
    if (cached?.version !== version - 1) return;
    const history = applySavedChanges(cached.history, changes);
    const changed = savedChanges(cached.history, history, changes);
    const states = carriedStates(cached.states, changed);
    const rows = cached.rows && carriedRows(cached.rows, changes);
    const step = changed ? { from: cached.version, changes: changed } : undefined;
    this.current = Promise.resolve({ version, history, states, ...(rows && { rows }), step });
    this.newVersion(version);
  }

  /**
   * Whether the org held reached `version` by writes made here or by siblings (`HeardSteps`);
   * at once false for a version another instance (or the CLI) wrote: no step will come.
   */
  private async steppedTo(
    { version, writer }: OrgVersion,
    held: () => Promise<Snapshot | null> = () => this.settled(),
  ): Promise<boolean> {
    if (writer !== this.instance) return false;
    return this.steps.reach(version, held, (next, changes) => this.applyStep(next, changes));
  }

  private keep(snapshot: Omit<Snapshot, 'states'>): void {
    this.current = Promise.resolve({ ...snapshot, states: new Map() });
    this.newVersion(snapshot.version);
  }

  private settled(): Promise<Snapshot | null> {
    return this.current ? this.current.catch(() => null) : Promise.resolve(null);
  }

  private async snapshot(db: Db): Promise<Snapshot> {
    const now = await currentOrgVersion(db);
    const { version } = now;
    const seen = this.current;
    const cached = await this.settled();
    if (cached && cached.version >= version) return cached;
    if (cached && (await this.steppedTo(now))) return (await this.settled()) ?? cached;
    // Requests that waited for steps together give up together: the first reads the org,
    // the others take its read (or a step that came meanwhile) instead of reading it again.
    if (this.current !== seen) {
      const since = await this.settled();
      if (since && since.version >= version) return since;
    }
    const started = performance.now();
    this.loadsInFlight += 1;
    // The version and the rows are read in one snapshot of the database, so they agree.
    const loading = db
      .transaction(
        async (tx) => ({
          version: (await readOrgVersion(tx)).version,
          history: await readOrgHistory(tx),
          states: new Map<Day, OrgState>(),
        }),
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      )
      .then((snapshot) => {
        this.onLoad((performance.now() - started) / 1_000);
        if (this.current === loading) this.newVersion(snapshot.version);
        return snapshot;
      })
      .finally(() => {
        this.loadsInFlight -= 1;
      });
    this.current = loading;
    return loading;
  }
}
