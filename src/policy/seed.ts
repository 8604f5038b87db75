import { ORG_DAYS } from '../core/org/days.js';
import type { Day } from '../core/org/state.js';
import type { Thresholds } from '../core/policy.js';
import type { Db } from '../db/database.js';
import { policyTable } from '../db/tables.js';
import { OrgSnapshots } from '../store/snapshots.js';
import { runWrite } from '../writes/run.js';

/**
 * Gives a database without a policy the one the environment configures, in force from the
 * first day the org can mean: the environment seeds a new database and is ignored after
 * (SPEC "Policies"), so instances configured differently still agree. Through the write
 * path (the org lock, audited, the version bumped): of instances starting together, one
 * seeds and the others find it done.
 */
export async function seedPolicy(db: Db, seed: Thresholds, today: Day): Promise<void> {
  const [any] = await db.select({ id: policyTable.id }).from(policyTable).limit(1);
  if (any) return;
  const writer = { db, store: new OrgSnapshots(), today, actor: 'orgraph' };
  await runWrite(writer, 'seedPolicy', (draft) => {
    if (draft.policies.rows().length > 0) return;
    draft.policies.insert({
      startedOn: ORG_DAYS.first,
      endedOn: null,
      tlmTeamSize: seed.tlmEngineers,
      longTlmDays: seed.longTlmDays,
      spanLimit: seed.spanLimit,
      actingDays: seed.actingDays,
      kinds: [],
    });
  });
}
