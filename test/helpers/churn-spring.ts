/**
 * The spring of test/unit/churn.test.ts's org (replayed through the mutations by
 * test/api/churn.test.ts), asked for 2026-03-01..2026-05-31: what SPEC's churn definitions
 * answer. Changes as `day unit SEAT KIND before > after`, `*` marking an acting holder.
 */
export const SPRING = { from: '2026-03-01', to: '2026-05-31' };

export const SPRING_CHANGES = [
  '2026-03-01 t3 ENG_LEAD VACATED e3 > -',
  '2026-03-10 t4 ENG_LEAD VACATED e4 > -',
  '2026-03-15 t3 ENG_LEAD FILLED - > y*',
  // The holder leaving and the next starting on one day is one REPLACED; on a day, by
  // unit then Eng Lead first (in the unit test's org tl1's last day overlaps tl2's first:
  // the later start holds).
  '2026-04-01 t1 ENG_LEAD REPLACED em1 > em2',
  '2026-04-01 t1 TECH_LEAD REPLACED tl1 > tl2',
  '2026-04-01 t2 TECH_LEAD VACATED ty > -',
  '2026-04-10 a TECH_LEAD FILLED - > z',
  '2026-04-15 t3 ENG_LEAD CONFIRMED y* > y',
];

/** A layer's seat where nothing happened and the seats held throughout. */
export const NONE = {
  began: 0,
  ended: 0,
  medianDaysVacant: null,
  longestDaysVacant: null,
  stillOpen: 0,
  oldestOpenDays: null,
  medianDaysToFill: null,
  turnover: 0,
};

export const SPRING_STATS = [
  { layer: 'PILLAR', seat: 'ENG_LEAD', ...NONE },
  { layer: 'PILLAR', seat: 'TECH_LEAD', ...NONE },
  { layer: 'AREA', seat: 'ENG_LEAD', ...NONE },
  // Empty from 02-01 (before the period: not begun), filled 04-10: 68 days vacant.
  {
    ...NONE,
    layer: 'AREA',
    seat: 'TECH_LEAD',
    ended: 1,
    medianDaysVacant: 68,
    longestDaysVacant: 68,
    medianDaysToFill: 85,
  },
  // t3 empty 03-01..03-14 (14 days, ended by an acting holder); t4's from 03-10, cut by
  // its archiving on 04-01 (begun, never ended nor open). Three Teams exist on `to`, whose
  // Eng Leads left three times (t3, t4 vacated; t1 replaced).
  {
    layer: 'TEAM',
    seat: 'ENG_LEAD',
    began: 2,
    ended: 1,
    medianDaysVacant: 14,
    longestDaysVacant: 14,
    stillOpen: 0,
    oldestOpenDays: null,
    medianDaysToFill: 23,
    turnover: 1,
  },
  // t2 empty from 04-01 (60 days on `to`); t3's never held, so empty from the history's
  // first day 2025-01-01 (515 days); t4's cut by its archiving.
  {
    layer: 'TEAM',
    seat: 'TECH_LEAD',
    began: 1,
    ended: 0,
    medianDaysVacant: null,
    longestDaysVacant: null,
    stillOpen: 2,
    oldestOpenDays: 515,
    medianDaysToFill: null,
    turnover: 2 / 3,
  },
];
