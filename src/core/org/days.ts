import type { Day } from './state.js';

const MS_PER_DAY = 86_400_000;

// ISO days are parsed as UTC midnight by `Date.parse`, so day arithmetic never trips over
// daylight-saving changes or the server's time zone.
function toUtcMs(day: Day): number {
  const ms = Date.parse(day);
  if (Number.isNaN(ms)) throw new Error(`not an ISO day: "${day}"`);
  return ms;
}

/** Whole days from `from` to `to` (negative when `to` is earlier): 2026-01-01 → 2026-01-31 is 30. */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);
}

/** The day `n` days after `day` (before it when `n` is negative). */
export function addDays(day: Day, n: number): Day {
  return new Date(toUtcMs(day) + n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The later of two days. */
export function laterDay(a: Day, b: Day): Day {
  return a >= b ? a : b;
}

/** The earlier of two days. */
export function earlierDay(a: Day, b: Day): Day {
  return a <= b ? a : b;
}

/** Today as last formatted, and the instants (ms since the epoch) it runs from and until. */
let today = { day: '', from: 0, until: 0 };

/** Today in UTC, so every server instance and the CLI agree on the day whatever their zone. */
export function todayUtc(): Day {
  const now = Date.now();
  // Formatted once a day, not on each of the many calls a day (every request asks).
  if (now < today.from || now >= today.until) {
    const from = now - (now % MS_PER_DAY);
    today = { day: new Date(from).toISOString().slice(0, 10), from, until: from + MS_PER_DAY };
  }
  return today.day;
}

/** A real calendar day written as YYYY-MM-DD (2026-02-30 is refused). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(value);
}

/**
 * The days the org can mean: PostgreSQL stores far more (year 0000 is refused only by its
 * parser), but a day before 1900 or after 2999 is a typo in an org chart, never a plan.
 */
export const ORG_DAYS = { first: '1900-01-01', last: '2999-12-31' } as const;

/**
 * A day something was recorded on: after `ORG_DAYS.first`, which stands for "before anything
 * recorded" (what imports and migrations create holds from then, on no known day).
 */
export const isRecordedDay = (day: Day): boolean => day > ORG_DAYS.first;

/** An ISO day within `ORG_DAYS`. */
export function isOrgDay(day: Day): boolean {
  return day >= ORG_DAYS.first && day <= ORG_DAYS.last;
}
