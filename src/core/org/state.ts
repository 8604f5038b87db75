import type {
  AorOwnershipRow,
  AorRow,
  AorUnitRow,
  CandidateRow,
  Criticality,
  Layer,
  MembershipRow,
  OpenRoleRow,
  PersonRow,
  PolicyRow,
  Readiness,
  ReportingLineRow,
  Seat,
  SeatAssignmentRow,
  UnitParentRow,
  UnitRow,
} from '../../db/tables.js';

/** An ISO day, `YYYY-MM-DD`. Days compare correctly as strings. */
export type Day = string;

export const SEATS: readonly Seat[] = ['ENG_LEAD', 'TECH_LEAD'];
export const LAYERS: readonly Layer[] = ['PILLAR', 'AREA', 'TEAM'];

export interface UnitState {
  id: number;
  slug: string;
  name: string;
  layer: Layer;
  parentId: number | null;
  /** The day it was created (`ORG_DAYS.first`: there before anything recorded). */
  createdOn: Day;
}

export interface PersonState {
  id: number;
  email: string;
  name: string;
  managerId: number | null;
  /** The first day without them (they have left once it is on or before the state's day). */
  departedOn: Day | null;
}

/** The assignment in force on the state's day for one seat of one unit. */
export interface Holding {
  personId: number;
  startedOn: Day;
  acting: boolean;
}

export interface SeatState {
  holder: Holding | null;
  /**
   * The first day of the holder's unbroken run in this seat (null: empty): their earlier rows
   * ending the day before a later one starts carry it back, so an acting holder confirmed
   * is the same holder since their first day.
   */
  holderSince: Day | null;
  /**
   * For an acting holder, the first day of their unbroken acting run in this seat (an interim
   * extended by a new acting row from the next day is the same interim); null otherwise.
   */
  actingSince: Day | null;
  /**
   * The last day of the most recent assignment of this seat that ended before the state's
   * day, held by someone other than the unit's current Eng Lead (null if none): for the Tech
   * Lead seat, when a Team became a TLM.
   */
  lastSeparateEndedOn: Day | null;
  /** The same, whoever held it (the Eng Lead too): the day before "vacant since". */
  lastEndedOn: Day | null;
  /** The seat has an `OPEN` role in force on the state's day. */
  openRole: boolean;
}

export interface AorState {
  id: number;
  slug: string;
  name: string;
  unitId: number;
  criticality: Criticality;
  primaryOwnerId: number | null;
  backupOwnerIds: number[];
}

export interface CandidateState {
  unitId: number;
  seat: Seat;
  personId: number;
  readiness: Readiness;
}

/**
 * The org as it stood on one day: plain data, every history row already filtered to
 * what was in force on `asOf`. Every analysis (coverage, rollups, findings, bench,
 * departure impact) is a pure function of this.
 */
export interface OrgState {
  asOf: Day;
  /** Units in slug order. */
  units: UnitState[];
  unitsById: Map<number, UnitState>;
  childrenOf: Map<number | null, UnitState[]>;
  people: ReadonlyMap<number, PersonState>;
  /** Keyed by unit id; every unit has both seats. */
  seats: ReadonlyMap<number, Record<Seat, SeatState>>;
  /** Team members in force (person ids) by unit id. */
  members: ReadonlyMap<number, number[]>;
  aors: AorState[];
  candidates: CandidateState[];
}

/** Every history row of the org, as loaded from the database: the input of `orgStateOn`. */
export interface OrgHistory {
  units: UnitRow[];
  people: PersonRow[];
  seatAssignments: SeatAssignmentRow[];
  memberships: MembershipRow[];
  aors: AorRow[];
  ownerships: AorOwnershipRow[];
  candidates: CandidateRow[];
  openRoles: OpenRoleRow[];
  /** Who reported to whom, day by day. */
  reportingLines: ReportingLineRow[];
  /** Which unit sat under which, day by day. */
  unitParents: UnitParentRow[];
  /** Which unit each AoR sat in, day by day. */
  aorUnits: AorUnitRow[];
  /** The org's policy over time: read for each day's analysis, never part of its state. */
  policies: PolicyRow[];
}
