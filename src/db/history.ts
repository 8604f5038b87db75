import { and, gte, isNull, lte, or } from 'drizzle-orm';
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
