import { laterDay } from '../core/org/days.js';
import { inForceOn, latestInForce } from '../core/org/in-force.js';
import { runStart } from '../core/org/seats-on.js';
import type { Day } from '../core/org/state.js';
import type { PersonRow, Seat } from '../db/tables.js';
import { managerOn } from '../people/writes.js';
import { seatRows } from '../seats/writes.js';
import type { Draft } from '../writes/draft.js';
import { aorUnitOn, findPerson } from '../writes/lookup.js';
import type { AorEntry, SuccessionEntry, UnitEntry } from './document.js';

/**
 * A document states how the org stands on the import's day. What it states that is already
 * so on that day is unchanged, whatever is recorded for a later day (a new holder or owner,
 * a move, a removal planned ahead), so an export imported again changes nothing. The write
 * rules place a change from a day on: given such an entry they would refuse it as coming
 * before the plan, or, where the plan ends it, write it again.
 */

/**
 * Holds the seat from `since` (default the import's day) through the import's day, in one
 * unbroken run (`runStart`, as `heldSince` reads it): an acting holder confirmed from a day
 * still holds the seat from the `since` of before. An entry whose `since` is later than the
 * import's day is a plan, and speaks of that day: it is so when the person holds the seat
 * then, whatever is planned after (another holder, a vacate), as a holder of today is so
 * whatever is planned for them — an export of such a seat imports again unchanged.
 */
export function holdsSeat(
  w: Draft,
  unitSlug: string,
  seat: Seat,
  holder: { person: string; since?: Day; acting?: boolean },
): boolean {
  const unit = w.units.find('slug', unitSlug);
  const person = findPerson(w, holder.person);
  if (!unit || !person) return false;
  const since = holder.since ?? w.today;
  const on = laterDay(since, w.today);
  const rows = seatRows(w, unit.id, seat);
  return rows.some(
    (row) =>
      row.personId === person.id &&
      inForceOn(row, on) &&
      runStart(rows, row) <= since &&
      (holder.acting === undefined || row.acting === holder.acting),
  );
}

/**
 * The first day of the holding an entry states: its `since`, except when the person holds the
 * seat from then through the import's day and only `acting` differs. Then it is the import's
 * day, as without `since`: `since` says since when they hold the seat, which is already so,
 * and a change to the flag is recorded from the import's day, never over their past.
 */
export function holdingFrom(
  w: Draft,
  unitSlug: string,
  seat: Seat,
  holder: { person: string; since?: Day },
): Day | undefined {
  const { person, since } = holder;
  if (since === undefined || since > w.today) return since;
  return holdsSeat(w, unitSlug, seat, { person, since }) ? w.today : since;
}

/** A member of the team on the import's day. */
export function isMemberOf(w: Draft, email: string, teamSlug: string): boolean {
  const team = w.units.find('slug', teamSlug);
  const person = findPerson(w, email);
  if (!team || !person) return false;
  return w.memberships
    .where('person', person.id)
    .some((row) => row.unitId === team.id && inForceOn(row, w.today));
}

/** The email of the person's manager on the import's day (null: none). */
export function managerOf(w: Draft, person: PersonRow): string | null {
  const managerId = managerOn(w, person.id, w.today);
  return managerId === null ? null : (w.people.get(managerId)?.email ?? null);
}

/** The slug of the unit's parent on the import's day (null: none). */
export function parentOf(w: Draft, unitSlug: string): string | null {
  const unit = w.units.find('slug', unitSlug);
  const line = unit && latestInForce(w.unitParents.where('unit', unit.id), w.today);
  return line ? (w.units.get(line.parentId)?.slug ?? null) : null;
}

/** Whether everything the entry says of the AoR's owner and backups is so on the import's day. */
function ownersAlreadySo(w: Draft, entry: AorEntry): boolean {
  const aor = w.aors.find('slug', entry.slug);
  if (!aor) return false;
  const rows = w.aorOwnerships.where('aor', aor.id).filter((row) => inForceOn(row, w.today));
  const owns = (email: string, role: 'PRIMARY' | 'BACKUP') =>
    rows.some((row) => row.role === role && row.personId === findPerson(w, email)?.id);
  return (
    (!entry.owner || owns(entry.owner, 'PRIMARY')) &&
    (entry.backups ?? []).every((email) => owns(email, 'BACKUP'))
  );
}

/**
 * The AoR entry for the write rules: without its owner and backups when all of them are so
 * on the import's day (each counted unchanged); else whole, so the rules check it as written
 * (an owner listed as a backup too, a refused backup at its own index).
 */
export function ownersToChange(w: Draft, entry: AorEntry): AorEntry {
  if (!keepOwnersIfSo(w, entry)) return entry;
  return { ...entry, owner: undefined, backups: undefined };
}

/** Counts the entry's owner and backups unchanged when all of them are so; whether they were. */
export function keepOwnersIfSo(w: Draft, entry: AorEntry): boolean {
  const stated = (entry.owner ? 1 : 0) + (entry.backups?.length ?? 0);
  if (stated === 0 || !ownersAlreadySo(w, entry)) return false;
  for (let i = 0; i < stated; i++) w.keep('aorOwnerships');
  return true;
}

/**
 * An AoR whose retirement is recorded for a later day, stated as it is (its fields and its
 * owners today): the write rules refuse any write to a retired AoR, a planned retirement
 * included, so the entry of an export is left as it is rather than refused.
 */
export function isRetiredLaterAsIs(w: Draft, entry: AorEntry): boolean {
  const aor = w.aors.find('slug', entry.slug);
  if (!aor?.retiredOn || aor.retiredOn <= w.today) return false;
  return (
    aor.name === entry.name &&
    w.units.get(aorUnitOn(w, aor, w.today))?.slug === entry.unit &&
    (entry.description === undefined || aor.description === entry.description) &&
    (entry.criticality === undefined || aor.criticality === entry.criticality) &&
    ownersAlreadySo(w, entry)
  );
}

/** A candidate for the seat on the import's day, with the entry's readiness (and notes). */
export function isCandidate(w: Draft, entry: SuccessionEntry): boolean {
  const unit = w.units.find('slug', entry.unit);
  const person = findPerson(w, entry.candidate);
  if (!unit || !person) return false;
  return w.candidates
    .where('person', person.id)
    .some(
      (row) =>
        row.unitId === unit.id &&
        row.seat === entry.seat &&
        inForceOn(row, w.today) &&
        row.readiness === entry.readiness &&
        (entry.notes === undefined || row.notes === (entry.notes ?? null)),
    );
}

/**
 * A unit whose archiving is recorded for a later day, stated as it is (name, layer, charter
 * and today's parent): the write rules refuse any write to an archived unit, a planned
 * archive included, so the entry of an export is left as it is rather than refused. Its
 * seats and members are checked as any unit's (a holder until the archive day is so today).
 */
export function isArchivedLaterAsIs(w: Draft, entry: UnitEntry): boolean {
  const unit = w.units.find('slug', entry.slug);
  if (!unit?.archivedOn || unit.archivedOn <= w.today) return false;
  return (
    unit.name === entry.name &&
    unit.layer === entry.layer &&
    (entry.charter === undefined || unit.charter === entry.charter) &&
    (entry.parent === undefined || parentOf(w, entry.slug) === (entry.parent ?? null))
  );
}
