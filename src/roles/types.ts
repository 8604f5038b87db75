import { groupBy } from '../core/collections.js';
import { type OpenRoleRow, roleSeatEnum, roleStatusEnum } from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import { rowId } from '../graphql/node-id.js';
import { OrgUnit } from '../units/types.js';
import { openRolesByIds, rolesOfUnits } from './data.js';

export const OpenRoleSeatEnum = builder.enumType('OpenRoleSeat', {
  description: 'What a requisition hires: one of the two seats, or an engineer.',
  values: roleSeatEnum.enumValues,
});

export const OpenRoleStatusEnum = builder.enumType('OpenRoleStatus', {
  description: 'Where a requisition stands.',
  values: roleStatusEnum.enumValues,
});

export const OpenRole = builder.loadableNode('OpenRole', {
  description: 'A hiring requisition: a vacant seat with an open role is "hiring", not forgotten.',
  id: rowId,
  load: (ids: number[], { db }) => openRolesByIds(db, ids),
  sort: (role: OpenRoleRow) => role.id,
  fields: (t) => ({
    unit: t.field({ type: OrgUnit, description: 'The hiring unit.', resolve: (r) => r.unitId }),
    seat: t.expose('seat', { type: OpenRoleSeatEnum, description: 'What it hires.' }),
    status: t.expose('status', {
      type: OpenRoleStatusEnum,
      description: 'OPEN, FILLED, CANCELLED.',
    }),
    openedOn: t.expose('openedOn', { type: 'Date', description: 'The day it opened.' }),
    closedOn: t.expose('closedOn', {
      type: 'Date',
      nullable: true,
      description: 'The day it was filled or cancelled.',
    }),
  }),
});

builder.objectFields(OrgUnit, (t) => ({
  openRoles: t.loadableList({
    type: OpenRole,
    description: "The unit's requisitions, open and closed, newest first.",
    load: async (ids: number[], { db }) => {
      const byUnit = groupBy(await rolesOfUnits(db, ids), (r) => r.unitId);
      return ids.map((id) => byUnit.get(id) ?? []);
    },
    resolve: (unit) => unit.id,
  }),
}));
