import type { Severity } from '../findings/findings.js';
import { addDays } from '../org/days.js';
import type { Day } from '../org/state.js';
import type { CoverageRollup } from './rollup.js';

export const INTERVALS = ['DAY', 'WEEK', 'MONTH', 'QUARTER'] as const;
export type Interval = (typeof INTERVALS)[number];

/** The most points one trend answers: a daily year and then some, not a decade of days. */
export const MAX_TREND_POINTS = 400;

const MONTHS: Partial<Record<Interval, number>> = { MONTH: 1, QUARTER: 3 };
const DAYS: Partial<Record<Interval, number>> = { DAY: 1, WEEK: 7 };

/** `day` plus `n` months, on the same day of the month or the month's last day. */
function addMonths(day: Day, n: number): Day {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(date, last));
  return first.toISOString().slice(0, 10);
}

/**
 * The days of a trend: `from`, then every `every` (months counted from `from`, so the 31st
 * gives each month's last day), up to `to`, which is always the last point. Null when there
 * would be more than MAX_TREND_POINTS.
 */
export function trendDays(from: Day, to: Day, every: Interval): Day[] | null {
  const days: Day[] = [];
  for (let i = 0; ; i++) {
    const months = MONTHS[every];
    const day = months ? addMonths(from, i * months) : addDays(from, i * (DAYS[every] ?? 1));
    if (day >= to) break;
    days.push(day);
    if (days.length >= MAX_TREND_POINTS) return null;
  }
  days.push(to);
  return days;
}

export interface SeverityCount {
  severity: Severity;
  count: number;
}

/** One point of a trend: the rollup of the day and its findings counted by severity. */
export interface CoveragePoint extends CoverageRollup {
  on: Day;
  findings: SeverityCount[];
}
