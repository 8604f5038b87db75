import type { OrgChangeFeed } from '../changes/feed.js';
import type { Day } from '../core/org/state.js';
import type { Db } from '../db/database.js';
import type { OrgSnapshots } from './snapshots.js';

/**
 * Loads the newest org, and today's state of it, as soon as a write is heard of through the
 * change feed (LISTEN/NOTIFY): a server of several processes (or instances) answers its next
 * request after another one's write from memory, instead of loading it then. Each request
 * still checks the org version, so nothing is ever answered from an older one meanwhile.
 */
export async function keepFresh(
  changes: OrgChangeFeed,
  snapshots: OrgSnapshots,
  db: Db,
  today: () => Day,
  onError: (error: Error) => void,
): Promise<void> {
  const stream = await changes.subscribe(undefined, undefined, { own: true });
  for await (const _ of stream) {
    await snapshots
      .forRequest(db)
      .on(today())
      .catch((error: Error) => onError(error));
  }
}
