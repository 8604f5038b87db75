import type { Day, OrgHistory } from '../core/org/state.js';
import type {
  AorOwnershipRow,
  AorRow,
  AorUnitRow,
  CandidateRow,
  MembershipRow,
  OpenRoleRow,
  PersonRow,
  PolicyRow,
  ReportingLineRow,
  SeatAssignmentRow,
  UnitParentRow,
  UnitRow,
} from '../db/tables.js';
import { DraftTable, type IndexKey } from './draft-table.js';

/** The draft's tables, named as an import counts them. */
export const TABLE_NAMES = [
  'people',
  'units',
  'seatAssignments',
  'memberships',
  'aors',
  'aorOwnerships',
  'candidates',
  'openRoles',
  'reportingLines',
  'unitParents',
  'aorUnits',
  'policies',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];
/**
 * The tables whose changes the audit log and an import's plan describe: a manager's, a
 * parent's or an AoR's unit's dated row is told by the person's, unit's or AoR's own change
 * (its `manager`, `parent`, `unit`).
 */
const TOLD_BY_THEIR_OWN = ['reportingLines', 'unitParents', 'aorUnits'] as const;
export type DescribedTable = Exclude<TableName, (typeof TOLD_BY_THEIR_OWN)[number]>;
export const DESCRIBED_TABLES = TABLE_NAMES.filter(
  (name): name is DescribedTable => !(TOLD_BY_THEIR_OWN as readonly TableName[]).includes(name),
);

/**
 * The tables an import counts: the described ones (the dated reporting lines, parents and AoR
 * units are counted as the people, units and AoRs they change).
 */
export type CountedTable = DescribedTable;
const COUNTED_TABLES = DESCRIBED_TABLES;
export type Counts = Record<CountedTable, number>;

export const zeroCounts = (): Counts =>
  Object.fromEntries(COUNTED_TABLES.map((name) => [name, 0])) as Counts;

/** `unitId:seat`: the key of one seat, of its candidacies and of its open roles. */
export const seatKey = (unitId: number, seat: string) => `${unitId}:${seat}`;

/**
 * The org being changed: the snapshot's history plus this write's changes, in memory. Every
 * write rule reads and changes the org through a draft, synchronously, so the same rules
 * serve a mutation (saved in one transaction), an import (many rules, then one save), a
 * dry run (never saved) and a planning scenario (evaluated, never saved). New rows get
 * negative ids until the draft is saved.
 */
export class Draft {
  private lastId = 0;
  private readonly newId = () => --this.lastId;
  /** How many changes the draft has taken: a write that leaves it as is changed nothing. */
  revision = 0;
  private readonly changedOne = () => {
    this.revision += 1;
  };
  readonly people: DraftTable<PersonRow, 'email'>;
  readonly units: DraftTable<UnitRow, 'slug'>;
  readonly seatAssignments: DraftTable<SeatAssignmentRow, 'seat' | 'person'>;
  readonly memberships: DraftTable<MembershipRow, 'person' | 'unit'>;
  readonly aors: DraftTable<AorRow, 'slug' | 'unit'>;
  readonly aorOwnerships: DraftTable<AorOwnershipRow, 'aor' | 'person'>;
  readonly candidates: DraftTable<CandidateRow, 'seat' | 'person' | 'unit'>;
  readonly openRoles: DraftTable<OpenRoleRow, 'seat' | 'unit'>;
  readonly reportingLines: DraftTable<ReportingLineRow, 'person' | 'manager'>;
  readonly unitParents: DraftTable<UnitParentRow, 'unit' | 'parent'>;
  readonly aorUnits: DraftTable<AorUnitRow, 'aor' | 'unit'>;
  readonly policies: DraftTable<PolicyRow, never>;
  /** Things a write was asked to make so that already were (an import reports them). */
  readonly unchanged = zeroCounts();

  constructor(
    history: OrgHistory,
    /** The day the write happens: the default start of everything it changes. */
    readonly today: Day,
    /** New rows get ids below this one (evaluations of one request must not collide). */
    idBase = 0,
    /**
     * The last day of the history as recorded: a row begun by then was in force, and no write
     * erases it. The write's own day, but for a scenario evaluated on another day: its endings
     * meet the history recorded until today, as the mutations dated that day would (a
     * departure there is brought forward instead, as `departureImpact`'s is).
     */
    readonly recordedUntil: Day = today,
  ) {
    this.lastId = idBase;
    // Every table draws its new ids from the draft and tells it of each change.
    const table = <R extends { id: number }, I extends string>(
      rows: readonly R[],
      indexes: Record<I, (row: R) => IndexKey>,
    ) => new DraftTable(rows, indexes, this.newId, this.changedOne);
    this.people = table(history.people, { email: (p) => p.email.toLowerCase() });
    this.units = table(history.units, { slug: (u) => u.slug });
    this.seatAssignments = table(history.seatAssignments, {
      seat: (s) => seatKey(s.unitId, s.seat),
      person: (s) => s.personId,
    });
    this.memberships = table(history.memberships, {
      person: (m) => m.personId,
      unit: (m) => m.unitId,
    });
    this.aors = table(history.aors, { slug: (a) => a.slug, unit: (a) => a.unitId });
    this.aorOwnerships = table(history.ownerships, {
      aor: (o) => o.aorId,
      person: (o) => o.personId,
    });
    this.candidates = table(history.candidates, {
      seat: (c) => seatKey(c.unitId, c.seat),
      person: (c) => c.personId,
      unit: (c) => c.unitId,
    });
    this.openRoles = table(history.openRoles, {
      seat: (r) => seatKey(r.unitId, r.seat),
      unit: (r) => r.unitId,
    });
    this.reportingLines = table(history.reportingLines, {
      person: (l) => l.personId,
      manager: (l) => l.managerId,
    });
    this.unitParents = table(history.unitParents, {
      unit: (p) => p.unitId,
      parent: (p) => p.parentId,
    });
    this.aorUnits = table(history.aorUnits, { aor: (r) => r.aorId, unit: (r) => r.unitId });
    this.policies = table(history.policies, {});
  }

  /** Counts one thing asked for that already was so. */
  keep(table: CountedTable): void {
    this.unchanged[table] += 1;
  }

  /** Whether the draft changed any row. */
  get changed(): boolean {
    return TABLE_NAMES.some((name) => this[name].changed);
  }

  /** Rows created and updated, per table. */
  counts(): { created: Counts; updated: Counts } {
    const created = zeroCounts();
    const updated = zeroCounts();
    for (const name of COUNTED_TABLES) {
      created[name] = this[name].inserts.length;
      updated[name] = this[name].updates.length;
    }
    return { created, updated };
  }

  /** The whole history as the draft sees it (a scenario evaluates the org from it). */
  history(): OrgHistory {
    return {
      people: this.people.rows(),
      units: this.units.rows(),
      seatAssignments: this.seatAssignments.rows(),
      memberships: this.memberships.rows(),
      aors: this.aors.rows(),
      ownerships: this.aorOwnerships.rows(),
      candidates: this.candidates.rows(),
      openRoles: this.openRoles.rows(),
      reportingLines: this.reportingLines.rows(),
      unitParents: this.unitParents.rows(),
      aorUnits: this.aorUnits.rows(),
      policies: this.policies.rows(),
    };
  }
}
