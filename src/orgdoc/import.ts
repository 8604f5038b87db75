import type { Day } from '../core/org/state.js';
import type { Db } from '../db/client.js';
import { writeTransaction } from '../db/write.js';
import type { UserErrorData } from '../writes/errors.js';
import { applyAors, applyOwnerships } from './apply/aors.js';
import type { ApplyContext } from './apply/context.js';
import { applyMembers } from './apply/members.js';
import { applyOpenRoles } from './apply/open-roles.js';
import { applyPeople } from './apply/people.js';
import { applySeats } from './apply/seats.js';
import { applySuccession } from './apply/succession.js';
import { applyUnits } from './apply/units.js';
import { type ImportResult, Tally, zeroCounts } from './counts.js';
import { checkOrgDocument } from './validate.js';

export type { Counts, ImportResult } from './counts.js';

/** Sections in dependency order: people and units first, as everything else refers to them. */
const SECTIONS: ReadonlyArray<(ctx: ApplyContext) => Promise<void>> = [
  applyPeople,
  applyUnits,
  applySeats,
  applyMembers,
  applyAors,
  applyOwnerships,
  applySuccession,
  applyOpenRoles,
];

/** Thrown inside the transaction to roll it back when the document has problems. */
class RejectedDocument extends Error {
  constructor(readonly problems: UserErrorData[]) {
    super('org document rejected');
  }
}

/**
 * Imports an org document: validates it whole, then writes it in one transaction with a
 * fixed number of set-based statements per section. Idempotent: a second import of the
 * same document changes nothing. The check runs inside the transaction (which holds the
 * org write lock), so the state it validated against is the state it writes to; any
 * problem rolls everything back.
 */
export async function importOrgDocument(
  db: Db,
  input: unknown,
  options: { today: Day },
): Promise<ImportResult> {
  try {
    return await writeTransaction(db, async (tx) => {
      const checked = await checkOrgDocument(tx, input, options.today);
      if (checked.problems.length > 0) throw new RejectedDocument(checked.problems);
      const { doc, snapshot } = checked;
      const ids = {
        people: new Map([...snapshot.people].map(([email, row]) => [email, row.id])),
        units: new Map([...snapshot.units].map(([slug, row]) => [slug, row.id])),
        aors: new Map([...snapshot.aors].map(([slug, row]) => [slug, row.id])),
      };
      const ctx: ApplyContext = {
        tx,
        doc,
        snapshot,
        today: options.today,
        tally: new Tally(),
        ids,
      };
      for (const apply of SECTIONS) await apply(ctx);
      return ctx.tally.result();
    });
  } catch (error) {
    if (!(error instanceof RejectedDocument)) throw error;
    return {
      userErrors: error.problems,
      created: zeroCounts(),
      updated: zeroCounts(),
      unchanged: zeroCounts(),
    };
  }
}
