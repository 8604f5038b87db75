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
