import type { PgTable } from 'drizzle-orm/pg-core';
import { allocateIds, insertRows, updateRows } from '../db/bulk.js';
import type { Db } from '../db/database.js';
import {
  aorOwnershipTable,
  aorTable,
  aorUnitTable,
  candidateTable,
  membershipTable,
  openRoleTable,
  personTable,
  policyTable,
  reportingLineTable,
  seatAssignmentTable,
  unitParentTable,
  unitTable,
} from '../db/tables.js';
import { type Draft, TABLE_NAMES, type TableName } from './draft.js';

const TABLES: Record<TableName, PgTable> = {
  people: personTable,
  units: unitTable,
  seatAssignments: seatAssignmentTable,
  memberships: membershipTable,
  aors: aorTable,
  aorOwnerships: aorOwnershipTable,
  candidates: candidateTable,
  openRoles: openRoleTable,
  reportingLines: reportingLineTable,
  unitParents: unitParentTable,
  aorUnits: aorUnitTable,
  policies: policyTable,
};

/** The columns of each table that may point at a row created by the same draft. */
const REFERENCES: Record<TableName, readonly string[]> = {
  people: ['managerId'],
  units: ['parentId'],
  seatAssignments: ['unitId', 'personId'],
  memberships: ['unitId', 'personId'],
  aors: ['unitId'],
  aorOwnerships: ['aorId', 'personId'],
  candidates: ['unitId', 'personId'],
  openRoles: ['unitId'],
  reportingLines: ['personId', 'managerId'],
  unitParents: ['unitId', 'parentId'],
  aorUnits: ['aorId', 'unitId'],
  policies: [],
};

/** Tables other rows point at: inserted first, in this order. */
const ENTITIES: readonly TableName[] = ['people', 'units', 'aors'];

type Row = Record<string, unknown> & { id: number };

/** What a saved draft changed, per table, with database ids. */
export type SavedChanges = Record<TableName, { inserts: Row[]; updates: Row[] }>;

/**
 * Saves a draft in a few set-based statements whatever its size: ids for its new rows
 * (one statement per table), new people, units and AoRs, then every update — history rows
 * are ended before new ones start, as the one-open-row indexes and the no-overlap
 * constraints require — then the new history rows. Rows are given their database ids in
 * place, so what the write rules returned is current. Returns draft id → database id.
 */
export async function saveDraft(
  tx: Db,
  w: Draft,
): Promise<{ ids: Map<number, number>; changes: SavedChanges }> {
  const changes = Object.fromEntries(
    TABLE_NAMES.map((name) => [
      name,
      {
        inserts: w[name].inserts as unknown as Row[],
        updates: w[name].updates as unknown as Row[],
      },
    ]),
  ) as SavedChanges;
  const ids = new Map<number, number>();
  for (const name of TABLE_NAMES) {
    const { inserts } = changes[name];
    if (inserts.length === 0) continue;
    const fresh = await allocateIds(tx, TABLES[name], inserts.length);
    for (const [i, row] of inserts.entries()) ids.set(row.id, fresh[i] as number);
  }
  const real = (id: number) => ids.get(id) ?? id;
  for (const name of TABLE_NAMES) {
    for (const row of [...changes[name].inserts, ...changes[name].updates]) {
      row.id = real(row.id);
      for (const column of REFERENCES[name]) {
        if (typeof row[column] === 'number') row[column] = real(row[column] as number);
      }
    }
  }
  for (const name of ENTITIES) await insertRows(tx, TABLES[name], changes[name].inserts);
  for (const name of TABLE_NAMES) await updateRows(tx, TABLES[name], changes[name].updates);
  for (const name of TABLE_NAMES) {
    if (!ENTITIES.includes(name)) await insertRows(tx, TABLES[name], changes[name].inserts);
  }
  return { ids, changes };
}
