import { and, desc, eq } from 'drizzle-orm';
import { anyId } from '../db/any-of.js';
import { type OpenRoleRow, openRoleTable } from '../db/tables.js';
import type { TableList } from '../graphql/table-page.js';

/** Which requisitions an `openRoles(…)` list holds: optionally of some units and a status. */
export interface OpenRoleFilter {
  unitIds?: readonly number[];
  status?: OpenRoleRow['status'] | null;
}

/** The requisitions of the filter, newest first (by the day opened). */
export function openRoleList(filter: OpenRoleFilter): TableList {
  return {
    where: and(
      filter.unitIds ? anyId(openRoleTable.unitId, filter.unitIds) : undefined,
      filter.status ? eq(openRoleTable.status, filter.status) : undefined,
    ),
    orderBy: [desc(openRoleTable.openedOn), desc(openRoleTable.id)],
  };
}
