import {
  addUnits,
  type CoverageRollup,
  changedTally,
  emptyTally,
  rollupOf,
  type Tally,
} from '../core/coverage/rollup.js';
import { type FindingsRegion, findingsIn, regionTouchedBy } from '../core/findings/touched.js';
import type { Finding } from '../core/findings/types.js';
import type { HistoryChanges } from '../core/org/changed-state.js';
import type { Day, OrgState } from '../core/org/state.js';
import type { Thresholds } from '../core/policy.js';

// The values the org gauges tell (org-gauges.ts): worked out for the whole org a slice at a
// time, or from the values before a write at the cost of the write.

/** The gauges' values: the org of one version, on one day, under its policy. */
export interface Answer {
  version: number;
  day: Day;
  state: OrgState;
  policy: Thresholds;
  tally: Tally;
  rollup: CoverageRollup;
  /** Findings by `KIND SEVERITY`. */
  findings: Map<string, number>;
}

/** Units, AoRs or people worked out between two turns of the event loop (a few ms at most). */
const SLICE = 500;
export const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function* slices<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += SLICE) yield items.slice(i, i + SLICE);
}

/**
 * The whole org's rollup and findings, as `coverageRollup` and `findingsFor` answer them,
 * worked out a slice at a time: requests and scrapes are answered between two slices
 * instead of waiting for the whole org (a second at 100,000 people).
 */
export async function answerOf(state: OrgState, policy: Thresholds) {
  const tally = emptyTally();
  const findings = new Map<string, number>();
  const none = new Set<number>();
  const find = (region: Partial<FindingsRegion>) => {
    const whole = { unitIds: none, aorIds: none, personIds: none, managerIds: none, ...region };
    countFindings(findings, findingsIn(state, whole, policy), 1);
  };
  for (const units of slices(state.units)) {
    addUnits(tally, state, units, policy);
    find({ unitIds: new Set(units.map((u) => u.id)) });
    await turn();
  }
  for (const aors of slices(state.aors)) {
    find({ aorIds: new Set(aors.map((a) => a.id)) });
    await turn();
  }
  // Everyone, whether they hold a seat, are a candidate or manage: for the others the
  // person and span rules find nothing.
  for (const people of slices([...state.people.keys()])) {
    const ids = new Set(people);
    find({ personIds: ids, managerIds: ids });
    await turn();
  }
  return { tally, rollup: rollupOf(tally), findings };
}

function countFindings(counts: Map<string, number>, found: readonly Finding[], sign: number) {
  for (const f of found) {
    const key = `${f.kind} ${f.severity}`;
    counts.set(key, (counts.get(key) ?? 0) + sign);
  }
}

/**
 * The values after a write made here, from those before it, at the cost of the write: the
 * units it touched counted again, the findings of the region it can alter counted on both
 * sides (what a coverage trend does between two days, core/coverage/trend-points.ts).
 */
export function changedAnswer(
  was: Answer,
  version: number,
  state: OrgState,
  changes: HistoryChanges,
) {
  const { policy } = was;
  const region = regionTouchedBy([was.state, state], changes);
  const findings = new Map(was.findings);
  countFindings(findings, findingsIn(was.state, region, policy), -1);
  countFindings(findings, findingsIn(state, region, policy), 1);
  const tally = changedTally(was.tally, was.state, state, changes.unitIds, policy);
  return { ...was, version, state, tally, rollup: rollupOf(tally), findings };
}
