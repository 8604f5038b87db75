import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const layerEnum = pgEnum('layer', ['PILLAR', 'AREA', 'TEAM']);
export const seatEnum = pgEnum('seat', ['ENG_LEAD', 'TECH_LEAD']);
export const readinessEnum = pgEnum('readiness', ['READY_NOW', 'READY_SOON', 'READY_LATER']);
export const criticalityEnum = pgEnum('criticality', ['HIGH', 'MEDIUM', 'LOW']);
export const ownershipRoleEnum = pgEnum('ownership_role', ['PRIMARY', 'BACKUP']);
export const roleSeatEnum = pgEnum('role_seat', ['ENG_LEAD', 'TECH_LEAD', 'ENGINEER']);
export const roleStatusEnum = pgEnum('role_status', ['OPEN', 'FILLED', 'CANCELLED']);

// Every dated history row is "in force on day d" when started_on <= d and
// (ended_on is null or ended_on >= d): ended_on is the last day, inclusive. A row may end the
// day before it starts: it was replaced or withdrawn before taking effect, and stays as
// history without ever being in force.
const inForce = () => ({
  startedOn: date('started_on', { mode: 'string' }).notNull(),
  endedOn: date('ended_on', { mode: 'string' }),
});

export const unitTable = pgTable(
  'unit',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    layer: layerEnum('layer').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => unitTable.id),
    charter: text('charter'),
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
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
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

export const seatAssignmentTable = pgTable(
  'seat_assignment',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => unitTable.id),
    seat: seatEnum('seat').notNull(),
    personId: integer('person_id')
      .notNull()
      .references(() => personTable.id),
    acting: boolean('acting').notNull().default(false),
    ...inForce(),
  },
  (t) => [
    // A seat has at most one open-ended holder: the database itself refuses a second one.
    uniqueIndex('seat_assignment_current_key')
      .on(t.unitId, t.seat)
      .where(sql`${t.endedOn} is null`),
    index('seat_assignment_person_idx').on(t.personId),
    check('seat_assignment_dates', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn} - 1`),
  ],
);

export const membershipTable = pgTable(
  'team_membership',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => unitTable.id),
    personId: integer('person_id')
      .notNull()
      .references(() => personTable.id),
    ...inForce(),
  },
  (t) => [
    // A person is a member of at most one team at a time.
    uniqueIndex('team_membership_current_key').on(t.personId).where(sql`${t.endedOn} is null`),
    index('team_membership_unit_idx').on(t.unitId),
    check('team_membership_dates', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn} - 1`),
  ],
);

export const aorTable = pgTable(
  'aor',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    criticality: criticalityEnum('criticality').notNull().default('MEDIUM'),
    unitId: integer('unit_id')
      .notNull()
      .references(() => unitTable.id),
    retiredOn: date('retired_on', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('aor_slug_key').on(t.slug),
    index('aor_unit_idx').on(t.unitId),
    check('aor_slug_format', sql`${t.slug} ~ '^[a-z0-9-]+$'`),
  ],
);

export const aorOwnershipTable = pgTable(
  'aor_ownership',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    aorId: integer('aor_id')
      .notNull()
      .references(() => aorTable.id),
    personId: integer('person_id')
      .notNull()
      .references(() => personTable.id),
    role: ownershipRoleEnum('role').notNull(),
    ...inForce(),
  },
  (t) => [
    uniqueIndex('aor_ownership_current_primary_key')
      .on(t.aorId)
      .where(sql`${t.endedOn} is null and ${t.role} = 'PRIMARY'`),
    uniqueIndex('aor_ownership_current_person_key')
      .on(t.aorId, t.personId)
      .where(sql`${t.endedOn} is null`),
    index('aor_ownership_person_idx').on(t.personId),
    check('aor_ownership_dates', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn} - 1`),
  ],
);

export const candidateTable = pgTable(
  'succession_candidate',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => unitTable.id),
    seat: seatEnum('seat').notNull(),
    personId: integer('person_id')
      .notNull()
      .references(() => personTable.id),
    readiness: readinessEnum('readiness').notNull(),
    notes: text('notes'),
    ...inForce(),
  },
  (t) => [
    uniqueIndex('succession_candidate_current_key')
      .on(t.unitId, t.seat, t.personId)
      .where(sql`${t.endedOn} is null`),
    index('succession_candidate_person_idx').on(t.personId),
    check(
      'succession_candidate_dates',
      sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn} - 1`,
    ),
  ],
);

export const openRoleTable = pgTable(
  'open_role',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => unitTable.id),
    seat: roleSeatEnum('seat').notNull(),
    status: roleStatusEnum('status').notNull().default('OPEN'),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    // The day the role stopped being open (filled or cancelled); null while open.
    closedOn: date('closed_on', { mode: 'string' }),
  },
  (t) => [index('open_role_unit_idx').on(t.unitId)],
);

export type UnitRow = typeof unitTable.$inferSelect;
export type PersonRow = typeof personTable.$inferSelect;
export type SeatAssignmentRow = typeof seatAssignmentTable.$inferSelect;
export type MembershipRow = typeof membershipTable.$inferSelect;
export type AorRow = typeof aorTable.$inferSelect;
export type AorOwnershipRow = typeof aorOwnershipTable.$inferSelect;
export type CandidateRow = typeof candidateTable.$inferSelect;
export type OpenRoleRow = typeof openRoleTable.$inferSelect;
export type Layer = (typeof layerEnum.enumValues)[number];
export type Seat = (typeof seatEnum.enumValues)[number];
export type Readiness = (typeof readinessEnum.enumValues)[number];
export type Criticality = (typeof criticalityEnum.enumValues)[number];
