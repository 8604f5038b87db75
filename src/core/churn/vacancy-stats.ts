import type { Layer, OpenRoleRow, Seat } from '../../db/tables.js';
import { appendTo } from '../collections.js';
import { daysBetween } from '../org/days.js';
import { unitExistsOn } from '../org/lines.js';
import { type Day, LAYERS, type OrgHistory, SEATS } from '../org/state.js';
import { changesOf } from './changes.js';
import { type ChurnPeriod, type SeatTimeline, seatTimelines, unitsInScope } from './timeline.js';

/** SPEC's `SeatVacancyStats`: one layer and seat over a period. */
export interface SeatVacancyStats {
  layer: Layer;
  seat: Seat;
  began: number;
  ended: number;
  medianDaysVacant: number | null;
  longestDaysVacant: number | null;
  stillOpen: number;
  oldestOpenDays: number | null;
  medianDaysToFill: number | null;
  turnover: number | null;
}

/** A run of days on which the unit exists and the seat has no holder. */
export interface Vacancy {
  /** Its first empty day. */
  from: Day;
  /** Its first day over: the seat filled or the unit archived; null while it lasts. */
  until: Day | null;
  /** It ended with the seat filled (not cut short by the unit's archiving). */
  filled: boolean;
}

/** The vacancies of one seat, oldest first. */
function vacanciesOf({ spans, endsOn }: SeatTimeline): Vacancy[] {
  return spans.flatMap((span, i) => {
    if (span.holder) return [];
    const next = spans[i + 1];
    return [{ from: span.from, until: next?.from ?? endsOn, filled: next !== undefined }];
  });
}

/** A vacancy still open on `day`. */
const openOn = (v: Vacancy, day: Day) => v.from <= day && (v.until === null || v.until > day);

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] as number;
  return sorted.length % 2 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/** The largest value (null for none), without spreading a whole org's vacancies as arguments. */
const largest = (values: readonly number[]) =>
  values.length ? values.reduce((a, b) => Math.max(a, b)) : null;

/** What one layer's seat adds up from its timelines (all of that layer and seat). */
function statsOf(
  layer: Layer,
  seat: Seat,
  timelines: readonly SeatTimeline[],
  daysToFill: readonly number[],
  { from, to }: ChurnPeriod,
): SeatVacancyStats {
  const vacancies = timelines.flatMap(vacanciesOf);
  const within = (day: Day | null) => day !== null && day >= from && day <= to;
  const ended = vacancies.flatMap((v) =>
    v.filled && within(v.until) ? [daysBetween(v.from, v.until as Day)] : [],
  );
  const openAges = vacancies.filter((v) => openOn(v, to)).map((v) => daysBetween(v.from, to));
  // The seats on `to`: of the units existing that day, once the history has begun.
  const seats = timelines.filter((t) => unitExistsOn(t.unit, to) && (t.spans[0]?.from ?? to) <= to);
  const left = timelines
    .flatMap((t) => changesOf(t, from, to))
    .filter((c) => c.kind === 'VACATED' || c.kind === 'REPLACED').length;
  return {
    layer,
    seat,
    began: vacancies.filter((v) => within(v.from)).length,
    ended: ended.length,
    medianDaysVacant: median(ended),
    longestDaysVacant: largest(ended),
    stillOpen: openAges.length,
    oldestOpenDays: largest(openAges),
    medianDaysToFill: median(daysToFill),
    turnover: seats.length ? left / seats.length : null,
  };
}

/** Days from opening to filling of the seat roles filled in the period, by layer and seat. */
function daysToFillBy(history: OrgHistory, period: ChurnPeriod) {
  const units = new Map(unitsInScope(history, period.scopeUnitId, period.to).map((u) => [u.id, u]));
  const days = new Map<string, number[]>();
  for (const role of history.openRoles) {
    const unit = units.get(role.unitId);
    if (!unit || !filledIn(role, period) || !unitExistsOn(unit, role.closedOn as Day)) continue;
    appendTo(days, `${unit.layer}:${role.seat}`, daysBetween(role.openedOn, role.closedOn as Day));
  }
  return days;
}

const filledIn = (role: OpenRoleRow, { from, to }: ChurnPeriod) =>
  role.status === 'FILLED' &&
  role.closedOn !== null &&
  role.closedOn >= from &&
  role.closedOn <= to;

/**
 * Per layer (PILLAR, AREA, TEAM) and seat (Eng Lead, Tech Lead), always all six rows, over
 * the seats of the scope's units on the days they existed (see docs/churn.md for each count).
 */
export function seatVacancyStats(history: OrgHistory, period: ChurnPeriod): SeatVacancyStats[] {
  const timelines = seatTimelines(history, period);
  const toFill = daysToFillBy(history, period);
  return LAYERS.flatMap((layer) =>
    SEATS.map((seat) =>
      statsOf(
        layer,
        seat,
        timelines.filter((t) => t.unit.layer === layer && t.seat === seat),
        toFill.get(`${layer}:${seat}`) ?? [],
        period,
      ),
    ),
  );
}
