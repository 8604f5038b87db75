import { and, gte, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Day } from '../core/org/state.js';

/** A dated history table: assignments, memberships, ownerships, candidacies. */
export interface DatedColumns {
  startedOn: PgColumn;
  endedOn: PgColumn;
}

/** Rows in force on `day`: ended_on is the last day held, inclusive. */
export function inForceOn(table: DatedColumns, day: Day) {
  return and(lte(table.startedOn, day), or(isNull(table.endedOn), gte(table.endedOn, day)));
}

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
