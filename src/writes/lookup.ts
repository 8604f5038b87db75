import { isPresentOn } from '../core/org/as-of.js';
import { inForceOn } from '../core/org/in-force.js';
import { aorUnitFrom } from '../core/org/lines.js';
import type { Day } from '../core/org/state.js';
import type { AorRow, PersonRow, UnitRow } from '../db/tables.js';
import { type DatedRow, inForceFrom, requireCreatedBy, runsToTheirEnd } from './dated.js';
import type { Draft } from './draft.js';
import { UserInputError } from './errors.js';

/**
 * The references every write rule resolves, each with one message whatever the entry
 * point (mutation, import, scenario): `path` is the field of the rule's input.
 */

/** Whether a person's dated row is their current one (`runsToTheirEnd`, their departure read here). */
export const isCurrentIn =
  (w: Draft) =>
  (row: DatedRow & { personId: number }): boolean =>
    runsToTheirEnd(row, w.people.get(row.personId)?.departedOn ?? null, w.today);

/**
 * The row a write dated `on` finds in force that day: a holding whose end is recorded for a
 * later day (a vacate, a leave planned) still holds until then — `isCurrentIn` sees only the
 * open-ended ones, the latest planned.
 */
export const heldOn =
  (on: Day) =>
  (row: DatedRow): boolean =>
    inForceOn(row, on);

/**
 * A write stating again, from `on` on, the row in force then (`same`: the same holder, the
 * same team) is refused (VALIDATION at `path`) while that row's end is recorded for a later
 * day (a vacate, a leave planned): it would undo that later change, which a change from an
 * earlier day must not do. (Another holder or team from `on` replaces it, as ever.)
 */
export function refuseBeforePlannedEnd<R extends DatedRow & { personId: number }>(
  w: Draft,
  rows: readonly R[],
  on: Day,
  path: string,
  same: (row: R) => boolean,
): void {
  const planned = rows.find((row) => same(row) && heldOn(on)(row) && !isCurrentIn(w)(row));
  if (!planned?.endedOn) return;
  const message = `an end is recorded for ${planned.endedOn} (its last day); a change from ${on} must not come before it`;
  throw UserInputError.of(path, message, 'VALIDATION');
}

/** Whether some row is in force on `on` or on a later day: what ending from `on` ends. */
export const heldFrom = (on: Day, rows: readonly DatedRow[]): boolean =>
  rows.some((row) => inForceFrom(row, on));

/** The unit with this slug, archived or not, or a NOT_FOUND at `path`. */
export function requireKnownUnit(w: Draft, slug: string, path: string): UnitRow {
  const unit = w.units.find('slug', slug);
  if (!unit) throw UserInputError.of(path, `unknown unit "${slug}"`, 'NOT_FOUND');
  return unit;
}

/** The unit with this slug, not archived, or a userError at `path`. */
export function requireUnit(w: Draft, slug: string, path: string): UnitRow {
  return activeUnit(requireKnownUnit(w, slug, path), slug, path);
}

/**
 * The unit with this slug, not archived, for a write dated `on` on its seats, members,
 * candidacies or roles: refused at `datePath` before its creation day.
 */
export function requireUnitOn(
  w: Draft,
  slug: string,
  path: string,
  on: Day,
  datePath: string,
): UnitRow {
  const unit = requireUnit(w, slug, path);
  requireUnitFrom(unit, on, datePath);
  return unit;
}

/**
 * A unit's history starts on its creation, as an AoR's does: nothing of it is dated before
 * (VALIDATION at `path`, naming its first day). Imported units were there before anything
 * recorded, so only units made with `createUnit` refuse anything.
 */
export const requireUnitFrom = (unit: UnitRow, on: Day, path: string): void =>
  requireCreatedBy(`unit "${unit.slug}"`, unit, on, path);

/** `unit`, found by `slug` wherever it was looked up, if it exists and is not archived. */
export function activeUnit(unit: UnitRow | undefined, slug: string, path: string): UnitRow {
  if (!unit) throw UserInputError.of(path, `unknown unit "${slug}"`, 'NOT_FOUND');
  if (unit.archivedOn) {
    // Said of a day to come too: a unit whose archiving is planned takes no more writes.
    const message = `unit "${slug}" is archived from ${unit.archivedOn}`;
    throw UserInputError.of(path, message, 'CONFLICT');
  }
  return unit;
}

/** The person with this email (any case), departed or not, if any. */
export const findPerson = (w: Draft, email: string): PersonRow | undefined =>
  w.people.find('email', email.toLowerCase());

/** The person with this email (any case), departed or not, or a NOT_FOUND at `path`. */
export function requireKnownPerson(w: Draft, email: string, path: string): PersonRow {
  const person = findPerson(w, email);
  if (!person) throw UserInputError.of(path, `unknown person "${email}"`, 'NOT_FOUND');
  return person;
}

/** Whether a person has left by `day` (their departure day is their first day gone). */
const hasLeft = (person: PersonRow, day: Day) => !isPresentOn(person, day);

/** The person with this email (any case), still present on `day`, or a userError at `path`. */
export function requirePerson(w: Draft, email: string, path: string, day: Day): PersonRow {
  const person = requireKnownPerson(w, email, path);
  if (hasLeft(person, day)) {
    const message = `person "${person.email}" departed on ${person.departedOn}`;
    throw UserInputError.of(path, message, 'CONFLICT');
  }
  return person;
}

/** The id of the unit an AoR sits in on `day`, by its units' history (`aorUnitFrom`). */
export const aorUnitOn = (w: Draft, aor: AorRow, day: Day): number =>
  aorUnitFrom(w.aorUnits.where('aor', aor.id), aor, day);

/** The AoR with this slug, not retired, or a userError at `path`. */
export function requireAor(w: Draft, slug: string, path: string): AorRow {
  const aor = w.aors.find('slug', slug);
  if (!aor) throw UserInputError.of(path, `unknown AoR "${slug}"`, 'NOT_FOUND');
  if (aor.retiredOn) {
    // Said of a day to come too, as a unit's archive: a retirement planned takes no more writes.
    throw UserInputError.of(path, `AoR "${slug}" is retired from ${aor.retiredOn}`, 'CONFLICT');
  }
  return aor;
}

const article = (word: string) => (/^[AEIOU]/.test(word) ? 'an' : 'a');

/** `a TEAM`, `an AREA`: how messages name a layer. */
export const aLayer = (layer: string) => `${article(layer)} ${layer}`;

/** `unit` when it is a Team (only a Team has members and engineers), else INVALID_HIERARCHY at `path`. */
export function requireTeamUnit(unit: UnitRow, path: string, what: string): UnitRow {
  if (unit.layer === 'TEAM') return unit;
  const message = `only a TEAM has ${what}; "${unit.slug}" is ${aLayer(unit.layer)}`;
  throw UserInputError.of(path, message, 'INVALID_HIERARCHY');
}
