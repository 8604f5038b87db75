import type { Layer, Seat } from '../../db/tables.js';
import { compareText } from '../org/as-of.js';
import { type Day, type Holding, LAYERS, type OrgHistory, SEATS } from '../org/state.js';
import { type ChurnPeriod, type SeatTimeline, seatTimelines } from './timeline.js';

export const LEADERSHIP_CHANGE_KINDS = ['FILLED', 'VACATED', 'REPLACED', 'CONFIRMED'] as const;
export type LeadershipChangeKind = (typeof LEADERSHIP_CHANGE_KINDS)[number];

/** A day on which a seat's holder differs from the day before. */
export interface LeadershipChange {
  unitId: number;
  slug: string;
  layer: Layer;
  seat: Seat;
  on: Day;
  kind: LeadershipChangeKind;
  beforeId: number | null;
  beforeActing: boolean;
  afterId: number | null;
  afterActing: boolean;
}

/**
 * The kind of a change from one holder to the next, or null when it is none of SPEC's: the
 * same person turning from permanent to acting still holds the seat, so nothing changed hands.
 */
function kindOf(before: Holding | null, after: Holding | null): LeadershipChangeKind | null {
  if (!before) return after ? 'FILLED' : null;
  if (!after) return 'VACATED';
  if (before.personId !== after.personId) return 'REPLACED';
  return before.acting && !after.acting ? 'CONFIRMED' : null;
}

/**
 * The changes of one seat on the days of the period: a day whose holder differs from the day
 * before's, the unit existing on both; and a holder there on the unit's last day leaving
 * with it (VACATED on its archiving day: vacated and archived on one day, say).
 */
export function changesOf(timeline: SeatTimeline, from: Day, to: Day): LeadershipChange[] {
  const { spans, endsOn } = timeline;
  const within = (day: Day) => day >= from && day <= to;
  const changes: LeadershipChange[] = [];
  for (let i = 1; i < spans.length; i++) {
    const [before, after] = [spans[i - 1]?.holder ?? null, spans[i]];
    if (!after || !within(after.from)) continue;
    const kind = kindOf(before, after.holder);
    if (kind) changes.push(change(timeline, after.from, kind, before, after.holder));
  }
  const last = spans.at(-1)?.holder ?? null;
  if (endsOn !== null && last && within(endsOn)) {
    changes.push(change(timeline, endsOn, 'VACATED', last, null));
  }
  return changes;
}

function change(
  { unit, seat }: SeatTimeline,
  on: Day,
  kind: LeadershipChangeKind,
  before: Holding | null,
  after: Holding | null,
): LeadershipChange {
  return {
    unitId: unit.id,
    slug: unit.slug,
    layer: unit.layer,
    seat,
    on,
    kind,
    beforeId: before?.personId ?? null,
    beforeActing: before?.acting ?? false,
    afterId: after?.personId ?? null,
    afterActing: after?.acting ?? false,
  };
}

/** Oldest first; on one day Pillars before Areas before Teams, by slug, Eng Lead first. */
function compareChanges(a: LeadershipChange, b: LeadershipChange): number {
  return (
    compareText(a.on, b.on) ||
    LAYERS.indexOf(a.layer) - LAYERS.indexOf(b.layer) ||
    compareText(a.slug, b.slug) ||
    SEATS.indexOf(a.seat) - SEATS.indexOf(b.seat)
  );
}

/**
 * Every change of a seat's holder in the period, in the scope. A seat's holder on a day is
 * the one `coverage(asOf:)` answers that day, and a change is a day whose holder differs
 * from the day before's: several writes taking effect on one day make at most one change
 * of that seat (a holder leaving and another starting that day is one REPLACED).
 */
export function leadershipChanges(history: OrgHistory, period: ChurnPeriod): LeadershipChange[] {
  return seatTimelines(history, period)
    .flatMap((timeline) => changesOf(timeline, period.from, period.to))
    .sort(compareChanges);
}
