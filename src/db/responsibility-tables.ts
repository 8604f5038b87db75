/**
 * The tables of what the org answers for and plans with: AoRs and their owners, the
 * succession bench, open roles and the org's policy (each dated like the org's own rows).
 */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { identity, inForce, inForceDates } from './columns.js';
import {
  criticalityEnum,
  ownershipRoleEnum,
  personRef,
  readinessEnum,
  roleSeatEnum,
  roleStatusEnum,
  seatEnum,
  unitRef,
} from './org-tables.js';

export const aorTable = pgTable(
  'aor',
  {
    id: identity(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    criticality: criticalityEnum('criticality').notNull().default('MEDIUM'),
    unitId: unitRef(),
    // The AoR's first day: it exists from it until the day it is retired.
    createdOn: date('created_on', { mode: 'string' }).notNull(),
    retiredOn: date('retired_on', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('aor_slug_key').on(t.slug),
    index('aor_unit_idx').on(t.unitId),
    check('aor_slug_format', sql`${t.slug} ~ '^[a-z0-9-]+$'`),
  ],
);

/**
 * Which unit an AoR sits in, over time: one row in force a day (from the AoR's creation on;
 * a retired AoR keeps its last). The AoR's `unitId` follows the latest.
 */
export const aorUnitTable = pgTable(
  'aor_unit',
  {
    id: identity(),
    aorId: integer('aor_id')
      .notNull()
      .references(() => aorTable.id),
    unitId: unitRef(),
    ...inForce(),
  },
  (t) => [
    uniqueIndex('aor_unit_current_key').on(t.aorId).where(sql`${t.endedOn} is null`),
    index('aor_unit_unit_idx').on(t.unitId),
    inForceDates('aor_unit', t),
  ],
);

export const aorOwnershipTable = pgTable(
  'aor_ownership',
  {
    id: identity(),
    aorId: integer('aor_id')
      .notNull()
      .references(() => aorTable.id),
    personId: personRef(),
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
    inForceDates('aor_ownership', t),
  ],
);

export const candidateTable = pgTable(
  'succession_candidate',
  {
    id: identity(),
    unitId: unitRef(),
    seat: seatEnum('seat').notNull(),
    personId: personRef(),
    readiness: readinessEnum('readiness').notNull(),
    notes: text('notes'),
    ...inForce(),
  },
  (t) => [
    uniqueIndex('succession_candidate_current_key')
      .on(t.unitId, t.seat, t.personId)
      .where(sql`${t.endedOn} is null`),
    index('succession_candidate_person_idx').on(t.personId),
    inForceDates('succession_candidate', t),
  ],
);

export const openRoleTable = pgTable(
  'open_role',
  {
    id: identity(),
    unitId: unitRef(),
    seat: roleSeatEnum('seat').notNull(),
    status: roleStatusEnum('status').notNull().default('OPEN'),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    // The day the role stopped being open (filled or cancelled); null while open.
    closedOn: date('closed_on', { mode: 'string' }),
  },
  (t) => [index('open_role_unit_idx').on(t.unitId)],
);

/** One kind's override in a policy: `severity` null keeps SPEC's own. */
export interface PolicyKindRow {
  kind: string;
  severity: string | null;
  off: boolean;
}

// The org's policy (SPEC "Policies"), dated like every history: one row in force a day.
export const policyTable = pgTable(
  'policy',
  {
    id: identity(),
    ...inForce(),
    tlmTeamSize: integer('tlm_team_size').notNull(),
    longTlmDays: integer('long_tlm_days').notNull(),
    spanLimit: integer('span_limit').notNull(),
    actingDays: integer('acting_days').notNull(),
    // Only the kinds it overrides, in FindingKind order.
    kinds: jsonb('kinds').$type<PolicyKindRow[]>().notNull(),
  },
  (t) => [
    inForceDates('policy', t),
    check(
      'policy_positive',
      sql`${t.tlmTeamSize} > 0 and ${t.longTlmDays} > 0 and ${t.spanLimit} > 0 and ${t.actingDays} > 0`,
    ),
  ],
);

export type AorRow = typeof aorTable.$inferSelect;
export type AorUnitRow = typeof aorUnitTable.$inferSelect;
export type AorOwnershipRow = typeof aorOwnershipTable.$inferSelect;
export type CandidateRow = typeof candidateTable.$inferSelect;
export type OpenRoleRow = typeof openRoleTable.$inferSelect;
export type PolicyRow = typeof policyTable.$inferSelect;
