import type { Layer } from '../../db/tables.js';
import { LAYERS, type OrgState, SEATS, type UnitState } from '../org/state.js';
import { keptWith } from '../org/state-index.js';
import { subtreeOf } from '../org/subtree.js';
import type { Thresholds } from '../policy.js';
import { type CoverageStatus, coverageStatus, unitCoverage } from './coverage.js';
import { isHeld, seatCoverage } from './seat.js';

/** Counts over one layer of a scope (SPEC §2 "Coverage rollups at every layer"). */
export interface LayerCoverage {
  layer: Layer;
  units: number;
  healthy: number;
  staffed: number;
  techLeadManager: number;
  missingEngLead: number;
  vacant: number;
  tlmBeyondThreshold: number;
  hiring: number;
}

export interface CoverageRollup {
  /** PILLAR, AREA, TEAM rows, only for layers with units in scope. */
  byLayer: LayerCoverage[];
  /** Share of held seats with at least one READY_NOW candidate; null when no seat is held. */
  benchStrength: number | null;
}

const STATUS_COUNTER: Record<
  CoverageStatus,
  'staffed' | 'techLeadManager' | 'missingEngLead' | 'vacant'
> = {
  STAFFED: 'staffed',
  TECH_LEAD_MANAGER: 'techLeadManager',
  MISSING_ENG_LEAD: 'missingEngLead',
  VACANT: 'vacant',
};

/** The sums a rollup is made of: a unit adds its own to them, whoever else is counted. */
export interface Tally {
  rows: Map<Layer, LayerCoverage>;
  heldSeats: number;
  readySeats: number;
}

/** The scope unit counts at its own layer, each descendant at theirs. */
export function coverageRollup(
  state: OrgState,
  scopeUnitId: number | null,
  thresholds: Thresholds,
): CoverageRollup {
  return rollupOf(scopeTally(state, scopeUnitId, thresholds));
}

/** The sums of a scope's rollup (the whole org's when null), a copy of its own. */
export function scopeTally(
  state: OrgState,
  scopeUnitId: number | null,
  thresholds: Thresholds,
): Tally {
  if (scopeUnitId === null) return copyOf(wholeOrgTally(state, thresholds));
  const tally = emptyTally();
  for (const unit of subtreeOf(state, scopeUnitId)) count(tally, state, unit, thresholds, 1);
  return tally;
}

/**
 * The rollup of the units in `unitIds` (a scoped caller's subtree as it stands today, whatever
 * the state's day), each at its own layer.
 */
export function unitsRollup(
  state: OrgState,
  unitIds: ReadonlySet<number>,
  thresholds: Thresholds,
): CoverageRollup {
  const tally = emptyTally();
  for (const unit of state.units) {
    if (unitIds.has(unit.id)) count(tally, state, unit, thresholds, 1);
  }
  return rollupOf(tally);
}

/**
 * The whole org's rollup of `after`, made from `before` by changes to the seats, members and
 * candidacies of `unitIds` alone (`changedState`): `before`'s rollup with those units
 * counted again, at the cost of the change. A unit's counts are its own, wherever it sits.
 */
export function changedRollup(
  before: OrgState,
  after: OrgState,
  unitIds: ReadonlySet<number>,
  thresholds: Thresholds,
): CoverageRollup {
  return rollupOf(
    changedTally(wholeOrgTally(before, thresholds), before, after, unitIds, thresholds),
  );
}

/** A copy of `tally` (over `before`) with `unitIds` counted again as they stand in `after`. */
export function changedTally(
  tally: Tally,
  before: OrgState,
  after: OrgState,
  unitIds: Iterable<number>,
  thresholds: Thresholds,
): Tally {
  const changed = copyOf(tally);
  for (const unitId of unitIds) {
    const [was, is] = [before.unitsById.get(unitId), after.unitsById.get(unitId)];
    if (was) count(changed, before, was, thresholds, -1);
    if (is) count(changed, after, is, thresholds, 1);
  }
  return changed;
}

