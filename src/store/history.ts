import type { OrgHistory } from '../core/org/state.js';
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

/** Every history row of the org: twelve set-based statements whatever the org's size. */
export async function readOrgHistory(db: Db): Promise<OrgHistory> {
  return {
    units: await db.select().from(unitTable),
    people: await db.select().from(personTable),
    seatAssignments: await db.select().from(seatAssignmentTable),
    memberships: await db.select().from(membershipTable),
    aors: await db.select().from(aorTable),
    ownerships: await db.select().from(aorOwnershipTable),
    candidates: await db.select().from(candidateTable),
    openRoles: await db.select().from(openRoleTable),
    reportingLines: await db.select().from(reportingLineTable),
    unitParents: await db.select().from(unitParentTable),
    aorUnits: await db.select().from(aorUnitTable),
    policies: await db.select().from(policyTable),
  };
}
