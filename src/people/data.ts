import { and, asc, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Day } from '../core/org/state.js';
import { anyId, anyText } from '../db/any-of.js';
import type { Db } from '../db/client.js';
import { inForceOn } from '../db/history.js';
import {
  type MembershipRow,
  membershipTable,
  type PersonRow,
  personTable,
  unitTable,
} from '../db/tables.js';

export function peopleByIds(db: Db, ids: readonly number[]): Promise<PersonRow[]> {
  return db.select().from(personTable).where(anyId(personTable.id, ids));
}

/** People by email, case-insensitively. */
export function peopleByEmails(db: Db, emails: readonly string[]): Promise<PersonRow[]> {
  const lowered = emails.map((e) => e.toLowerCase());
  return db
    .select()
    .from(personTable)
    .where(anyText(sql`lower(${personTable.email})`, lowered));
}

/** The people reporting to each manager on `day` (departed people left out). */
export function reportsOf(db: Db, managerIds: readonly number[], day: Day): Promise<PersonRow[]> {
  return db
    .select()
    .from(personTable)
    .where(
      and(
        anyId(personTable.managerId, managerIds),
        or(isNull(personTable.departedOn), gt(personTable.departedOn, day)),
      ),
    )
    .orderBy(asc(personTable.name), asc(personTable.email));
}

/** The team of each person on `day`. */
export function teamsOf(db: Db, personIds: readonly number[], day: Day) {
  return db
    .select({ personId: membershipTable.personId, unit: unitTable })
    .from(membershipTable)
    .innerJoin(unitTable, eq(unitTable.id, membershipTable.unitId))
    .where(and(anyId(membershipTable.personId, personIds), inForceOn(membershipTable, day)));
}

/** Every team membership (current and ended) of each person, newest first. */
export function membershipsOf(db: Db, personIds: readonly number[]): Promise<MembershipRow[]> {
  return db
    .select()
    .from(membershipTable)
    .where(anyId(membershipTable.personId, personIds))
    .orderBy(desc(membershipTable.startedOn), desc(membershipTable.id));
}
