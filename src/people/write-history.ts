import { isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DatedColumns } from '../db/history.js';
import type { Day } from '../org/state.js';

/**
 * Ending history rows from a day, in one set-based statement per table:
 * `update … set ${endFrom(t, on)} where … and ${inForceFrom(t, on)} returning *`.
 */

/**
 * The new last day of a row ended from `on` (the first day without it): the day before,
 * or, for a row that only starts later, the day before its own start (never in force).
 */
export function endFrom(table: DatedColumns, on: Day): { endedOn: SQL } {
  return { endedOn: sql`greatest(${table.startedOn}, ${on}::date) - 1` };
}

/**
 * Rows in force on `on` or on some later day: exactly the rows that ending from `on`
 * shortens (open-ended ones, and closed ones whose last day is `on` or later). Rows that
 * ended before, and rows that were never in force, are left alone.
 */
export function inForceFrom(table: DatedColumns, on: Day): SQL {
  return or(
    isNull(table.endedOn),
    sql`${table.endedOn} >= greatest(${table.startedOn}, ${on}::date)`,
  ) as SQL;
}
