import type { Seat } from '../../db/tables.js';

/** In the order of SPEC §2's table: the last tiebreak of the findings order. */
export const FINDING_KINDS = [
  'VACANT_SEAT',
  'TLM_BEYOND_THRESHOLD',
  'LONG_RUNNING_TLM',
  'NO_SUCCESSOR',
  'MULTI_SEAT_HOLDER',
  'SOLE_AOR_OWNER',
  'UNOWNED_AOR',
  'SUCCESSOR_CONCENTRATION',
  // Third release: the seed's own rules for the EM/TL pairing ("Leadership hygiene findings").
  'TECH_LEAD_OFF_TEAM',
  'TECH_LEAD_REPORTS_ELSEWHERE',
  'WIDE_SPAN',
  'LONG_ACTING',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** The kinds that reveal succession candidates: PLANNER and ADMIN read them (SPEC §4). */
export const REVEALS_CANDIDATES: ReadonlySet<FindingKind> = new Set(['SUCCESSOR_CONCENTRATION']);

/** Most severe first. */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One single point of failure (SPEC §2 "Single points of failure"). */
export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** The unit where it arises; for the per-person kinds, the highest-layer unit involved. */
  unitId: number;
  /** Set for VACANT_SEAT, NO_SUCCESSOR and LONG_ACTING only. */
  seat: Seat | null;
  /** The people involved, as SPEC §2 lists them per kind. */
  personIds: number[];
  /** Every unit involved, layer then slug order: just `unitId` except for the per-person kinds. */
  unitIds: number[];
  /** The AoR of SOLE_AOR_OWNER and UNOWNED_AOR. */
  aorId?: number;
  /** One sentence a manager understands. */
  message: string;
}

export interface FindingsOptions {
  /** Only these kinds (all when absent or empty). */
  kinds?: readonly FindingKind[];
  /** Only this severity or more severe. */
  minSeverity?: Severity;
  /**
   * Count SUCCESSOR_CONCENTRATION over the seats of these units only: a scoped reader's
   * (SPEC §4). Counted over every seat, the finding's presence would tell whether its
   * person is the only ready successor for a seat outside the scope.
   */
  candidaciesWithin?: ReadonlySet<number> | null;
}

/** What a reader's scope changes in how findings are counted. */
export type ScopeOptions = Pick<FindingsOptions, 'candidaciesWithin'>;
