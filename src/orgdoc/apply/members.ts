import { lastDayBefore } from '../../core/org/days.js';
import { type MembershipRow, membershipTable } from '../../db/tables.js';
import { insertRows, updateRows } from '../bulk.js';
import { type ApplyContext, idOf } from './context.js';

/**
 * Team members. Listing a person under another team moves them: the old membership ends
 * yesterday (or today, when it only began today, so `ended_on >= started_on` holds) and
 * the new one starts today. Members the document does not list stay where they are.
 */
export async function applyMembers(ctx: ApplyContext): Promise<void> {
  const { tally, today } = ctx;
  const ends: Array<Pick<MembershipRow, 'id' | 'endedOn'>> = [];
  const inserts: Array<typeof membershipTable.$inferInsert> = [];
  for (const { value: unit } of ctx.doc.units) {
    const unitId = idOf(ctx.ids.units, unit.slug);
    for (const email of unit.members ?? []) {
      const personId = idOf(ctx.ids.people, email);
      const current = ctx.snapshot.memberships.get(personId);
      if (current?.unitId === unitId) {
        tally.add('unchanged', 'memberships');
        continue;
      }
      if (current) {
        ends.push({ id: current.id, endedOn: lastDayBefore(current.startedOn, today) });
        tally.add('updated', 'memberships');
      }
      inserts.push({ unitId, personId, startedOn: today });
      tally.add('created', 'memberships');
    }
  }
  // Ends first: the partial unique index allows one open-ended membership per person.
  await updateRows(ctx.tx, membershipTable, ['endedOn'], ends);
  await insertRows(ctx.tx, membershipTable, ['unitId', 'personId', 'startedOn'], inserts);
}
