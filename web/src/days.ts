/** The days the API answers for (its Date scalar). */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2999-12-31';

/** A day the API answers for: a day of the calendar (not 2026-02-30), FIRST_DAY to LAST_DAY. */
export function isApiDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day < FIRST_DAY || day > LAST_DAY) return false;
  return new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}

/**
 * The same day a year earlier (29 February: the 28th), never before the first day the API
 * answers for (a year back from 1900 was refused, shown as the API's words).
 */
export function yearBefore(day: string): string {
  const [year, rest] = [Number(day.slice(0, 4)), day.slice(4)];
  const before = `${String(year - 1).padStart(4, '0')}${rest === '-02-29' ? '-02-28' : rest}`;
  return before < FIRST_DAY ? FIRST_DAY : before;
}
