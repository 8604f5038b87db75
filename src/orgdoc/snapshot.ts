import { and, asc, isNull, type SQL, sql } from 'drizzle-orm';
import { groupBy } from '../core/collections.js';
import type { Db } from '../db/client.js';
import {
  type AorOwnershipRow,
  type AorRow,
  aorOwnershipTable,
  aorTable,
  type CandidateRow,
  candidateTable,
  type MembershipRow,
  membershipTable,
  type OpenRoleRow,
  openRoleTable,
  type PersonRow,
  personTable,
  type SeatAssignmentRow,
  seatAssignmentTable,
  type UnitRow,
  unitTable,
} from '../db/tables.js';
import { intList, textList } from './bulk.js';
import type { documentKeys } from './references.js';

/**
 * What the database holds about the keys a document mentions, loaded with a fixed number
 * of set-based queries whatever the document's size. "Current" rows are the open-ended
 * ones (`ended_on is null`), the rows the partial unique indexes keep unique.
 */
export interface Snapshot {
  /**
   * By lower-cased email: the people the document names, every manager up their chains
   * (for cycle checks), and the current holders and owners of its units and AoRs.
   */
  people: Map<string, PersonRow>;
  peopleById: Map<number, PersonRow>;
  units: Map<string, UnitRow>;
  /** Current holder by `seatKey`. */
  seats: Map<string, SeatAssignmentRow>;
  /** Current team membership by person id. */
  memberships: Map<number, MembershipRow>;
  aors: Map<string, AorRow>;
  /** Current ownerships by AoR id. */
  ownerships: Map<number, AorOwnershipRow[]>;
  /** Current candidacies by `candidateKey`. */
  candidates: Map<string, CandidateRow>;
  /** Every role (open or closed) by `seatKey`, oldest first. */
  openRoles: Map<string, OpenRoleRow[]>;
}

export const seatKey = (unitId: number, seat: string) => `${unitId}:${seat}`;
export const candidateKey = (unitId: number, seat: string, personId: number) =>
  `${unitId}:${seat}:${personId}`;

/** The people with these emails and, recursively, their managers: one query. */
function peopleAndManagers(db: Db, emails: Set<string>) {
  const chain: SQL = sql`(with recursive chain(id) as (
      select id from person where lower(email) in ${textList(emails)}
      union
      select p.manager_id from person p join chain c on p.id = c.id where p.manager_id is not null
    ) select id from chain)`;
  return db.select().from(personTable).where(sql`${personTable.id} in ${chain}`);
}

export async function loadSnapshot(
  db: Db,
  keys: ReturnType<typeof documentKeys>,
): Promise<Snapshot> {
  const people = await peopleAndManagers(db, keys.emails);
  const units = await db
    .select()
    .from(unitTable)
    .where(sql`${unitTable.slug} in ${textList(keys.unitSlugs)}`);
  const aors = await db
    .select()
    .from(aorTable)
    .where(sql`${aorTable.slug} in ${textList(keys.aorSlugs)}`);
  const unitIds = intList(units.map((u) => u.id));
  const seats = await db
    .select()
    .from(seatAssignmentTable)
    .where(
      and(sql`${seatAssignmentTable.unitId} in ${unitIds}`, isNull(seatAssignmentTable.endedOn)),
    );
  const memberships = await db
    .select()
    .from(membershipTable)
    .where(
      and(
        sql`${membershipTable.personId} in ${intList(people.map((p) => p.id))}`,
        isNull(membershipTable.endedOn),
      ),
    );
  const ownerships = await db
    .select()
    .from(aorOwnershipTable)
    .where(
      and(
        sql`${aorOwnershipTable.aorId} in ${intList(aors.map((a) => a.id))}`,
        isNull(aorOwnershipTable.endedOn),
      ),
    );
  const candidates = await db
    .select()
    .from(candidateTable)
    .where(and(sql`${candidateTable.unitId} in ${unitIds}`, isNull(candidateTable.endedOn)));
  // Current holders and owners the document does not mention, to name them in messages.
  const known = new Set(people.map((p) => p.id));
  const unnamed = [...seats, ...ownerships].map((r) => r.personId).filter((id) => !known.has(id));
  if (unnamed.length > 0) {
    people.push(
      ...(await db
        .select()
        .from(personTable)
        .where(sql`${personTable.id} in ${intList(unnamed)}`)),
    );
  }
  const openRoles = await db
    .select()
    .from(openRoleTable)
    .where(sql`${openRoleTable.unitId} in ${unitIds}`)
    .orderBy(asc(openRoleTable.openedOn), asc(openRoleTable.id));
  return {
    people: new Map(people.map((p) => [p.email.toLowerCase(), p])),
    peopleById: new Map(people.map((p) => [p.id, p])),
    units: new Map(units.map((u) => [u.slug, u])),
    seats: new Map(seats.map((s) => [seatKey(s.unitId, s.seat), s])),
    memberships: new Map(memberships.map((m) => [m.personId, m])),
    aors: new Map(aors.map((a) => [a.slug, a])),
    ownerships: groupBy(ownerships, (o) => o.aorId),
    candidates: new Map(candidates.map((c) => [candidateKey(c.unitId, c.seat, c.personId), c])),
    openRoles: groupBy(openRoles, (r) => seatKey(r.unitId, r.seat)),
  };
}
