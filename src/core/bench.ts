import { benchStrength } from './coverage/rollup.js';
import { type SeatCoverage, seatCoverage } from './coverage/seat.js';
import { type OrgState, SEATS } from './org/state.js';
import { inLayerOrder, subtreeOf } from './org/subtree.js';

/** One seat of the bench: holder, tenure, vacancy and candidates grouped by readiness. */
export type BenchSeat = SeatCoverage;

export interface SuccessionBench {
  /** Every seat in scope: units Pillars first, then Areas, then Teams, by slug; Eng Lead first. */
  seats: BenchSeat[];
  /** Share of held seats with a READY_NOW candidate (null when none is held), as in rollups. */
  benchStrength: number | null;
}

/** The succession bench of a scope (a unit's subtree, or the whole org when null). Confidential. */
export function successionBench(state: OrgState, scopeUnitId: number | null): SuccessionBench {
  const units = inLayerOrder(subtreeOf(state, scopeUnitId));
  return {
    seats: units.flatMap((unit) => SEATS.map((seat) => seatCoverage(state, unit.id, seat))),
    benchStrength: benchStrength(state, units),
  };
}
