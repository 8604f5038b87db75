import { saveAor } from '../aors/save.js';
import { setTeam } from '../people/team-writes.js';
import { setPolicy } from '../policy/writes.js';
import { statedRoles } from '../roles/stated.js';
import { saveRole } from '../roles/writes.js';
import { assignSeat } from '../seats/writes.js';
import { saveCandidate } from '../succession/writes.js';
import { moveUnit, saveUnit } from '../units/writes.js';
import type { Draft } from '../writes/draft.js';
import { under } from '../writes/errors.js';
import {
  requireKnownPerson,
  requireKnownUnit,
  requirePerson,
  requireUnit,
} from '../writes/lookup.js';
import type { Problems } from '../writes/problems.js';
import {
  holdingFrom,
  holdsSeat,
  isArchivedLaterAsIs,
  isCandidate,
  isMemberOf,
  isRetiredLaterAsIs,
  keepOwnersIfSo,
  ownersToChange,
  parentOf,
} from './already-so.js';
import {
  applyDepartures,
  departuresToCome,
  placeManagers,
  refuseAfterLeaving,
  savePeople,
} from './apply-people.js';
import { type Applying, attempt, placing } from './applying.js';
import { backdateCreated } from './backdate.js';
import { holderPersonPath, SEAT_FIELDS } from './document.js';
import type { Repeats } from './document-rules.js';
import { invalidKeys, type Reference, referencesOf } from './references.js';
import type { ParsedDocument } from './shape.js';

/**
 * Applies a parsed document to a draft through the same write rules as the mutations, in
 * dependency order, collecting every problem with its document path. Two passes where a
 * document may refer forward: people then their managers, units then their parents.
 */
export function applyDocument(
  w: Draft,
  doc: ParsedDocument,
  problems: Problems,
  repeats: Repeats,
): void {
  const leaving = departuresToCome(doc, w.today);
  const a: Applying = { w, doc, problems, repeats, invalid: invalidKeys(doc), leaving };
  const saved = savePeople(a);
  // A departure on or before the import's day first: the person is gone, so the document
  // cannot give them a seat, a team, an AoR or reports today — refused now as a re-import
  // would be.
  applyDepartures(a, (on) => on <= w.today);
  placeManagers(a, saved);
  const units = applyUnits(a);
  applySeatsAndMembers(a, units);
  applyAors(a);
  applySuccession(a);
  applyRoles(a);
  const { policy } = doc;
  if (policy) attempt(a, under('policy'), () => setPolicy(w, policy, { stated: true }));
  applyDepartures(a, (on) => on > w.today);
  checkReferences(a);
  backdateCreated(w);
}

/** Each entry its own role: two identical ENGINEER entries are two roles. */
function applyRoles(a: Applying) {
  const entries = a.doc.openRoles.filter(
    ({ index, value }) => !a.repeats.has(`openRoles[${index}]`) && !a.invalid.units.has(value.unit),
  );
  const stated = statedRoles(a.w, entries);
  const taken = new Set([...stated.values()].map((role) => role.id));
  for (const { index, value } of entries) {
    if (stated.has(index)) a.w.keep('openRoles');
    else {
      attempt(a, under(`openRoles[${index}]`), () => {
        const { openRole } = saveRole(a.w, value, taken);
        if (openRole) taken.add(openRole.id);
      });
    }
  }
}

/** Saves the units, then places them under their parents; returns the saved ones. */
function applyUnits(a: Applying) {
  // Archived from a later day and stated as it is: nothing to write (its seats and members
  // are checked after, as any unit's).
  const asIs = new Set<string>();
  const saved = a.doc.units.filter(({ index, value }) => {
    const at = `units[${index}]`;
    if (a.repeats.has(at)) return false;
    if (isArchivedLaterAsIs(a.w, value)) {
      asIs.add(value.slug);
      return true;
    }
    return attempt(a, under(at), () => saveUnit(a.w, value));
  });
  for (const { index, value } of saved) {
    if (value.parent && a.invalid.units.has(value.parent)) continue;
    if (asIs.has(value.slug)) continue;
    const parent = value.parent ?? null;
    if (parent !== null && parentOf(a.w, value.slug) === parent) continue;
    // The date refused is the import's: the document's field is the parent it states.
    const at = `units[${index}]`;
    const place = placing(at, { on: `${at}.parent` });
    attempt(a, place, () => moveUnit(a.w, { slug: value.slug, parent }));
  }
  return saved;
}

