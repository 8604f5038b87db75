import { type Finding, findingsFor, SEVERITIES } from '../findings/findings.js';
import { seatFindingsTurnOn } from '../findings/seats.js';
import { findingsIn, regionTouchedBy } from '../findings/touched.js';
import { changedState, type HistoryChanges } from '../org/changed-state.js';
import { changesBetween } from '../org/day-changes.js';
import type { Day, OrgHistory, OrgState } from '../org/state.js';
import { keptWith } from '../org/state-index.js';
import { subtreeOf } from '../org/subtree.js';
import type { Thresholds } from '../policy.js';
import { changedTally, rollupOf, scopeTally, type Tally } from './rollup.js';
import type { CoveragePoint } from './trend.js';

export interface TrendWalk {
  history: OrgHistory;
  /**
   * The org on a day worked out in full (the store's, which keeps today's): the last
   * point's, and a point's after a change of structure (a unit archived, an AoR retired).
   */
  stateOn(day: Day): OrgState;
  /** The scope unit, null for the whole org. */
  scopeUnitId: number | null;
  thresholds: Thresholds;
  /** The findings the reader may see of those given (it may refuse, by throwing). */
  visible(findings: Finding[]): Finding[];
  /** A scoped reader's units: successor concentration counted there (`FindingsOptions`). */
  candidaciesWithin?: ReadonlySet<number> | null;
}

/**
 * A point; `inScope` false when the scope unit is archived then. Not the org of its day: a
 * point kept each (tens of MB at 20,000 people, when a manager changes between each two)
 * ran a 60-point trend out of memory.
 */
export interface TrendPoint extends CoveragePoint {
  inScope: boolean;
}

/** Where the walk stands: one day's org and the sums of its point. */
interface Step {
  state: OrgState;
  inScope: (unitId: number) => boolean;
  scopeFound: boolean;
  tally: Tally;
  /** Findings counted by severity, in `SEVERITIES` order. */
  counts: number[];
  /**
   * For each unit whose seat findings change with the days alone, the day they do (kept up
   * to date from step to step).
   */
  turns: Map<number, Day[]>;
}

/**
 * The points of a coverage trend, each equal to `coverage(asOf:)` and `findingsFor` of its
 * day, at about the cost of one org: the last day's org (today's, mostly, which the store
 * already holds) is worked out in full, and each earlier one from the one after it by what
 * changed in force in between (`changesBetween`, `changedState`). Its rollup is the later
 * one with the changed units counted again; its findings counts the later ones with the
 * findings of the changed region counted again on both sides (`regionTouchedBy`, the rules
 * departure impact uses, over the same findings functions as `findingsFor`).
 */
export function trendPoints(walk: TrendWalk, days: readonly Day[]): TrendPoint[] {
  const points: TrendPoint[] = [];
  let step: Step | null = null;
  for (const day of [...days].reverse()) {
    step = step ? stepTo(walk, step, day) : fullStep(walk, day);
    const { scopeFound, tally, counts } = step;
    points.push({
      on: day,
      ...rollupOf(tally),
      findings: SEVERITIES.map((severity, i) => ({ severity, count: counts[i] ?? 0 })),
      inScope: scopeFound,
    });
  }
  return points.reverse();
}

/**
 * Past this share of the org's units or people changed between two points (an import's day,
 * a reorganisation), the point is worked out in full: cheaper than both sides of that many.
 */
const MOST_OF_THE_ORG = 0.25;

function stepTo(walk: TrendWalk, step: Step, day: Day): Step {
  const { asOf, units, people } = step.state;
  const [earlier, later] = day < asOf ? [day, asOf] : [asOf, day];
  const changes = changesBetween(walk.history, earlier, later);
  const most = (changed: number, of: number) => changed > of * MOST_OF_THE_ORG;
  if (
    !changes ||
    most(changes.unitIds.size, units.length) ||
    most(changes.people.length, people.size)
  ) {
    return fullStep(walk, day);
  }
  return changedStep(walk, step, changes, day, (turn) => turn > earlier && turn <= later);
}

/** The whole org's findings of a state, kept with it: every trend ending that day starts there. */
const wholeOrgFindings = keptWith((state: OrgState, thresholds: Thresholds) =>
  findingsFor(state, null, thresholds),
);

function fullStep(walk: TrendWalk, day: Day): Step {
  const state = walk.stateOn(day);
  const { scopeUnitId, thresholds, candidaciesWithin } = walk;
  // A scope unit archived that day has no subtree: no units, no findings, an empty point.
  const findings =
    scopeUnitId === null && !candidaciesWithin
      ? wholeOrgFindings(state, thresholds)
      : findingsFor(state, scopeUnitId, thresholds, { candidaciesWithin });
  const counts = SEVERITIES.map(() => 0);
  count(counts, walk.visible(findings), 1);
  const turns = new Map<number, Day[]>();
  for (const unit of state.units) noteTurn(turns, state, unit.id, thresholds);
  return {
    state,
    inScope: scopeOf(state, scopeUnitId),
    scopeFound: scopeUnitId === null || state.unitsById.has(scopeUnitId),
    tally: scopeTally(state, scopeUnitId, thresholds),
    counts,
    turns,
  };
}

function changedStep(
  walk: TrendWalk,
  step: Step,
  changes: HistoryChanges,
  day: Day,
  between: (turn: Day) => boolean,
): Step {
  const { state: before, inScope, turns } = step;
  const { thresholds } = walk;
  const after = changedState(before, changes, day);
  const region = regionTouchedBy([before, after], changes);
  for (const [unitId, days] of turns) if (days.some(between)) region.unitIds.add(unitId);
  const counts = [...step.counts];
  const inRegion = (state: OrgState) =>
    walk.visible(findingsIn(state, region, thresholds, walk).filter((f) => inScope(f.unitId)));
  count(counts, inRegion(before), -1);
  count(counts, inRegion(after), 1);
  for (const unitId of changes.unitIds) noteTurn(turns, after, unitId, thresholds);
  const recounted = [...changes.unitIds].filter(inScope);
  return {
    ...step,
    state: after,
    tally: changedTally(step.tally, before, after, recounted, thresholds),
    counts,
  };
}

/** Whether a unit is in the scope, which stays the same while the structure does. */
function scopeOf(state: OrgState, scopeUnitId: number | null): (unitId: number) => boolean {
  if (scopeUnitId === null) return () => true;
  const ids = new Set(subtreeOf(state, scopeUnitId).map((u) => u.id));
  return (unitId) => ids.has(unitId);
}

function count(counts: number[], findings: readonly Finding[], sign: number) {
  for (const f of findings) {
    const i = SEVERITIES.indexOf(f.severity);
    counts[i] = (counts[i] ?? 0) + sign;
  }
}

function noteTurn(
  turns: Map<number, Day[]>,
  state: OrgState,
  unitId: number,
  thresholds: Thresholds,
) {
  const unit = state.unitsById.get(unitId);
  const days = unit ? seatFindingsTurnOn(state, unit, thresholds) : [];
  if (days.length > 0) turns.set(unitId, days);
  else turns.delete(unitId);
}
