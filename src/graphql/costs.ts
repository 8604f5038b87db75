/**
 * What a request may cost, in the complexity plugin's units: about 10 µs of work each on
 * the 2,000-team org (bench M) on a 2-core machine. By default a field costs 1, a list
 * multiplies what it holds by 10 and a page by its size (pillars' by 10 at most), which prices
 * the whole-org dashboard tree (pillars → areas → teams with leads, members and coverage;
 * ~200 ms) at 11,000–24,000. The analyses read
 * the whole org whatever they return, so they carry their measured price instead.
 */
export const MAX_COST = 150_000;

/** Measured on org M, warm snapshot. */
export const COST = {
  /**
   * The org after the departure read through the org before, only what it touched compared:
   * 2–10 ms (it was 250–450 ms when the whole org was analysed twice, 60–130 ms when the
   * org was copied rather than read through).
   */
  departureImpact: 2_000,
  /**
   * A scenario's evaluation: as a departure impact when its changes touch a few units, but a
   * unit moved means the whole org worked out and compared again: 250–450 ms.
   */
  scenarioEvaluation: 40_000,
  /** Every table read and the document built: about 1.1 s. */
  exportOrg: 100_000,
  /** Every seat and its candidates: ~70 ms. */
  successionBench: 8_000,
  /** Every finding of the scope, then filtered: ~75 ms. */
  singlePointsOfFailure: 8_000,
  /** Every unit's coverage, rolled up: ~35 ms. */
  coverage: 4_000,
  /** Every team's seats: ~12 ms. */
  teamsWithoutTechLead: 2_000,
  /**
   * A coverage trend's last day in full (today's org is mostly kept already): the org of a
   * day, its rollup and findings, as `coverage` and `singlePointsOfFailure` on a day not
   * yet computed.
   */
  trend: 20_000,
  /**
   * Each further point, worked out from its neighbour by the history's changes in between:
   * 0.2–1 ms at M with a few units changed (a unit archived in between makes a point a
   * whole org again: rare, and not priced).
   */
  trendPoint: 100,
  /**
   * Every seat's timeline from its own rows, then counted, whatever the period's length: ~20 ms
   * beyond an empty request on org S (bench), the tree's third.
   */
  churn: 2_000,
} as const;

/**
 * Each day asked with `asOf` costs a rebuild of the org on that day: 50–100 ms. Priced once
 * a day for the whole request (src/graphql/days-asked.ts), whichever fields ask it.
 */
export const OTHER_DAY = 8_000;

/**
 * The options of a heavy field: its price, and the mark that makes it wait its turn
 * (src/graphql/heavy-turns.ts) so that no two heavy computations run back to back without
 * the server answering anything in between.
 */
export function heavy(cost: number) {
  return { complexity: cost, extensions: { heavy: true } };
}
