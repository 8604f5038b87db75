import { type UnitCoverage, unitCoverage } from '../core/coverage/coverage.js';
import {
  type CoverageRollup,
  changedRollup,
  coverageRollup,
  unitsRollup,
} from '../core/coverage/rollup.js';
import { type OrgDiff, orgDiff } from '../core/impact/org-diff.js';
import { orgStateOn } from '../core/org/as-of.js';
import { changedState } from '../core/org/changed-state.js';
import type { Day, OrgHistory, OrgState } from '../core/org/state.js';
import { inLayerOrder } from '../core/org/subtree.js';
import { policyOn, type Thresholds } from '../core/policy.js';
import type { PersonRow } from '../db/tables.js';
import { changeRecords } from '../writes/change-record.js';
import { DESCRIBED_TABLES, type Draft } from '../writes/draft.js';
import { plannedChanges, type ScenarioChange, type ScenarioConflict } from './changes.js';
import { draftChanges } from './draft-changes.js';
import type { Plan } from './planned-org.js';

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
  { idBase = 0, today = before.asOf }: { idBase?: number; today?: Day } = {},
) {
  const { draft, conflicts } = plannedChanges(history, before.asOf, changes, {
    idBase,
    recordedUntil: today,
  });
  const changed = draftChanges(draft);
  const after =
    draft.revision === 0
      ? before
      : changed
        ? changedState(before, changed)
        : orgStateOn(draft.history(), before.asOf);
  return { draft, after, conflicts, changed };
}

export interface EvaluationOptions {
  /** The first id of the placeholder people a scenario hires. */
  idBase?: number;
  /** The real today: on an earlier day, the history recorded since is not erased either. */
  today?: Day;
  /**
   * A scoped caller's units (its subtree today): the rollups are theirs, and only they are
   * listed. A change inside a scope still moves figures outside it (a departing person's
   * candidacies elsewhere end), and those are confidential. Null: the whole org.
   */
  within?: ReadonlySet<number> | null;
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
  { idBase = 0, within = null, today }: EvaluationOptions = {},
): ScenarioEvaluation & { hires: PersonRow[]; plan: Plan } {
  const { draft, after, conflicts, changed } = planChanges(history, before, changes, {
    idBase,
    today,
  });
  const policy = draft.policies.changed ? policyOn(draft.policies.rows(), before.asOf) : thresholds;
  // A policy change reaches every unit and person: the whole org is compared anew.
  const touched = policy === thresholds ? changed : null;
  const diff = orgDiff(before, after, thresholds, {
    changes: touched,
    afterThresholds: policy,
    candidaciesWithin: within,
  });
  const inside = ({ unitId }: { unitId: number }) => within === null || within.has(unitId);
  return {
    hires: draft.people.inserts,
    plan: { draft, after },
    asOf: before.asOf,
    conflicts,
    ...diff,
    coverageChanges: diff.coverageChanges.filter(inside),
    before: within
      ? unitsRollup(before, within, thresholds)
      : coverageRollup(before, null, thresholds),
    after: within
      ? unitsRollup(after, within, policy)
      : touched
        ? changedRollup(before, after, touched.unitIds, thresholds)
        : coverageRollup(after, null, policy),
    units: touchedUnits(draft, { before, after }, { before: thresholds, after: policy }).filter(
      inside,
    ),
  };
}

interface Sides<T> {
  before: T;
  after: T;
}

function touchedUnits(
  draft: Draft,
  states: Sides<OrgState>,
  policies: Sides<Thresholds>,
): TouchedUnit[] {
  const { before, after } = states;
  const ids = new Set(changeRecords(draft, DESCRIBED_TABLES).flatMap((r) => r.unitId ?? []));
  const units = [...after.units, ...before.units.filter((u) => !after.unitsById.has(u.id))];
  const coverageIn = (side: keyof Sides<OrgState>, id: number) =>
    states[side].unitsById.has(id) ? unitCoverage(states[side], id, policies[side]) : null;
  return inLayerOrder(units.filter((u) => ids.has(u.id))).map((unit) => ({
    unitId: unit.id,
    before: coverageIn('before', unit.id),
    after: coverageIn('after', unit.id),
  }));
}
