import { type UnitCoverage, unitCoverage } from '../core/coverage/coverage.js';
import { type CoverageRollup, changedRollup, coverageRollup } from '../core/coverage/rollup.js';
import { type OrgDiff, orgDiff } from '../core/impact/org-diff.js';
import { orgStateOn } from '../core/org/as-of.js';
import { changedState } from '../core/org/changed-state.js';
import type { Day, OrgHistory, OrgState } from '../core/org/state.js';
import { inLayerOrder } from '../core/org/subtree.js';
import type { PersonRow } from '../db/tables.js';
import type { Thresholds } from '../server/config.js';
import { changeRecords } from '../writes/change-record.js';
import { DESCRIBED_TABLES, Draft } from '../writes/draft.js';
import { applyChanges, type ScenarioChange, type ScenarioConflict } from './changes.js';
import { draftChanges } from './draft-changes.js';

/** A unit a scenario touches, as it is and as it would be (null: not there on that side). */
export interface TouchedUnit {
  unitId: number;
  before: UnitCoverage | null;
  after: UnitCoverage | null;
}

/** What a scenario would do to the org on a day, compared with the org as it is. */
export interface ScenarioEvaluation extends OrgDiff {
  asOf: Day;
  conflicts: ScenarioConflict[];
  before: CoverageRollup;
  after: CoverageRollup;
  units: TouchedUnit[];
}

/**
 * The org on `before`'s day once the changes are made in memory, what did not apply, and
 * what changed (null: the hierarchy did, and the org was worked out anew).
 */
export function planChanges(
  history: OrgHistory,
  before: OrgState,
  changes: readonly ScenarioChange[],
  idBase = 0,
) {
  const draft = new Draft(history, before.asOf, idBase);
  const conflicts = applyChanges(draft, changes, 'plan');
  const changed = draftChanges(draft);
  const after =
    draft.revision === 0
      ? before
      : changed
        ? changedState(before, changed)
        : orgStateOn(draft.history(), before.asOf);
  return { draft, after, conflicts, changed };
}

/**
 * Evaluates a scenario (SPEC §2 "Scenarios"): its changes applied in order to the org as it
 * stands on the day, in memory, writing nothing, through the same write rules as the
 * mutations; then the same coverage, rollup and findings functions run on both sides.
 */
export function evaluateScenario(
  history: OrgHistory,
  before: OrgState,
  changes: readonly ScenarioChange[],
  thresholds: Thresholds,
  idBase = 0,
): ScenarioEvaluation & { hires: PersonRow[] } {
  const { draft, after, conflicts, changed } = planChanges(history, before, changes, idBase);
  return {
    hires: draft.people.inserts,
    asOf: before.asOf,
    conflicts,
    ...orgDiff(before, after, thresholds, changed),
    before: coverageRollup(before, null, thresholds),
    after: changed
      ? changedRollup(before, after, changed.unitIds, thresholds)
      : coverageRollup(after, null, thresholds),
    units: touchedUnits(draft, before, after, thresholds),
  };
}

function touchedUnits(
  draft: Draft,
  before: OrgState,
  after: OrgState,
  thresholds: Thresholds,
): TouchedUnit[] {
  const ids = new Set(changeRecords(draft, DESCRIBED_TABLES).flatMap((r) => r.unitId ?? []));
  const units = [...after.units, ...before.units.filter((u) => !after.unitsById.has(u.id))];
  const coverageIn = (state: OrgState, id: number) =>
    state.unitsById.has(id) ? unitCoverage(state, id, thresholds) : null;
  return inLayerOrder(units.filter((u) => ids.has(u.id))).map((unit) => ({
    unitId: unit.id,
    before: coverageIn(before, unit.id),
    after: coverageIn(after, unit.id),
  }));
}
