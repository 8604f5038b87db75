import type { Day } from '../core/org/state.js';
import type { Database, Db } from '../db/database.js';
import type { Viewer } from '../graphql/context.js';
import type { RequestOrg } from '../store/org-views.js';
import type { OrgSnapshots } from '../store/snapshots.js';
import type { Credentials } from '../tokens/authenticate.js';

/** What a request's context starts from: its org, its day and who asks. */
export interface RequestFrame {
  db: Db;
  org: RequestOrg;
  today: Day;
  /** Rejects with the 401 (or 503) of a bad credential. */
  viewer: Promise<Viewer>;
}

const FRAME = Symbol('orgraph.requestFrame');

/**
 * A request carries its frame itself, not as a WeakMap's value: V8's young-generation
 * collections let a WeakMap's values outlive their keys, so every request's objects outlived
 * it and were promoted to the old generation, costing scavenges and mark-compacts
 * (docs/performance.md).
 */
type FramedRequest = Request & { [FRAME]?: RequestFrame };

/**
 * Resolves each request's credential once, whoever asks first: the GraphQL context, or the
 * request log for a request refused before any context was built (a syntax or validation
 * error, too large a body). So the log names the caller on every path, and a token is looked
 * up once a request.
 */
export function requestFrames(
  database: Database,
  snapshots: OrgSnapshots,
  today: () => Day,
  authenticate: (credentials: Credentials) => Promise<Viewer>,
) {
  const frameOf = (request: FramedRequest): RequestFrame => {
    let frame = request[FRAME];
    if (!frame) {
      const { db } = database;
      const org = snapshots.forRequest(db);
      const day = today();
      const authorization = request.headers.get('authorization');
      const { host } = new URL(request.url);
      const viewer = authenticate({ db, authorization, host, org, today: day });
      frame = { db, org, today: day, viewer };
      request[FRAME] = frame;
    }
    return frame;
  };
  /** Who asked, for the log; null when the credential was refused. */
  const callerOf = (request: Request): Promise<Viewer | null> =>
    frameOf(request).viewer.catch(() => null);
  return { frameOf, callerOf };
}
