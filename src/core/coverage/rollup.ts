import type { Layer } from '../../db/tables.js';
import type { Thresholds } from '../../server/config.js';
import { LAYERS, type OrgState, SEATS, type UnitState } from '../org/state.js';
import { subtreeOf } from '../org/subtree.js';
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

/** The scope unit counts at its own layer, each descendant at theirs. */
export function coverageRollup(
  state: OrgState,
  scopeUnitId: number | null,
  thresholds: Thresholds,
): CoverageRollup {
  const units = subtreeOf(state, scopeUnitId);
  const rows = new Map<Layer, LayerCoverage>();
  for (const unit of units) {
    const row = rows.get(unit.layer) ?? emptyRow(unit.layer);
    rows.set(unit.layer, row);
    const coverage = unitCoverage(state, unit.id, thresholds);
    row.units += 1;
    row[STATUS_COUNTER[coverage.status]] += 1;
    if (coverage.healthy) row.healthy += 1;
    if (coverage.tlmBeyondThreshold) row.tlmBeyondThreshold += 1;
    if (coverage.hiring) row.hiring += 1;
  }
  return {
    byLayer: LAYERS.flatMap((layer) => rows.get(layer) ?? []),
    benchStrength: benchStrength(state, units),
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
  let held = 0;
  let covered = 0;
  for (const unit of units) {
    for (const seat of SEATS) {
      const coverage = seatCoverage(state, unit.id, seat);
      if (!isHeld(coverage)) continue;
      held += 1;
      if (coverage.readyNow.length > 0) covered += 1;
    }
  }
  return held === 0 ? null : covered / held;
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
