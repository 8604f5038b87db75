import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import {
  type MembershipRow,
  type OpenRoleRow,
  openRoleTable,
  roleSeatEnum,
  type SeatAssignmentRow,
} from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import { rowKeyOf } from '../graphql/node-id.js';
import { payloadType } from '../graphql/user-errors.js';
import { setTeam } from '../people/write-team.js';
import { TeamMembership } from '../people/write-types.js';
import { assignSeat } from '../seats/mutations.js';
import { SeatAssignment } from '../seats/types.js';
import { unitsByIds } from '../units/data.js';
import type { UserErrorData } from '../writes/errors.js';
import { UserInputError } from '../writes/errors.js';
import { refSchema } from '../writes/fields.js';
import { requireUnit } from '../writes/lookup.js';
import { parseInput, runMutation, type Write } from '../writes/run.js';
import { OpenRole, OpenRoleSeatEnum } from './types.js';

// ---------------------------------------------------------------------------------------
// Inputs

const OpenRoleInput = builder.inputType('OpenRoleInput', {
  description: 'A new hiring requisition on a unit.',
  fields: (t) => ({
    unit: t.string({ required: true, description: 'The hiring unit (slug).' }),
    seat: t.field({
      type: OpenRoleSeatEnum,
      required: true,
      description: 'What it hires: ENG_LEAD, TECH_LEAD or ENGINEER.',
    }),
    openedOn: t.field({ type: 'Date', description: 'The day it opens (default: today).' }),
  }),
});

const FillRoleInput = builder.inputType('FillRoleInput', {
  description: 'An open role that was filled, when, and optionally by whom.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The OpenRole id.' }),
    on: t.field({
      type: 'Date',
      description: 'The day it was filled: its first day no longer open (default: today).',
    }),
    person: t.string({
      description:
        'Who filled it (email). For a seat role they take the seat from `on`; for an ' +
        'ENGINEER role they join the team from `on`; in the same transaction.',
    }),
  }),
});

const CancelRoleInput = builder.inputType('CancelRoleInput', {
  description: 'An open role that was cancelled, and when.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The OpenRole id.' }),
    on: t.field({
      type: 'Date',
      description: 'The day it was cancelled: its first day no longer open (default: today).',
    }),
  }),
});

// ---------------------------------------------------------------------------------------
// Validation

const openSchema = z.object({
  unit: refSchema,
  seat: z.enum(roleSeatEnum.enumValues),
  openedOn: z.string().nullish(),
});

interface CloseInput {
  id: string | number;
  on?: string | null;
  person?: string | null;
}

// ---------------------------------------------------------------------------------------
// Payloads

interface RoleChange {
  openRole: OpenRoleRow | null;
}
const noRole: RoleChange = { openRole: null };

const rolePayload = (name: string, description: string, field: string) =>
  payloadType<RoleChange & { userErrors: UserErrorData[] }>(name, description, (t) => ({
    openRole: t.expose('openRole', { type: OpenRole, nullable: true, description: field }),
  }));

const FillRolePayload = payloadType<Fill & { userErrors: UserErrorData[] }>(
  'FillRolePayload',
  'The filled requisition, and where the person who filled it now sits.',
  (t) => ({
    openRole: t.expose('openRole', {
      type: OpenRole,
      nullable: true,
      description: 'The role, now FILLED.',
    }),
    assignment: t.expose('assignment', {
      type: SeatAssignment,
      nullable: true,
      description: 'Their seat assignment, for a seat role filled by `person`.',
    }),
    membership: t.expose('membership', {
      type: TeamMembership,
      nullable: true,
      description: 'Their team membership, for an ENGINEER role filled by `person`.',
    }),
  }),
);

// ---------------------------------------------------------------------------------------
// Writes

/** The seats a unit has one requisition at a time for; ENGINEER roles may be many. */
const SINGLE_SEATS: ReadonlySet<OpenRoleRow['seat']> = new Set(['ENG_LEAD', 'TECH_LEAD']);

async function openRole(w: Write, input: z.output<typeof openSchema>): Promise<RoleChange> {
  const unit = await requireUnit(w.tx, input.unit, 'input.unit');
  if (SINGLE_SEATS.has(input.seat)) {
    const [open] = await w.tx
      .select()
      .from(openRoleTable)
      .where(
        and(
          eq(openRoleTable.unitId, unit.id),
          eq(openRoleTable.seat, input.seat),
          eq(openRoleTable.status, 'OPEN'),
        ),
      );
    if (open) {
      throw UserInputError.of(
        'input.seat',
        `${unit.slug} already has an open ${input.seat} role (opened on ${open.openedOn})`,
        'CONFLICT',
      );
    }
  }
  const [role] = await w.tx
    .insert(openRoleTable)
    .values({
      unitId: unit.id,
      seat: input.seat,
      status: 'OPEN',
      openedOn: input.openedOn ?? w.today,
    })
    .returning();
  w.record({ unitId: unit.id, before: null, after: role });
  return { openRole: role ?? null };
}

