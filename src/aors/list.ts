import { and, asc, eq, isNull } from 'drizzle-orm';
import { anyId } from '../db/any-of.js';
import { aorTable, type Criticality } from '../db/tables.js';
import type { TableList } from '../graphql/table-page.js';

/** Which AoRs an `aors(…)` list holds: active ones, optionally of some units and a criticality. */
export interface AorFilter {
  unitIds?: readonly number[];
  criticality?: Criticality | null;
}

/** Active (not retired) AoRs of the filter, in slug order. */
export function aorList(filter: AorFilter): TableList {
  return {
    where: and(
      isNull(aorTable.retiredOn),
      filter.unitIds ? anyId(aorTable.unitId, filter.unitIds) : undefined,
      filter.criticality ? eq(aorTable.criticality, filter.criticality) : undefined,
    ),
    orderBy: [asc(aorTable.slug)],
  };
}
