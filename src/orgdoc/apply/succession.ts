import { type CandidateRow, candidateTable } from '../../db/tables.js';
import { insertRows, updateRows } from '../bulk.js';
import { candidateKey } from '../snapshot.js';
import { type ApplyContext, differs, idOf, keep } from './context.js';

const FIELDS = ['readiness', 'notes'] as const;

/**
 * Succession candidates, keyed by (unit, seat, candidate): a current candidacy has its
 * readiness and notes updated in place; a missing one starts today.
 */
export async function applySuccession(ctx: ApplyContext): Promise<void> {
  const { tally } = ctx;
  const updates: Array<Pick<CandidateRow, 'id' | (typeof FIELDS)[number]>> = [];
  const inserts: Array<typeof candidateTable.$inferInsert> = [];
  for (const { value } of ctx.doc.succession) {
    const unitId = idOf(ctx.ids.units, value.unit);
    const personId = idOf(ctx.ids.people, value.candidate);
    const stored = ctx.snapshot.candidates.get(candidateKey(unitId, value.seat, personId));
    const desired = { readiness: value.readiness, notes: keep(value.notes, stored?.notes ?? null) };
    if (!stored) {
      inserts.push({ unitId, seat: value.seat, personId, ...desired, startedOn: ctx.today });
      tally.add('created', 'candidates');
    } else if (differs(stored, desired, FIELDS)) {
      updates.push({ id: stored.id, ...desired });
      tally.add('updated', 'candidates');
    } else tally.add('unchanged', 'candidates');
  }
  await updateRows(ctx.tx, candidateTable, FIELDS, updates);
  await insertRows(
    ctx.tx,
    candidateTable,
    ['unitId', 'seat', 'personId', ...FIELDS, 'startedOn'],
    inserts,
  );
}
