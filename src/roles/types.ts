import { roleStatusOn } from '../core/org/in-force.js';
import { type OpenRoleRow, roleSeatEnum, roleStatusEnum } from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { rowId } from '../graphql/node-id.js';
import { dayOf, type OnDay, type OrgOnDay, readFor, snapshotLoader } from '../graphql/on-day.js';
import { roleRows, rolesByUnit } from '../store/history-rows.js';
import { OrgUnit } from '../units/types.js';

export const OpenRoleSeatEnum = builder.enumType('OpenRoleSeat', {
  description: 'What a requisition hires: one of the two seats, or an engineer.',
  values: roleSeatEnum.enumValues,
});

export const OpenRoleStatusEnum = builder.enumType('OpenRoleStatus', {
  description: 'Where a requisition stands.',
  values: roleStatusEnum.enumValues,
});

/** Where a role stood on the day it is answered for (as stored, before it opened). */
const statusOf = (role: OnDay<OpenRoleRow>, context: Context) =>
  roleStatusOn(role, dayOf(role, context)) ?? role.status;

export const OpenRole = builder.loadableNode('OpenRole', {
  description:
    'A hiring requisition: a vacant seat with an open role is "hiring", not forgotten. Its ' +
    'status is the one of the day it is answered for.',
  id: rowId,
  // Asked by id for a day before it opened, it names nothing (relay-nodes.ts).
  extensions: { existsOn: (role: OpenRoleRow, day: string) => role.openedOn <= day },
  load: snapshotLoader((org): ReadonlyMap<number, OnDay<OpenRoleRow>> => roleRows(org.history)),
  sort: (role: OnDay<OpenRoleRow>) => role.id,
  fields: (t) => ({
    unit: t.field({
      type: OrgUnit,
      description: 'The hiring unit.',
      resolve: (role, _args, context) => readFor(context, role, (org) => org.theUnit(role.unitId)),
    }),
    seat: t.expose('seat', { type: OpenRoleSeatEnum, description: 'What it hires.' }),
    status: t.field({
      type: OpenRoleStatusEnum,
      description: 'OPEN, FILLED, CANCELLED, on the day.',
      resolve: (role, _args, context) => statusOf(role, context),
    }),
    openedOn: t.expose('openedOn', { type: 'Date', description: 'The day it opened.' }),
    closedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'The day it was filled or cancelled (null while open on the day).',
      resolve: (role, _args, context) =>
        statusOf(role, context) === 'OPEN' ? null : role.closedOn,
    }),
  }),
});

/** The roles opened by the org's day, of the units asked, newest first. */
export function rolesOn(
  roles: readonly OpenRoleRow[],
  org: OrgOnDay,
  status?: OpenRoleRow['status'] | null,
): OnDay<OpenRoleRow>[] {
  return roles.flatMap((role) => {
    const now = roleStatusOn(role, org.day);
    return now && (!status || now === status) ? [org.dated(role)] : [];
  });
}

builder.objectFields(OrgUnit, (t) => ({
  openRoles: t.field({
    type: [OpenRole],
    description:
      "The unit's requisitions opened by the day, open and closed, newest first (none on a day " +
      'the unit does not exist: archived by then, or created later).',
    // As its AoRs and members, and as the root `openRoles` of that day leaves them out.
    resolve: (unit, _args, context) =>
      readFor(context, unit, (org) =>
        org.state.unitsById.has(unit.id)
          ? rolesOn(rolesByUnit(org.org.history).get(unit.id) ?? [], org)
          : [],
      ),
  }),
}));
