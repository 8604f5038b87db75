import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { identity, inForce, inForceDates } from './columns.js';
import {
  CRITICALITY_VALUES,
  LAYER_VALUES,
  READINESS_VALUES,
  ROLE_SEAT_VALUES,
  ROLE_STATUS_VALUES,
  SEAT_VALUES,
} from './enum-values.js';

export const layerEnum = pgEnum('layer', LAYER_VALUES);
export const seatEnum = pgEnum('seat', SEAT_VALUES);
export const readinessEnum = pgEnum('readiness', READINESS_VALUES);
export const criticalityEnum = pgEnum('criticality', CRITICALITY_VALUES);
export const ownershipRoleEnum = pgEnum('ownership_role', ['PRIMARY', 'BACKUP']);
export const roleSeatEnum = pgEnum('role_seat', ROLE_SEAT_VALUES);
export const roleStatusEnum = pgEnum('role_status', ROLE_STATUS_VALUES);

/** A unit or person column of a dated history (the AoR and planning tables use them too). */
export const unitRef = () =>
  integer('unit_id')
    .notNull()
    .references((): AnyPgColumn => unitTable.id);
export const personRef = () =>
  integer('person_id')
    .notNull()
    .references((): AnyPgColumn => personTable.id);

export const unitTable = pgTable(
  'unit',
  {
    id: identity(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    layer: layerEnum('layer').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => unitTable.id),
    charter: text('charter'),
    // The unit's first day: it exists from it until the day it is archived.
    createdOn: date('created_on', { mode: 'string' }).notNull(),
    archivedOn: date('archived_on', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('unit_slug_key').on(t.slug),
    index('unit_parent_idx').on(t.parentId),
    check('unit_slug_format', sql`${t.slug} ~ '^[a-z0-9-]+$'`),
  ],
);

export const personTable = pgTable(
  'person',
  {
    id: identity(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    title: text('title'),
    level: text('level'),
    managerId: integer('manager_id').references((): AnyPgColumn => personTable.id),
    startedOn: date('started_on', { mode: 'string' }),
    departedOn: date('departed_on', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('person_email_key').on(sql`lower(${t.email})`),
    index('person_manager_idx').on(t.managerId),
  ],
);

// `person.manager_id` and `unit.parent_id` hold the latest recorded value (an import's and
// export's view of today); the day-by-day truth is the two histories below, which every read
// and analysis asks.

/** Who a person reports to, over time: one row in force a day at most. */
export const reportingLineTable = pgTable(
  'reporting_line',
  {
    id: identity(),
    personId: personRef(),
    managerId: integer('manager_id')
      .notNull()
      .references((): AnyPgColumn => personTable.id),
    ...inForce(),
  },
  (t) => [
    uniqueIndex('reporting_line_current_key').on(t.personId).where(sql`${t.endedOn} is null`),
    index('reporting_line_manager_idx').on(t.managerId),
    inForceDates('reporting_line', t),
  ],
);

/** Which unit a unit sits under, over time: one row in force a day at most (none: a Pillar). */
export const unitParentTable = pgTable(
  'unit_parent',
  {
    id: identity(),
    unitId: unitRef(),
    parentId: integer('parent_id')
      .notNull()
      .references((): AnyPgColumn => unitTable.id),
    ...inForce(),
  },
  (t) => [
    uniqueIndex('unit_parent_current_key').on(t.unitId).where(sql`${t.endedOn} is null`),
    index('unit_parent_parent_idx').on(t.parentId),
    inForceDates('unit_parent', t),
  ],
);

export const seatAssignmentTable = pgTable(
  'seat_assignment',
  {
    id: identity(),
    unitId: unitRef(),
    seat: seatEnum('seat').notNull(),
    personId: personRef(),
    acting: boolean('acting').notNull().default(false),
    ...inForce(),
  },
  (t) => [
    // A seat has at most one open-ended holder: the database itself refuses a second one.
    uniqueIndex('seat_assignment_current_key')
      .on(t.unitId, t.seat)
      .where(sql`${t.endedOn} is null`),
    index('seat_assignment_person_idx').on(t.personId),
    inForceDates('seat_assignment', t),
  ],
);

export const membershipTable = pgTable(
  'team_membership',
  {
    id: identity(),
    unitId: unitRef(),
    personId: personRef(),
    ...inForce(),
  },
  (t) => [
    // A person is a member of at most one team at a time.
    uniqueIndex('team_membership_current_key').on(t.personId).where(sql`${t.endedOn} is null`),
    index('team_membership_unit_idx').on(t.unitId),
    inForceDates('team_membership', t),
  ],
);

export type UnitRow = typeof unitTable.$inferSelect;
export type PersonRow = typeof personTable.$inferSelect;
export type SeatAssignmentRow = typeof seatAssignmentTable.$inferSelect;
export type MembershipRow = typeof membershipTable.$inferSelect;
export type ReportingLineRow = typeof reportingLineTable.$inferSelect;
export type UnitParentRow = typeof unitParentTable.$inferSelect;
export type Layer = (typeof layerEnum.enumValues)[number];
export type Seat = (typeof seatEnum.enumValues)[number];
export type Readiness = (typeof readinessEnum.enumValues)[number];
export type Criticality = (typeof criticalityEnum.enumValues)[number];