/** Kept with the state: every scenario and departure of the day starts from it. */
const wholeOrgTally = keptWith((state: OrgState, thresholds: Thresholds) => {
  const tally = emptyTally();
  for (const unit of state.units) count(tally, state, unit, thresholds, 1);
  return tally;
});

/** Adds the counts of `units` to `tally`: a rollup made a slice at a time (the org gauges). */
export function addUnits(
  tally: Tally,
  state: OrgState,
  units: readonly UnitState[],
  thresholds: Thresholds,
): void {
  for (const unit of units) count(tally, state, unit, thresholds, 1);
}

export function emptyTally(): Tally {
  return { rows: new Map(), heldSeats: 0, readySeats: 0 };
}

function copyOf(tally: Tally): Tally {
  const rows = [...tally.rows].map(([layer, row]): [Layer, LayerCoverage] => [layer, { ...row }]);
  return { ...tally, rows: new Map(rows) };
}

/** Adds (`sign` 1) or takes away (-1) one unit's counts. */
function count(
  tally: Tally,
  state: OrgState,
  unit: UnitState,
  thresholds: Thresholds,
  sign: number,
) {
  const row = tally.rows.get(unit.layer) ?? emptyRow(unit.layer);
  tally.rows.set(unit.layer, row);
  const coverage = unitCoverage(state, unit.id, thresholds);
  row.units += sign;
  row[STATUS_COUNTER[coverage.status]] += sign;
  if (coverage.healthy) row.healthy += sign;
  if (coverage.tlmBeyondThreshold) row.tlmBeyondThreshold += sign;
  if (coverage.hiring) row.hiring += sign;
  countSeats(tally, state, unit, sign);
}

function countSeats(tally: Tally, state: OrgState, unit: UnitState, sign: number) {
  for (const seat of SEATS) {
    const seatState = seatCoverage(state, unit.id, seat);
    if (!isHeld(seatState)) continue;
    tally.heldSeats += sign;
    if (seatState.readyNow.length > 0) tally.readySeats += sign;
  }
}

export function rollupOf({ rows, heldSeats, readySeats }: Tally): CoverageRollup {
  return {
    byLayer: LAYERS.flatMap((layer) => {
      const row = rows.get(layer);
      return row && row.units > 0 ? [row] : [];
    }),
    benchStrength: heldSeats === 0 ? null : readySeats / heldSeats,
  };
}

function emptyRow(layer: Layer): LayerCoverage {
  return {
    layer,
    units: 0,
    healthy: 0,
    staffed: 0,
    techLeadManager: 0,
    missingEngLead: 0,
    vacant: 0,
    tlmBeyondThreshold: 0,
    hiring: 0,
  };
}

/**
 * Share of the held seats of `units` that have at least one READY_NOW candidate. Each seat
 * counts: a Tech Lead seat held by the Eng Lead is a second held seat. Null when none is held.
 */
export function benchStrength(state: OrgState, units: UnitState[]): number | null {
  const tally = emptyTally();
  for (const unit of units) countSeats(tally, state, unit, 1);
  return rollupOf(tally).benchStrength;
}

export interface TeamWithoutTechLead {
  unit: UnitState;
  /** The team has an Eng Lead who carries the Tech Lead role (TECH_LEAD_MANAGER). */
  techLeadManager: boolean;
}

/** Teams in scope, by slug, whose Tech Lead seat has no holder other than the Eng Lead. */
export function teamsWithoutTechLead(
  state: OrgState,
  scopeUnitId: number | null,
): TeamWithoutTechLead[] {
  return subtreeOf(state, scopeUnitId).flatMap((unit): TeamWithoutTechLead[] => {
    if (unit.layer !== 'TEAM') return [];
    const status = coverageStatus(state, unit.id);
    if (status === 'TECH_LEAD_MANAGER') return [{ unit, techLeadManager: true }];
    return status === 'VACANT' ? [{ unit, techLeadManager: false }] : [];
  });
}
