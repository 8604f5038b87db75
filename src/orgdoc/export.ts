import { and, asc, eq, gt, or } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { firstOfEach, groupBy } from '../core/collections.js';
import { isPresentOn } from '../core/org/as-of.js';
import { runStart, seatKey } from '../core/org/seats-on.js';
import type { Day } from '../core/org/state.js';
import type { Db } from '../db/database.js';
import { type DatedColumns, inForceOn } from '../db/history.js';
import {
  type AorOwnershipRow,
  aorOwnershipTable,
  aorTable,
  aorUnitTable,
  type CandidateRow,
  candidateTable,
  layerEnum,
  type MembershipRow,
  membershipTable,
  openRoleTable,
  type PersonRow,
  personTable,
  policyTable,
  reportingLineTable,
  seatAssignmentTable,
  type seatEnum,
  type UnitRow,
  unitParentTable,
  unitTable,
} from '../db/tables.js';
import { policyDocument } from '../policy/writes.js';
import { inForceFrom } from '../writes/dated.js';
import type { OrgSections } from './document.js';

type Rows = Awaited<ReturnType<typeof loadCurrent>>;
type Names = { emails: Map<number, string>; slugs: Map<number, string> };

/** Still in force on `today`: never ended, or ending later. */
const current = (endDay: Day | null, today: Day) => endDay === null || endDay > today;
const byKey =
  <T>(key: (row: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * The rows of every table the document states: eleven queries whatever the org's size, in
 * one snapshot of the database. Read one by one, a departure committing between them made a
 * document with the person listed but on no team (people read before, memberships after).
 */
const loadCurrent = (db: Db, today: Day) =>
  db.transaction((tx) => readCurrent(tx, today), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });

/** Each row's `value` by its `key`: a dated line's value on the day its rows were read. */
const lineValues = (rows: Record<string, unknown>[], key: string, value: string) =>
  new Map(rows.map((row) => [row[key] as number, row[value] as number]));

const openOnOrAfter = (today: Day) => {
  const { status, openedOn, closedOn } = openRoleTable;
  return or(eq(status, 'OPEN'), and(gt(closedOn, today), gt(closedOn, openedOn)));
};

async function readCurrent(db: Db, today: Day) {
  // Memberships, ownerships and candidacies carry no date in the document, which states them
  // as of its import's day: only those in force today (one a person, AoR or seat by the
  // no-overlap constraints). One planned for later is not so today: stated, it would be.
  const inForceToday = <T extends PgTable & DatedColumns>(table: T) =>
    db
      .select()
      .from(table as PgTable)
      .where(inForceOn(table, today));
  // Every seat's whole history: a holder's `since` is the first day of their unbroken run,
  // which may lie in a row already ended (an acting holder since confirmed).
  const seatHistory = await db
    .select()
    .from(seatAssignmentTable)
    .orderBy(asc(seatAssignmentTable.startedOn));
  return {
    policies: await db.select().from(policyTable),
    people: await db.select().from(personTable),
    units: await db.select().from(unitTable),
    // The document states one holder a seat: the first in force from today on.
    seats: firstOfEach(
      seatHistory.filter((s) => inForceFrom(s, today)),
      (s) => [s.unitId, s.seat],
    ),
    seatHistory: groupBy(seatHistory, (s) => seatKey(s.unitId, s.seat)),
    members: (await inForceToday(membershipTable)) as MembershipRow[],
    aors: await db.select().from(aorTable),
    owners: (await inForceToday(aorOwnershipTable)) as AorOwnershipRow[],
    candidates: (await inForceToday(candidateTable)) as CandidateRow[],
    // Open today: a role filled or cancelled from a later day is still open (an OPEN entry);
    // one closed the day it opens never is.
    roles: await db.select().from(openRoleTable).where(openOnOrAfter(today)),
    // Managers, parents and AoRs' units as they stand today (a change recorded ahead is not
    // yet so).
    managers: lineValues(await inForceToday(reportingLineTable), 'personId', 'managerId'),
    parents: lineValues(await inForceToday(unitParentTable), 'unitId', 'parentId'),
    aorUnits: lineValues(await inForceToday(aorUnitTable), 'aorId', 'unitId'),
  };
}

/** The email or slug of an id, if it has one in the document. */
const idName = (names: Map<number, string>, id: number | undefined) =>
  id === undefined ? undefined : names.get(id);

/** Drops null and undefined fields, so the document only says what is set. */
function compact<T extends Record<string, unknown>>(entry: T): T {
  return Object.fromEntries(
    Object.entries(entry).filter(([, v]) => v !== null && v !== undefined),
  ) as T;
}

function exportPeople(people: PersonRow[], rows: Rows, names: Names) {
  return people.map((p) =>
    compact({
      email: p.email,
      name: p.name,
      title: p.title,
      level: p.level,
      // A manager who has left is not in the document; their reports show no manager.
      manager: idName(names.emails, rows.managers.get(p.id)),
      startedOn: p.startedOn,
      departedOn: p.departedOn,
    }),
  );
}

function exportUnits(units: UnitRow[], rows: Rows, names: Names) {
  const holders = new Map(rows.seats.map((s) => [seatKey(s.unitId, s.seat), s]));
  const holder = (unitId: number, seat: (typeof seatEnum.enumValues)[number]) => {
    const row = holders.get(seatKey(unitId, seat));
    const person = row && names.emails.get(row.personId);
    if (!person || !row) return undefined;
    // From the first day of their standing: a permanent holder made acting is acting from
    // then, not for their whole tenure (which an import into an empty org would record).
    const history = rows.seatHistory.get(seatKey(unitId, seat)) ?? [];
    const since = runStart(history, row, row.acting);
    return { person, since, acting: row.acting };
  };
  const members = new Map<number, string[]>();
  for (const m of rows.members) {
    const email = names.emails.get(m.personId);
    if (email) members.set(m.unitId, [...(members.get(m.unitId) ?? []), email]);
  }
  return units.map((u) =>
    compact({
      slug: u.slug,
      name: u.name,
      layer: u.layer,
      parent: idName(names.slugs, rows.parents.get(u.id)),
      charter: u.charter,
      engLead: holder(u.id, 'ENG_LEAD'),
      techLead: holder(u.id, 'TECH_LEAD'),
      members: members.get(u.id)?.sort(),
    }),
  );
}

function exportAors(rows: Rows, names: Names, today: Day) {
  const live = rows.aors
    .filter((a) => a.createdOn <= today && current(a.retiredOn, today))
    .sort(byKey((a) => a.slug));
  return live.flatMap((a) => {
    const unit = idName(names.slugs, rows.aorUnits.get(a.id));
    if (!unit) return [];
    const owners = rows.owners.filter((o) => o.aorId === a.id);
    const emailsOf = (role: string) =>
      owners.flatMap((o) => (o.role === role ? [names.emails.get(o.personId)] : []));
    const backups = emailsOf('BACKUP')
      .filter((e) => e !== undefined)
      .sort();
    const entry = {
      slug: a.slug,
      name: a.name,
      unit,
      description: a.description,
      criticality: a.criticality,
      owner: emailsOf('PRIMARY')[0],
      backups: backups.length > 0 ? backups : undefined,
    };
    return [compact(entry)];
  });
}

function exportSuccession(rows: Rows, names: Names) {
  const entries = rows.candidates.flatMap((c) => {
    const unit = names.slugs.get(c.unitId);
    const candidate = names.emails.get(c.personId);
    if (!unit || !candidate) return [];
    return [compact({ unit, seat: c.seat, candidate, readiness: c.readiness, notes: c.notes })];
  });
  return entries.sort(byKey((s) => `${s.unit}\u0000${s.seat}\u0000${s.candidate}`));
}

function exportOpenRoles(rows: Rows, names: Names) {
  const entries = rows.roles.flatMap((r) => {
    const unit = names.slugs.get(r.unitId);
    return unit ? [{ unit, seat: r.seat, status: 'OPEN' as const, openedOn: r.openedOn }] : [];
  });
  entries.sort(byKey((r) => `${r.unit}\u0000${r.seat}\u0000${r.openedOn}`));
  // A leadership seat has one role under way at a time, and its entry says which: the first.
  // A later one, opening once that is filled or cancelled, is a plan the format cannot say
  // (as it cannot say the filling): stated too, the import refused the pair as a duplicate.
  const leadership = new Set(
    firstOfEach(
      entries.filter((r) => r.seat !== 'ENGINEER'),
      (r) => [r.unit, r.seat],
    ),
  );
  return entries.filter((r) => r.seat === 'ENGINEER' || leadership.has(r));
}

/**
 * The org as it stands, in the import format: people who have not left (by email), live
 * units (by layer, then slug) with their current holders as `{ person, since, acting }`
 * (`since`: the first day of their unbroken run, as `heldSince`) and members, live AoRs with
 * their current owners, current candidates, and the roles open today (OPEN, though one may
 * close on a later day: the format cannot say when). Closed roles and ended rows are
 * history and stay out, like departed people, archived units and retired AoRs. Importing the
 * result into an empty database and exporting again gives the same document.
 */
export async function exportOrgDocument(db: Db, options: { today: Day }): Promise<OrgSections> {
  const { today } = options;
  const rows = await loadCurrent(db, today);
  const people = rows.people
    .filter((p) => isPresentOn(p, today))
    .sort(byKey((p) => p.email.toLowerCase()));
  const layerRank = (u: UnitRow) => layerEnum.enumValues.indexOf(u.layer);
  const units = rows.units
    .filter((u) => u.createdOn <= today && current(u.archivedOn, today))
    .sort((a, b) => layerRank(a) - layerRank(b) || byKey<UnitRow>((u) => u.slug)(a, b));
  const names: Names = {
    emails: new Map(people.map((p) => [p.id, p.email])),
    slugs: new Map(units.map((u) => [u.id, u.slug])),
  };
  const policy = policyDocument(rows.policies, today);
  return {
    ...(policy && { policy }),
    people: exportPeople(people, rows, names),
    units: exportUnits(units, rows, names),
    aors: exportAors(rows, names, today),
    succession: exportSuccession(rows, names),
    openRoles: exportOpenRoles(rows, names),
  };
}
