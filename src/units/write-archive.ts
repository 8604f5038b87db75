import { and, asc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Day } from '../core/org/state.js';
import type { Db } from '../db/client.js';
import { endFrom, inForceFrom } from '../db/history.js';
import {
  aorTable,
  type CandidateRow,
  candidateTable,
  membershipTable,
  openRoleTable,
  personTable,
  seatAssignmentTable,
  type UnitRow,
  unitTable,
} from '../db/tables.js';
import type { UserErrorData } from '../writes/errors.js';
import { UserInputError } from '../writes/errors.js';

const SEAT_LABEL = { ENG_LEAD: 'Eng Lead', TECH_LEAD: 'Tech Lead' } as const;

/**
 * Everything that still hangs under a unit on `on` or later: active child units, seat
 * holders, members, active AoRs and OPEN roles. One CONFLICT per blocker, each naming it,
 * so an admin sees the whole to-do list at once.
 */
export async function archiveBlockers(tx: Db, unit: UnitRow, on: Day): Promise<UserErrorData[]> {
  const children = await tx
    .select({ slug: unitTable.slug, layer: unitTable.layer })
    .from(unitTable)
    .where(
      and(
        eq(unitTable.parentId, unit.id),
        or(isNull(unitTable.archivedOn), gt(unitTable.archivedOn, on)),
      ),
    )
    .orderBy(asc(unitTable.slug));
  const holders = await tx
    .select({
      seat: seatAssignmentTable.seat,
      email: personTable.email,
      from: seatAssignmentTable.startedOn,
    })
    .from(seatAssignmentTable)
    .innerJoin(personTable, eq(personTable.id, seatAssignmentTable.personId))
    .where(and(eq(seatAssignmentTable.unitId, unit.id), inForceFrom(seatAssignmentTable, on)))
    .orderBy(asc(seatAssignmentTable.seat), asc(seatAssignmentTable.startedOn));
  const members = await tx
    .select({ email: personTable.email, from: membershipTable.startedOn })
    .from(membershipTable)
    .innerJoin(personTable, eq(personTable.id, membershipTable.personId))
    .where(and(eq(membershipTable.unitId, unit.id), inForceFrom(membershipTable, on)))
    .orderBy(asc(personTable.email));
  const aors = await tx
    .select({ slug: aorTable.slug })
    .from(aorTable)
    .where(
      and(eq(aorTable.unitId, unit.id), or(isNull(aorTable.retiredOn), gt(aorTable.retiredOn, on))),
    )
    .orderBy(asc(aorTable.slug));
  const roles = await tx
    .select({ seat: openRoleTable.seat, openedOn: openRoleTable.openedOn })
    .from(openRoleTable)
    .where(and(eq(openRoleTable.unitId, unit.id), eq(openRoleTable.status, 'OPEN')))
    .orderBy(asc(openRoleTable.seat), asc(openRoleTable.openedOn));

  const blocker = (message: string): UserErrorData => ({
    path: 'input.slug',
    message: `cannot archive "${unit.slug}": ${message}`,
    code: 'CONFLICT',
  });
  return [
    ...children.map((c) =>
      blocker(`active child ${c.layer} "${c.slug}" (move or archive it first)`),
    ),
    ...holders.map((h) =>
      blocker(
        `its ${SEAT_LABEL[h.seat]} seat is held by ${h.email} from ${h.from} (vacate it first)`,
      ),
    ),
    ...members.map((m) => blocker(`${m.email} is a member from ${m.from} (move them first)`)),
    ...aors.map((a) => blocker(`AoR "${a.slug}" is active (move or retire it first)`)),
    ...roles.map((r) =>
      blocker(`an OPEN ${r.seat} role opened on ${r.openedOn} (fill or cancel it first)`),
    ),
  ];
}

/**
 * Archives a unit from `on` (its first day gone) once nothing blocks it. Candidacies for its
 * seats end the day before: nobody can succeed into a unit that no longer exists.
 */
export async function archive(
  tx: Db,
  unit: UnitRow,
  on: Day,
): Promise<{ unit: UnitRow; endedCandidacies: CandidateRow[] }> {
  const blockers = await archiveBlockers(tx, unit, on);
  if (blockers.length > 0) throw new UserInputError(blockers);
  const [archived] = await tx
    .update(unitTable)
    .set({ archivedOn: on })
    .where(and(eq(unitTable.id, unit.id), isNull(unitTable.archivedOn)))
    .returning();
  if (!archived)
    throw UserInputError.of('input.slug', 'the unit was archived meanwhile', 'CONFLICT');
  const endedCandidacies = await tx
    .update(candidateTable)
    .set(endFrom(candidateTable, on))
    .where(and(eq(candidateTable.unitId, unit.id), inForceFrom(candidateTable, on)))
    .returning();
  return { unit: archived, endedCandidacies };
}
