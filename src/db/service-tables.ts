import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { personTable, unitTable } from './org-tables.js';

/**
 * The tables beside the org's own rows: API tokens, the org version every write bumps, the
 * audit log and the planning scenarios. None of them is org history.
 */

export const apiRoleEnum = pgEnum('api_role', ['VIEWER', 'PLANNER', 'ADMIN']);

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
// can tell with one tiny query whether its cached org snapshot is still current. `writer`
// names the server instance (or CLI run) whose write made the version: the workers of that
// instance will hear of its changes, and no one else's worker waits for them.
export const orgStateTable = pgTable('org_state', {
  id: integer('id').primaryKey().default(1),
  version: integer('version').notNull().default(0),
  writer: text('writer'),
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
    // Who wrote it, as one identity (`token#<id>`, `jwt:<subject>`): token names repeat, so
    // `createdBy` cannot tell a scoped author from another token of the same name.
    author: text('author'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    appliedBy: text('applied_by'),
  },
  (t) => [index('scenario_created_idx').on(t.createdAt)],
);

export type ApiTokenRow = typeof apiTokenTable.$inferSelect;
export type ScenarioRow = typeof scenarioTable.$inferSelect;
export type ApiRole = (typeof apiRoleEnum.enumValues)[number];
