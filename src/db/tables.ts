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
export const apiRoleEnum = pgEnum('api_role', ['VIEWER', 'PLANNER', 'ADMIN']);

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

export const apiTokenTable = pgTable(
  'api_token',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    role: apiRoleEnum('role').notNull(),
    // sha256 of the secret: the secret itself is shown once and never stored.
    tokenHash: text('token_hash').notNull(),
    // The unit whose subtree bounds the token's confidential reads; null: the whole org.
    scopeUnitId: integer('scope_unit_id').references(() => unitTable.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // Refreshed at most once a minute per token, so reads do not each cost a write.
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_token_hash_key').on(t.tokenHash),
    check('api_token_admin_unscoped', sql`${t.role} <> 'ADMIN' or ${t.scopeUnitId} is null`),
  ],
);

// One row: bumped by every write in the same transaction, so every server instance
// can tell with one tiny query whether its cached org snapshot is still current.
export const orgStateTable = pgTable('org_state', {
  id: integer('id').primaryKey().default(1),
  version: integer('version').notNull().default(0),
});

export const changeTable = pgTable(
  'change',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    operation: text('operation').notNull(),
    unitId: integer('unit_id').references(() => unitTable.id),
    personId: integer('person_id').references(() => personTable.id),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('change_unit_idx').on(t.unitId),
    index('change_person_idx').on(t.personId),
    index('change_at_idx').on(t.at),
  ],
);

// Planning scenarios: drafts of hypothetical changes, confidential like the bench. Not org
// data: saving one does not bump the org version; applying one is an org write.
export const scenarioTable = pgTable(
  'scenario',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    description: text('description'),
    // The changes as the API takes them (people by email, units by slug), in order.
    changes: jsonb('changes').$type<unknown[]>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    appliedBy: text('applied_by'),
  },
  (t) => [index('scenario_created_idx').on(t.createdAt)],
);

export type UnitRow = typeof unitTable.$inferSelect;
export type PersonRow = typeof personTable.$inferSelect;
export type SeatAssignmentRow = typeof seatAssignmentTable.$inferSelect;
export type MembershipRow = typeof membershipTable.$inferSelect;
export type AorRow = typeof aorTable.$inferSelect;
export type AorOwnershipRow = typeof aorOwnershipTable.$inferSelect;
export type CandidateRow = typeof candidateTable.$inferSelect;
export type OpenRoleRow = typeof openRoleTable.$inferSelect;
export type ApiTokenRow = typeof apiTokenTable.$inferSelect;
export type ScenarioRow = typeof scenarioTable.$inferSelect;
export type Layer = (typeof layerEnum.enumValues)[number];
export type Seat = (typeof seatEnum.enumValues)[number];
export type Readiness = (typeof readinessEnum.enumValues)[number];
export type Criticality = (typeof criticalityEnum.enumValues)[number];
export type ApiRole = (typeof apiRoleEnum.enumValues)[number];