/** The role a global id names, or a NOT_FOUND at `input.id`. */
async function requireRole(tx: Db, id: CloseInput['id']): Promise<OpenRoleRow> {
  const key = rowKeyOf(String(id), 'OpenRole');
  const [role] =
    key === null ? [] : await tx.select().from(openRoleTable).where(eq(openRoleTable.id, key));
  if (!role) throw UserInputError.of('input.id', 'no open role with this id', 'NOT_FOUND');
  return role;
}

/** Closes an OPEN role as FILLED or CANCELLED, `on` being its first day no longer open. */
async function closeRole(
  w: Write,
  input: CloseInput,
  status: 'FILLED' | 'CANCELLED',
): Promise<RoleChange> {
  const role = await requireRole(w.tx, input.id);
  if (role.status !== 'OPEN') {
    throw UserInputError.of(
      'input.id',
      `the role is ${role.status.toLowerCase()}, not open`,
      'CONFLICT',
    );
  }
  const on = input.on ?? w.today;
  if (on < role.openedOn) {
    throw UserInputError.of(
      'input.on',
      `must not be before the role opened (${role.openedOn})`,
      'VALIDATION',
    );
  }
  const [closed] = await w.tx
    .update(openRoleTable)
    .set({ status, closedOn: on })
    .where(and(eq(openRoleTable.id, role.id), eq(openRoleTable.status, 'OPEN')))
    .returning();
  if (!closed) {
    throw UserInputError.of('input.id', 'the role was closed at the same time', 'CONFLICT');
  }
  w.record({ unitId: role.unitId, before: role, after: closed });
  return { openRole: closed };
}

interface Fill extends RoleChange {
  assignment: SeatAssignmentRow | null;
  membership: MembershipRow | null;
}
const noFill: Fill = { openRole: null, assignment: null, membership: null };

/** Where the seat or team writes name their own inputs, fillRole names its own. */
const FILL_PATHS: Record<string, string> = {
  'input.email': 'input.person',
  'input.startedOn': 'input.on',
  'input.team': 'input.id',
  'input.unit': 'input.id',
};

/**
 * Fills a role and, given who filled it, puts them in place in the same transaction: the
 * seat for a seat role (as `assignSeat`), the team for an ENGINEER role (as `setTeam`).
 */
async function fillRole(w: Write, input: CloseInput): Promise<Fill> {
  const { openRole } = await closeRole(w, input, 'FILLED');
  if (!openRole || !input.person) return { openRole, assignment: null, membership: null };
  const on = input.on ?? w.today;
  const [unit] = await unitsByIds(w.tx, [openRole.unitId]);
  const slug = unit?.slug ?? '';
  try {
    if (openRole.seat === 'ENGINEER') {
      const { membership } = await setTeam(w, { email: input.person, team: slug, on });
      return { openRole, assignment: null, membership };
    }
    const seat = { unit: slug, seat: openRole.seat, person: input.person, startedOn: on };
    const { assignment } = await assignSeat(w, seat);
    return { openRole, assignment, membership: null };
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    const userErrors = error.userErrors.map((e) => ({
      ...e,
      path: (e.path && FILL_PATHS[e.path]) ?? e.path,
    }));
    throw new UserInputError(userErrors);
  }
}

// ---------------------------------------------------------------------------------------
// Mutations (ADMIN, like every mutation: SPEC §4)

builder.mutationFields((t) => ({
  openRole: t.field({
    type: rolePayload('OpenRolePayload', 'The new requisition.', 'The new open role.'),
    description:
      'Opens a hiring requisition on a unit. A second OPEN role for the same unit and seat is ' +
      'a CONFLICT; ENGINEER roles may be many. ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: OpenRoleInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'openRole', noRole, (w) => openRole(w, parseInput(openSchema, input))),
  }),
  fillRole: t.field({
    type: FillRolePayload,
    description:
      'Marks an OPEN role FILLED from `on` (a role not OPEN: CONFLICT); with `person`, also ' +
      'puts them in the seat (seat roles) or on the team (ENGINEER roles). ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: FillRoleInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'fillRole', noFill, (w) => fillRole(w, input)),
  }),
  cancelRole: t.field({
    type: rolePayload(
      'CancelRolePayload',
      'The cancelled requisition.',
      'The role, now CANCELLED.',
    ),
    description: 'Marks an OPEN role CANCELLED from `on` (a role not OPEN: CONFLICT). ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CancelRoleInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'cancelRole', noRole, (w) => closeRole(w, input, 'CANCELLED')),
  }),
}));
