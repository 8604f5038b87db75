import type { Day } from '../core/org/state.js';
import type { Db } from '../db/client.js';
import type { ApiRole } from '../db/tables.js';
import type { Config } from '../server/config.js';
import type { OrgSnapshots, RequestOrg } from '../store/snapshots.js';

/** Who is asking: the role of their token (null when unauthenticated) and its name. */
export interface Viewer {
  role: ApiRole | null;
  tokenName: string | null;
}

export interface Context {
  db: Db;
  config: Config;
  viewer: Viewer;
  /** Today in UTC, fixed for the whole request so every answer agrees. */
  today: Day;
  /** The shared org snapshot (one version check a request): states by day, rows by id. */
  org: RequestOrg;
  /** The org kept in memory across requests: writes start from it and update it. */
  store: OrgSnapshots;
}

export interface ContextOptions {
  db: Db;
  config: Config;
  viewer: Viewer;
  today: Day;
  snapshots: OrgSnapshots;
}

/** The context of one request (or one CLI command): same shape wherever the schema runs. */
export function createContext({ db, config, viewer, today, snapshots }: ContextOptions): Context {
  return { db, config, viewer, today, org: snapshots.forRequest(db), store: snapshots };
}
