import type { Seat } from '../../db/tables.js';
import { type HolderEntry, SEAT_FIELD, SEAT_FIELDS } from '../document.js';
import { seatKey } from '../snapshot.js';
import { emailOfId, type RuleContext } from './context.js';

/** The current holder's email of a stored unit's seat. */
function storedHolder(ctx: RuleContext, slug: string, seat: Seat) {
  const unit = ctx.snapshot.units.get(slug);
  const current = unit && ctx.snapshot.seats.get(seatKey(unit.id, seat));
  return current && { row: current, email: emailOfId(ctx, current.personId) };
}

/**
 * A new holder ends the current one on the day before `since`, which must not fall before
 * that holder's own first day.
 */
export function checkSeatStarts(ctx: RuleContext): void {
  for (const { index, value: unit } of ctx.doc.units) {
    for (const [seat, field] of SEAT_FIELDS) {
      const holder: HolderEntry | undefined = unit[field];
      const current = holder && storedHolder(ctx, unit.slug, seat);
      if (!holder || !current || current.email === holder.person) continue;
      const since = holder.since ?? ctx.today;
      // The same day is a correction: the replaced assignment ends before it began.
      if (since < current.row.startedOn) {
        const message = `"${current.email}" holds this seat since ${current.row.startedOn}; the new holder's since (${since}) must not be earlier`;
        ctx.problems.add(`units[${index}].${field}`, message, 'CONFLICT');
      }
    }
  }
}

/** The current holder can't be a candidate for their own seat, judged after the import. */
export function checkCandidatesHoldingSeat(ctx: RuleContext): void {
  const docUnits = new Map(ctx.doc.units.map((u) => [u.value.slug, u.value]));
  for (const { index, value: entry } of ctx.doc.succession) {
    const holder =
      docUnits.get(entry.unit)?.[SEAT_FIELD[entry.seat]]?.person ??
      storedHolder(ctx, entry.unit, entry.seat)?.email;
    if (holder === entry.candidate) {
      const message = `"${entry.candidate}" holds the ${entry.seat} seat of "${entry.unit}" and cannot be its successor`;
      ctx.problems.add(`succession[${index}].candidate`, message, 'CONFLICT');
    }
  }
}
