import { z } from 'zod';
import { roleSeatEnum } from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import { orgMutation } from '../graphql/mutation.js';
import { rowKeyOf } from '../graphql/node-id.js';
import { payloadType } from '../graphql/user-errors.js';
import { TeamMembership } from '../people/write-types.js';
import { SeatAssignment } from '../seats/types.js';
import type { UserErrorData } from '../writes/errors.js';
import { daySchema, personRefSchema, refSchema } from '../writes/fields.js';
import { OpenRole, OpenRoleSeatEnum } from './types.js';
import { cancelRole, type Fill, fillRole, openRole, type RoleChange } from './writes.js';

const noRole: RoleChange = { openRole: null };
const rolePayload = (name: string, description: string, field: string) =>
  payloadType<RoleChange & { userErrors: UserErrorData[] }>(name, description, (t) => ({
    openRole: t.expose('openRole', { type: OpenRole, nullable: true, description: field }),
  }));
/** A role's global id as its row id; one that names no role is NOT_FOUND, said by the rule. */
const roleId = z
  .union([z.string(), z.number()])
  .transform((id) => rowKeyOf(String(id), 'OpenRole'));

orgMutation({
  name: 'openRole',
  description:
    'Opens a hiring requisition on a unit. A second role for the same unit and seat open on a ' +
    'day the new one is open (OPEN, or filled or cancelled from a later day) is a CONFLICT; ' +
    'ENGINEER roles may be many.',
  input: builder.inputType('OpenRoleInput', {
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
  }),
  payload: rolePayload('OpenRolePayload', 'The new requisition.', 'The new open role.'),
  failed: noRole,
  schema: z.object({
    unit: refSchema,
    seat: z.enum(roleSeatEnum.enumValues),
    openedOn: daySchema.nullish(),
  }),
  write: openRole,
});

orgMutation({
  name: 'fillRole',
  description:
    'Marks an OPEN role FILLED from `on` (a role not OPEN: CONFLICT); with `person`, also ' +
    'puts them in the seat (seat roles) or on the team (ENGINEER roles).',
  input: builder.inputType('FillRoleInput', {
    description: 'An open role that was filled, when, and optionally by whom.',
    fields: (t) => ({
      id: t.id({ required: true, description: 'The OpenRole id.' }),
      on: t.field({
        type: 'Date',
        description: 'The day it was filled: its first day no longer open (default: today).',
      }),
      person: t.string({
        description:
          'Who filled it (email). For a seat role they take the seat from `on`, not acting (the ' +
          "seat's acting holder filling it is confirmed); for an ENGINEER role they join the " +
          'team from `on`; in the same transaction.',
      }),
    }),
  }),
  payload: payloadType<Fill & { userErrors: UserErrorData[] }>(
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
  ),
  failed: { openRole: null, assignment: null, membership: null },
  schema: z.object({ id: roleId, on: daySchema.nullish(), person: personRefSchema.nullish() }),
  write: fillRole,
});

orgMutation({
  name: 'cancelRole',
  description: 'Marks an OPEN role CANCELLED from `on` (a role not OPEN: CONFLICT).',
  input: builder.inputType('CancelRoleInput', {
    description: 'An open role that was cancelled, and when.',
    fields: (t) => ({
      id: t.id({ required: true, description: 'The OpenRole id.' }),
      on: t.field({
        type: 'Date',
        description: 'The day it was cancelled: its first day no longer open (default: today).',
      }),
    }),
  }),
  payload: rolePayload(
    'CancelRolePayload',
    'The cancelled requisition.',
    'The role, now CANCELLED.',
  ),
  failed: noRole,
  schema: z.object({ id: roleId, on: daySchema.nullish() }),
  write: cancelRole,
});
