import type { OrgHistory } from '../core/org/state.js';
import type { Db } from '../db/client.js';
import {
  aorOwnershipTable,
  aorTable,
  candidateTable,
  membershipTable,
  openRoleTable,
  personTable,
  seatAssignmentTable,
  unitTable,
} from '../db/tables.js';

/**
 * Loads every history row of the org: eight set-based statements whatever the org's size.
 * Run inside one read-only transaction so the eight reads see one consistent org.
 */
export function loadOrgHistory(db: Db): Promise<OrgHistory> {
  return db.transaction(
    async (tx) => {
      const [units, people, seatAssignments, memberships, aors, ownerships, candidates, openRoles] =
        [
          await tx.select().from(unitTable),
          await tx.select().from(personTable),
          await tx.select().from(seatAssignmentTable),
          await tx.select().from(membershipTable),
          await tx.select().from(aorTable),
          await tx.select().from(aorOwnershipTable),
          await tx.select().from(candidateTable),
          await tx.select().from(openRoleTable),
        ];
      return {
        units,
        people,
        seatAssignments,
        memberships,
        aors,
        ownerships,
        candidates,
        openRoles,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
