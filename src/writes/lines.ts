import { addDays } from '../core/org/days.js';
import { latestInForce } from '../core/org/in-force.js';
import type { Day } from '../core/org/state.js';
import { type DatedRow, endRows, movedBack, withdraw } from './dated.js';
import type { DraftTable } from './draft-table.js';
import { UserInputError } from './errors.js';

/**
 * A change to a history of one value per key (who a person reports to, which unit a unit
 * sits under): from `on`, the key has `values` (null: none).
 */
export interface LineChange<R extends DatedRow> {
  table: DraftTable<R>;
  /** The key's rows. */
  rows: R[];
  on: Day;
  values: Omit<R, 'id' | 'startedOn' | 'endedOn'> | null;
  /** Whether a row holds the value asked already. */
  holds(row: R): boolean;
  /** The change a row records, for a refusal naming it: `a move to "infra"`. */
  recorded(row: R): string;
  /** The field a refused date is reported at. */
  path: string;
  /** The day history is recorded until (the write's day): lines begun by then are kept. */
  today: Day;
}

/**
 * Records the change on its day, the way every history is kept: the row in force then ends
 * the day before (ended, never deleted) and a new one starts. A change already recorded for
 * a later day refuses an earlier one (VALIDATION naming that change and both days), as
 * `openRow` does: it cannot be fitted in without rewriting that planned change (the same
 * value begun today moves back instead); a change from the first day of a line
 * begun on a past day would erase that line, and is refused as `openRow` refuses it. False
 * when the key already has that value on `on` and no change is planned after it (nothing is
 * written).
 */
export function changeLine<R extends DatedRow>(change: LineChange<R>): boolean {
  const { table, rows, on, values } = change;
  const laterRows = rows.filter(
    (r) => r.startedOn > on && (r.endedOn === null || r.endedOn >= r.startedOn),
  );
  const current = latestInForce(rows, on);
  const holds = values === null ? current === null : current !== null && change.holds(current);
  // The same value from an earlier day than a line begun today: it moves back — unless the
  // key has that value on `on` already, its line ended in between (no manager for a while):
  // moved back, the line begun today would be lost across that end.
  const same = (r: R) => values !== null && !holds && change.holds(r);
  const later = laterRows.find((r) => !movedBack(r, change.today, null, same));
  if (later) {
    const message = `${change.recorded(later)} is recorded for ${later.startedOn}; a change from ${on} must not come before it`;
    throw UserInputError.of(change.path, message, 'VALIDATION');
  }
  if (holds) return false;
  const before = rows.filter((r) => r.startedOn <= on);
  endRows(table, before, on, { today: change.today, path: change.path });
  withdraw(table, laterRows);
  if (values) table.insert({ ...values, startedOn: on, endedOn: null } as Omit<R, 'id'>);
  return true;
}

/**
 * Walks a chain of lines (a person's managers) on every day from `on` on where it may differ
 * from the chain on `on`: `on` itself, then each day a row of a key met on an earlier walk
 * starts or stops counting. `walk` follows the chain on a day (refusing a loop by throwing)
 * and returns the keys it met: a loop appearing on a later day first appears on such a day.
 */
export function walkEveryDayFrom<R extends DatedRow>(
  on: Day,
  rowsOf: (key: number) => readonly R[],
  walk: (day: Day) => Iterable<number>,
): void {
  const seen = new Set<Day>([on]);
  const pending = [on];
  const metKeys = new Set<number>();
  for (let day = pending.pop(); day !== undefined; day = pending.pop()) {
    for (const key of walk(day)) {
      if (metKeys.has(key)) continue;
      metKeys.add(key);
      for (const row of rowsOf(key)) {
        for (const turn of [row.startedOn, row.endedOn && addDays(row.endedOn, 1)]) {
          if (turn && turn > on && !seen.has(turn)) {
            seen.add(turn);
            pending.push(turn);
          }
        }
      }
    }
  }
}
