/** The columns and checks every table of the org's history shares. */
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, date, integer } from 'drizzle-orm/pg-core';

// Every dated history row is "in force on day d" when started_on <= d and
// (ended_on is null or ended_on >= d): ended_on is the last day, inclusive. A row may end the
// day before it starts: it was replaced or withdrawn before taking effect, and stays as
// history without ever being in force.
export const inForce = () => ({
  startedOn: date('started_on', { mode: 'string' }).notNull(),
  endedOn: date('ended_on', { mode: 'string' }),
});

/** The check every dated history has: it ends at the earliest the day before it starts. */
export const inForceDates = (table: string, t: { startedOn: AnyPgColumn; endedOn: AnyPgColumn }) =>
  check(`${table}_dates`, sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn} - 1`);

/** Ids the database hands out (`generated always`: an import cannot choose them). */
export const identity = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
