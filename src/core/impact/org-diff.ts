import { type CoverageStatus, coverageStatus } from '../coverage/coverage.js';
import { compareFindings, type Finding, findingKey, findingsFor } from '../findings/findings.js';
import { findingsIn, regionTouchedBy } from '../findings/touched.js';
import type { HistoryChanges } from '../org/changed-state.js';
import type { OrgState } from '../org/state.js';
import { inLayerOrder } from '../org/subtree.js';
import type { Thresholds } from '../policy.js';

export interface CoverageChange {
  unitId: number;
  from: CoverageStatus;
  to: CoverageStatus;
}

/** What changes between the org as it is and as it would be, on the same day. */
export interface OrgDiff {
  /** Units whose coverage status changes, Pillars first, then by slug. */
  coverageChanges: CoverageChange[];
  /** Findings of the whole org that appear / disappear, diffed by `findingKey`. */
  newFindings: Finding[];
  resolvedFindings: Finding[];
}

/**
 * The one comparison of "before" and "after" that departure impact and planning scenarios
 * share. A unit that exists on one side only (created or archived by the change) has no
 * status to change from or to, so it is left out of `coverageChanges`. Given the `changes`
 * that lead from one to the other (units and AoRs left as they were), only what they can
 * change is compared: the same answer as comparing the whole org, at the cost of the change.
 * `afterThresholds` is the policy of the org as it would be (a scenario may change it; then
 * `changes` must be null, as every finding may change); `candidaciesWithin`, a scoped
 * reader's units (`FindingsOptions`).
 */
export function orgDiff(
  before: OrgState,
  after: OrgState,
  thresholds: Thresholds,
  {
    changes = null,
    afterThresholds = thresholds,
    candidaciesWithin = null,
  }: {
    changes?: HistoryChanges | null;
    afterThresholds?: Thresholds;
    candidaciesWithin?: ReadonlySet<number> | null;
  } = {},
): OrgDiff {
  // A unit's status depends on its own seats alone.
  const units = changes ? before.units.filter((u) => changes.unitIds.has(u.id)) : before.units;
  const coverageChanges = inLayerOrder(units).flatMap((unit) => {
    if (!after.unitsById.has(unit.id)) return [];
    const from = coverageStatus(before, unit.id);
    const to = coverageStatus(after, unit.id);
    return from === to ? [] : [{ unitId: unit.id, from, to }];
  });
  // Both sides over one region: a person who only held a seat of a changed unit before
  // it still has their other seats' findings after.
  const region = changes && regionTouchedBy([before, after], changes);
  const findingsOf = (state: OrgState, policy: Thresholds) =>
    region
      ? findingsIn(state, region, policy, { candidaciesWithin }).sort(compareFindings(state))
      : findingsFor(state, null, policy, { candidaciesWithin });
  const was = findingsOf(before, thresholds);
  const will = findingsOf(after, afterThresholds);
  const wasKeys = new Set(was.map(findingKey));
  const willKeys = new Set(will.map(findingKey));
  return {
    coverageChanges,
    newFindings: will.filter((f) => !wasKeys.has(findingKey(f))),
    resolvedFindings: was.filter((f) => !willKeys.has(findingKey(f))),
  };
}