function applySeatsAndMembers(a: Applying, units: ParsedDocument['units']): void {
  for (const { index, value: unit } of units) {
    const at = `units[${index}]`;
    for (const [seat, field] of SEAT_FIELDS) {
      const holder = unit[field];
      if (!holder || a.invalid.emails.has(holder.person)) continue;
      if (holdsSeat(a.w, unit.slug, seat, holder)) {
        a.w.keep('seatAssignments');
        continue;
      }
      // A day refused is the document's `since` when it gave one, else the holder's entry.
      const day = holder.since ? `${at}.${field}.since` : `${at}.${field}`;
      const person = holderPersonPath(`${at}.${field}`, holder);
      // A unit refused (archived from a later day) is told at the field that names a holder.
      const place = placing(at, { person, startedOn: day, unit: `${at}.${field}` });
      const startedOn = holdingFrom(a.w, unit.slug, seat, holder);
      attempt(a, place, () => {
        refuseAfterLeaving(a, holder.person, startedOn ?? a.w.today);
        const { acting } = holder;
        assignSeat(a.w, { unit: unit.slug, seat, person: holder.person, startedOn, acting });
      });
    }
    for (const [k, email] of (unit.members ?? []).entries()) {
      const member = `${at}.members[${k}]`;
      if (a.repeats.has(member) || a.invalid.emails.has(email)) continue;
      if (isMemberOf(a.w, email, unit.slug)) {
        a.w.keep('memberships');
        continue;
      }
      const place = placing(at, { email: member, team: `${at}.members`, on: member });
      const team = { email, team: unit.slug, on: a.w.today };
      const joined = attempt(a, place, () => setTeam(a.w, team));
      // A problem with the team itself (not a TEAM) is said once, not once per member.
      if (!joined && a.problems.list.at(-1)?.path === `${at}.members`) break;
    }
  }
}

function applyAors(a: Applying): void {
  for (const { index, value } of a.doc.aors) {
    const at = `aors[${index}]`;
    const people = [value.owner, ...(value.backups ?? [])].filter(Boolean) as string[];
    const refersToInvalid =
      a.invalid.units.has(value.unit) || people.some((email) => a.invalid.emails.has(email));
    if (a.repeats.has(at) || refersToInvalid) continue;
    if (isRetiredLaterAsIs(a.w, value)) {
      keepOwnersIfSo(a.w, value);
      continue;
    }
    attempt(a, under(at), () => saveAor(a.w, ownersToChange(a.w, value)));
  }
}

function applySuccession(a: Applying): void {
  for (const { index, value } of a.doc.succession) {
    const at = `succession[${index}]`;
    const refersToInvalid =
      a.invalid.units.has(value.unit) || a.invalid.emails.has(value.candidate);
    if (a.repeats.has(at) || refersToInvalid) continue;
    if (isCandidate(a.w, value)) {
      a.w.keep('candidates');
      continue;
    }
    const place = placing(at, { person: `${at}.candidate`, on: at });
    attempt(a, place, () => saveCandidate(a.w, { ...value, person: value.candidate }));
  }
}

/**
 * References the write rules did not reach: an invalid entry's, checked as the rules would
 * check them, and those of an entry whose write stopped at its first problem (an unknown
 * unit hides an unknown candidate), checked for being known at all, so that every problem
 * of the document is listed. Keys the document declares are told at their own entries.
 */
function checkReferences(a: Applying): void {
  const told = new Set(a.problems.list.map((p) => p.path));
  const stopped = new Set([...told].map(entryOf));
  const declared = (ref: Reference) =>
    (ref.kind === 'person' ? a.doc.declared.emails : a.doc.declared.units).has(ref.key);
  const check = (ref: Reference, knownOnly: boolean) =>
    attempt(
      a,
      () => ref.path,
      () => {
        if (ref.kind === 'unit') {
          return (knownOnly ? requireKnownUnit : requireUnit)(a.w, ref.key, ref.path);
        }
        return knownOnly
          ? requireKnownPerson(a.w, ref.key, ref.path)
          : requirePerson(a.w, ref.key, ref.path, a.w.today);
      },
    );
  for (const ref of referencesOf(a.doc.partial)) if (!declared(ref)) check(ref, false);
  for (const ref of referencesOf(a.doc)) {
    if (!declared(ref) && !told.has(ref.path) && stopped.has(entryOf(ref.path))) check(ref, true);
  }
}

/** The entry a path is in: `succession[3]` of `succession[3].candidate`. */
const entryOf = (path: string | null) => /^\w+\[\d+\]/.exec(path ?? '')?.[0];
