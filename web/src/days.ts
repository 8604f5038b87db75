import { isDay, isOrgDay, ORG_DAYS, todayUtc } from '../../src/core/org/days.js';

/**
 * The browser's today, in UTC as the API's: the server's too unless a clock is off. The panels
 * left on today end on the server's (the rollup's `asOf`); this serves where no answer says it.
 */
export const today = todayUtc;

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
