import { lastDayBefore } from '../../core/org/days.js';
import {
  type CandidateRow,
  candidateTable,
  type SeatAssignmentRow,
  seatAssignmentTable,
} from '../../db/tables.js';
import { insertRows, updateRows } from '../bulk.js';
import { SEAT_FIELDS } from '../document.js';
import { candidateKey, seatKey } from '../snapshot.js';
import { type ApplyContext, idOf } from './context.js';

type SeatInsert = typeof seatAssignmentTable.$inferInsert;

/**
 * Seat holders. The same holder stays (only `acting` may change); a different one ends the
 * current assignment on the day before `since` (validation made sure that is not before
 * it began) and starts a new one, keeping the old as history. Taking a seat also ends the
 * new holder's candidacy for it: nobody is their own successor.
 */
export async function applySeats(ctx: ApplyContext): Promise<void> {
  const { tally } = ctx;
  const updates: Array<Pick<SeatAssignmentRow, 'id' | 'acting' | 'endedOn'>> = [];
  const inserts: SeatInsert[] = [];
  const fulfilled: Array<Pick<CandidateRow, 'id' | 'endedOn'>> = [];
  for (const { value: unit } of ctx.doc.units) {
    const unitId = idOf(ctx.ids.units, unit.slug);
    for (const [seat, field] of SEAT_FIELDS) {
      const holder = unit[field];
      if (!holder) continue;
      const personId = idOf(ctx.ids.people, holder.person);
      const current = ctx.snapshot.seats.get(seatKey(unitId, seat));
      if (current?.personId === personId) {
        const acting = holder.acting ?? current.acting;
        if (acting === current.acting) tally.add('unchanged', 'seatAssignments');
        else {
          updates.push({ id: current.id, acting, endedOn: null });
          tally.add('updated', 'seatAssignments');
        }
        continue;
      }
      const since = holder.since ?? ctx.today;
      if (current) {
        updates.push({
          id: current.id,
          acting: current.acting,
          endedOn: lastDayBefore(current.startedOn, since),
        });
        tally.add('updated', 'seatAssignments');
      }
      inserts.push({ unitId, seat, personId, acting: holder.acting ?? false, startedOn: since });
      tally.add('created', 'seatAssignments');
      const candidacy = ctx.snapshot.candidates.get(candidateKey(unitId, seat, personId));
      if (candidacy) {
        fulfilled.push({ id: candidacy.id, endedOn: lastDayBefore(candidacy.startedOn, since) });
        tally.add('updated', 'candidates');
      }
    }
  }
  // Ends first: the partial unique index allows one open-ended holder per seat.
  await updateRows(ctx.tx, seatAssignmentTable, ['acting', 'endedOn'], updates);
  await insertRows(
    ctx.tx,
    seatAssignmentTable,
    ['unitId', 'seat', 'personId', 'acting', 'startedOn'],
    inserts,
  );
  await updateRows(ctx.tx, candidateTable, ['endedOn'], fulfilled);
}
