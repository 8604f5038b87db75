import { isDay, isOrgDay, ORG_DAYS } from '../../src/core/org/days.js';

// No "today" here: the browser's clock may be off, so a day left unpicked is the server's, as
// its answers say it (a rollup's `asOf`).

/** The days the API answers for (its Date scalar). */
export const FIRST_DAY = ORG_DAYS.first;
export const LAST_DAY = ORG_DAYS.last;

/** A day the API answers for: a day of the calendar (not 2026-02-30), FIRST_DAY to LAST_DAY. */
export const isApiDay = (day: string): boolean => isDay(day) && isOrgDay(day);

/**
 * The same day a year earlier (29 February: the 28th), never before the first day the API
 * answers for (a year back from 1900 was refused, shown as the API's words).
 */
export function yearBefore(day: string): string {
  const [year, rest] = [Number(day.slice(0, 4)), day.slice(4)];
  const before = `${String(year - 1).padStart(4, '0')}${rest === '-02-29' ? '-02-28' : rest}`;
  return before < FIRST_DAY ? FIRST_DAY : before;
}
