import { eq, isNull } from 'drizzle-orm';
import type { Day } from '../core/org/state.js';
import type { Db } from '../db/client.js';
import {
  aorOwnershipTable,
  aorTable,
  candidateTable,
  layerEnum,
  membershipTable,
  openRoleTable,
  type PersonRow,
  personTable,
  seatAssignmentTable,
  type seatEnum,
  type UnitRow,
  unitTable,
} from '../db/tables.js';
import type { OrgDocument } from './document.js';

type Rows = Awaited<ReturnType<typeof loadCurrent>>;
type Names = { emails: Map<number, string>; slugs: Map<number, string> };

/** Still in force on `today`: never ended, or ending later. */
const current = (endDay: Day | null, today: Day) => endDay === null || endDay > today;
const byKey =
  <T>(key: (row: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** The open-ended rows of every table: eight queries whatever the org's size. */
async function loadCurrent(db: Db) {
  return {
    people: await db.select().from(personTable),
    units: await db.select().from(unitTable),
    seats: await db.select().from(seatAssignmentTable).where(isNull(seatAssignmentTable.endedOn)),
    members: await db.select().from(membershipTable).where(isNull(membershipTable.endedOn)),
    aors: await db.select().from(aorTable),
    owners: await db.select().from(aorOwnershipTable).where(isNull(aorOwnershipTable.endedOn)),
    candidates: await db.select().from(candidateTable).where(isNull(candidateTable.endedOn)),
    roles: await db.select().from(openRoleTable).where(eq(openRoleTable.status, 'OPEN')),
  };
}

/** Drops null and undefined fields, so the document only says what is set. */
function compact<T extends Record<string, unknown>>(entry: T): T {
  return Object.fromEntries(
    Object.entries(entry).filter(([, v]) => v !== null && v !== undefined),
  ) as T;
}

function exportPeople(people: PersonRow[], names: Names) {
  return people.map((p) =>
    compact({
      email: p.email,
      name: p.name,
      title: p.title,
      level: p.level,
      // A manager who has left is not in the document; their reports show no manager.
      manager: p.managerId === null ? undefined : names.emails.get(p.managerId),
      startedOn: p.startedOn,
    }),
  );
}

function exportUnits(units: UnitRow[], rows: Rows, names: Names) {
  const holders = new Map(rows.seats.map((s) => [`${s.unitId}:${s.seat}`, s]));
  const holder = (unitId: number, seat: (typeof seatEnum.enumValues)[number]) => {
    const row = holders.get(`${unitId}:${seat}`);
    const person = row && names.emails.get(row.personId);
    return person && row ? { person, since: row.startedOn, acting: row.acting } : undefined;
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
      parent: u.parentId === null ? undefined : names.slugs.get(u.parentId),
      charter: u.charter,
      engLead: holder(u.id, 'ENG_LEAD'),
      techLead: holder(u.id, 'TECH_LEAD'),
      members: members.get(u.id)?.sort(),
    }),
  );
}

function exportAors(rows: Rows, names: Names, today: Day) {
  const live = rows.aors.filter((a) => current(a.retiredOn, today)).sort(byKey((a) => a.slug));
  return live.flatMap((a) => {
    const unit = names.slugs.get(a.unitId);
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
    return unit ? [{ unit, seat: r.seat, status: r.status, openedOn: r.openedOn }] : [];
  });
  return entries.sort(byKey((r) => `${r.unit}\u0000${r.seat}\u0000${r.openedOn}`));
}

/**
 * The org as it stands, in the import format: people who have not left (by email), live
 * units (by layer, then slug) with their current holders as `{ person, since, acting }` and
 * members, live AoRs with their current owners, current candidates, and OPEN roles. Closed
 * roles and ended rows are history and stay out, like departed people, archived units and
 * retired AoRs. Importing the result into an empty database and exporting again gives the
 * same document.
 */
export async function exportOrgDocument(
  db: Db,
  options: { today: Day },
): Promise<Required<OrgDocument>> {
  const { today } = options;
  const rows = await loadCurrent(db);
  const people = rows.people
    .filter((p) => !p.departedOn || p.departedOn > today)
    .sort(byKey((p) => p.email.toLowerCase()));
  const layerRank = (u: UnitRow) => layerEnum.enumValues.indexOf(u.layer);
  const units = rows.units
    .filter((u) => current(u.archivedOn, today))
    .sort((a, b) => layerRank(a) - layerRank(b) || byKey<UnitRow>((u) => u.slug)(a, b));
  const names: Names = {
    emails: new Map(people.map((p) => [p.id, p.email])),
    slugs: new Map(units.map((u) => [u.id, u.slug])),
  };
  return {
    people: exportPeople(people, names),
    units: exportUnits(units, rows, names),
    aors: exportAors(rows, names, today),
    succession: exportSuccession(rows, names),
    openRoles: exportOpenRoles(rows, names),
  };
}
