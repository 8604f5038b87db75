import type { OrgChangeFeed } from '../changes/feed.js';
import type { Day } from '../core/org/state.js';
import type { Db } from '../db/database.js';
import type { ApiRole } from '../db/tables.js';
import type { RequestOrg } from '../store/org-views.js';
import type { OrgSnapshots } from '../store/snapshots.js';
import type { CredentialWatch } from '../tokens/credential-watch.js';

/**
 * How a caller got in: an API token, an identity provider's JWT, no credential at all, or
 * the operator's own CLI (beside the server, or the server's CLI secret).
 */
export type Via = 'TOKEN' | 'JWT' | 'OPEN' | 'OPERATOR';

/** The unit whose subtree bounds a scoped caller's confidential reads (SPEC §4). */
export interface ViewerScope {
  unitId: number;
  slug: string;
  /** The scope unit and every unit below it today: the units whose bench they may read. */
  unitIds: ReadonlySet<number>;
}

/** Who is asking (the GraphQL `viewer`). */
export interface Viewer {
  /** What they may do; null: nothing but `viewer` (no credential, or an identity without a role). */
  role: ApiRole | null;
  via: Via;
  /** The token's name or the JWT's subject: the audit log's actor. Null without a credential. */
  name: string | null;
  /** Null: the whole org. Never set for ADMIN. */
  scope: ViewerScope | null;
  /** Why an authenticated identity has no role, for the error that refuses it. */
  noRoleReason?: string;
  /** The API token's id: its revocation ends the caller's open streams. */
  tokenId?: number;
  /** When the JWT stops being accepted (ms since the epoch, clock tolerance in): its open streams end then. */
  expiresAt?: number;
}

/** The operator's own rights (the CLI): ADMIN, unscoped, audited under `name`. */
export function operatorViewer(name: string): Viewer {
  return { role: 'ADMIN', via: 'OPERATOR', name, scope: null };
}

/**
 * Who the audit log names: `jwt:<subject>` for a single sign-on user, `token:<name>` for an API
 * token (the bootstrap admin token too), so that neither can pass for the other whatever a
 * subject or token is called; the operator's CLI as itself.
 */
export function auditActor({ via, name }: Viewer): string {
  if (name === null) return 'anonymous';
  if (via === 'JWT') return `jwt:${name}`;
  return via === 'TOKEN' ? `token:${name}` : name;
}

/**
 * One identity for who wrote something a scoped caller may own (a scenario): an API token by
 * its id (token names repeat), a single sign-on user by subject, the operator as the audit log
 * names them.
 */
export function authorOf(viewer: Viewer): string {
  return viewer.tokenId !== undefined ? `token#${viewer.tokenId}` : auditActor(viewer);
}

/** The context of one request (or one CLI command): same shape wherever the schema runs. */
export interface Context {
  db: Db;
  viewer: Viewer;
  /** Today in UTC, fixed for the whole request so every answer agrees. */
  today: Day;
  /** The shared org snapshot (one version check a request): states by day, rows by id. */
  org: RequestOrg;
  /** The org kept in memory across requests: writes start from it and update it. */
  store: OrgSnapshots;
  /** What `orgChanged` streams; absent in the CLI, which serves no subscriptions. */
  changes?: OrgChangeFeed;
  /** Ends streams whose credential ended (revoked, expired); absent in the CLI too. */
  credentials?: CredentialWatch;
}
