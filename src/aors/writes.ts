import type { Day } from '../core/org/state.js';
import type { AorOwnershipRow, AorRow, Criticality, PersonRow, UnitRow } from '../db/tables.js';
import {
  endRows,
  lastDayOf,
  openRow,
  refuseErasingFrom,
  requireCreatedBy,
} from '../writes/dated.js';
import type { Draft } from '../writes/draft.js';
import { Checks, UserInputError } from '../writes/errors.js';
import { changeLine } from '../writes/lines.js';
import {
  aorUnitOn,
  heldFrom,
  heldOn,
  isCurrentIn,
  refuseBeforePlannedEnd,
  requireAor,
  requireKnownPerson,
  requirePerson,
  requireUnit,
  requireUnitOn,
} from '../writes/lookup.js';
import { requireOwners } from './owners.js';

export interface AorFields {
  name: string;
  /** Left out: kept; null: cleared. */
  description?: string | null;
  /** Left out: kept (MEDIUM for a new AoR). */
  criticality?: Criticality | null;
}

export interface CreateAorInput extends AorFields {
  slug: string;
  unit: string;
  owner?: string | null;
  backups?: string[] | null;
}

export interface UpdateAorInput extends Partial<AorFields> {
  slug: string;
}

export interface MoveAorInput {
  slug: string;
  unit: string;
  on?: Day | null;
}

export interface OwnerInput {
  aor: string;
  /** null: the AoR is left unowned (setAorOwner only). */
  person: string | null;
  on?: Day | null;
}

export interface AorChange {
  aor: AorRow | null;
}

export interface OwnerChange extends AorChange {
  previousOwner: PersonRow | null;
}

export interface RetireChange extends AorChange {
  endedOwners: PersonRow[];
}

export const ownershipsOf = (w: Draft, aor: AorRow) => w.aorOwnerships.where('aor', aor.id);

/** The AoR named `slug`, for a change from `on`: its history starts on its creation. */
function requireAorOn(w: Draft, slug: string, path: string, on: Day): AorRow {
  const aor = requireAor(w, slug, path);
  requireCreatedBy(`AoR "${aor.slug}"`, aor, on, 'on');
  return aor;
}

/** Opens an ownership on one of the AoR's histories (its primary, or one person's rows). */
function own(
  w: Draft,
  aor: AorRow,
  person: PersonRow,
  role: AorOwnershipRow['role'],
  history: AorOwnershipRow[],
  on: Day,
  alsoEnding?: { rows: AorOwnershipRow[]; what: string },
): AorOwnershipRow {
  const values = { aorId: aor.id, personId: person.id, role, startedOn: on };
  return openRow(
    w.aorOwnerships,
    history,
    { ...values, endedOn: lastDayOf(person.departedOn, on) },
    {
      path: 'on',
      today: w.recordedUntil,
      laterRow: (later) =>
        `${w.people.get(later.personId)?.email} ${later.role === 'PRIMARY' ? 'owns' : 'is a backup of'} ${aor.slug} from ${later.startedOn}; a change from ${on} must not come before that`,
      alsoEnding,
      movesBack: (later) => later.personId === person.id && later.role === role,
    },
  ).row;
}

/** Creates an AoR in a unit, with its primary owner and backups from the write's day. */
export function createAor(w: Draft, input: CreateAorInput): AorChange {
  if (w.aors.find('slug', input.slug)) {
    throw UserInputError.of('slug', `an AoR "${input.slug}" already exists`, 'CONFLICT');
  }
  const checks = new Checks();
  const unit = checks.run(() => requireUnit(w, input.unit, 'unit'));
  const { owner, backups } = requireOwners(w, input, checks);
  checks.done();
  const aor = w.aors.insert({
    slug: input.slug,
    name: input.name,
    description: input.description ?? null,
    criticality: input.criticality ?? 'MEDIUM',
    unitId: (unit as UnitRow).id,
    createdOn: w.today,
    retiredOn: null,
  });
  w.aorUnits.insert({ aorId: aor.id, unitId: aor.unitId, startedOn: w.today, endedOn: null });
  if (owner) own(w, aor, owner, 'PRIMARY', [], w.today);
  for (const backup of backups) own(w, aor, backup, 'BACKUP', [], w.today);
  return { aor };
}

const keep = <T>(given: T | undefined, stored: T) => (given === undefined ? stored : given);

export function updateAor(w: Draft, input: UpdateAorInput): AorChange {
  const aor = requireAor(w, input.slug, 'slug');
  const next = w.aors.update(aor, {
    name: input.name ?? aor.name,
    description: keep(input.description, aor.description),
    criticality: input.criticality ?? aor.criticality,
  });
  if (next === aor) w.keep('aors');
  return { aor: next };
}

/**
 * Hands an AoR to another unit from `on` (default today), recorded in its units' history, so
 * earlier days keep the unit it had then; its owners stay. Both must exist that day; the
 * AoR's `unitId` follows the latest.
 */
export function moveAor(w: Draft, input: MoveAorInput): AorChange {
  const on = input.on ?? w.today;
  const aor = requireAorOn(w, input.slug, 'slug', on);
  const unit = requireUnitOn(w, input.unit, 'unit', on, 'on');
  changeLine({
    table: w.aorUnits,
    rows: w.aorUnits.where('aor', aor.id),
    on,
    values: { aorId: aor.id, unitId: unit.id },
    holds: (row) => row.unitId === unit.id,
    recorded: (row) => `a move to "${w.units.get(row.unitId)?.slug}"`,
    path: 'on',
    today: w.recordedUntil,
  });
  return { aor: w.aors.update(aor, { unitId: unit.id }) };
}

/**
 * Makes a person an AoR's primary owner from `on`; the primary owner in force then ends the
 * day before, and so does the new owner's backup role. `person: null` leaves it unowned.
 */
export function setAorOwner(w: Draft, input: OwnerInput): OwnerChange {
  const on = input.on ?? w.today;
  const aor = requireAorOn(w, input.aor, 'aor', on);
  const person = input.person ? requirePerson(w, input.person, 'person', on) : null;
  const rows = ownershipsOf(w, aor);
  const primaries = rows.filter((row) => row.role === 'PRIMARY');
  const current = primaries.find(isCurrentIn(w)) ?? null;
  // Already so only from the owner's start (`own` refuses a change before a planned owner,
  // naming it); no owner: none in force from `on` on (a run ended by today is still ended).
  const planned = current !== null && current.startedOn > on;
  if (person ? current?.personId === person.id && !planned : !heldFrom(on, primaries)) {
    w.keep('aorOwnerships');
    return { aor, previousOwner: null };
  }
  // The owner on `on`, their end planned later or not.
  const held = primaries.find(heldOn(on)) ?? current;
  if (person) {
    refuseBeforePlannedEnd(w, primaries, on, 'on', (r) => r.personId === person.id);
    const asBackup = rows.filter((row) => row.role === 'BACKUP' && row.personId === person.id);
    // The checks come first, so a refused change ends nothing: a backup run begun on a past
    // day is not erased by their owning from its first day.
    own(w, aor, person, 'PRIMARY', primaries, on, {
      rows: asBackup,
      what: `${person.email} as a backup of ${aor.slug}`,
    });
    endRows(w.aorOwnerships, asBackup, on);
  } else endRows(w.aorOwnerships, primaries, on, { today: w.recordedUntil, path: 'on' });
  const previousOwner = held ? (w.people.get(held.personId) ?? null) : null;
  return { aor, previousOwner };
}

/** Adds a backup owner from `on`; the primary owner or a current backup: CONFLICT. */
export function addAorBackup(w: Draft, input: OwnerInput & { person: string }): AorChange {
  const on = input.on ?? w.today;
  const aor = requireAorOn(w, input.aor, 'aor', on);
  const person = requirePerson(w, input.person, 'person', on);
  const mine = ownershipsOf(w, aor).filter((row) => row.personId === person.id);
  // Theirs on `on`, an end planned later or not; one planned to start later is not so yet:
  // `own` refuses a change before it, naming it.
  const open = mine.find(heldOn(on));
  if (open) {
    const as = open.role === 'PRIMARY' ? 'the primary owner' : 'already a backup owner';
    throw UserInputError.of('person', `${person.email} is ${as} of ${aor.slug}`, 'CONFLICT');
  }
  own(w, aor, person, 'BACKUP', mine, on);
  return { aor };
}

/** Ends a backup ownership from `on` (kept as history). */
export function removeAorBackup(w: Draft, input: OwnerInput & { person: string }): AorChange {
  const on = input.on ?? w.today;
  const aor = requireAorOn(w, input.aor, 'aor', on);
  const person = requireKnownPerson(w, input.person, 'person');
  const backups = ownershipsOf(w, aor).filter(
    (row) => row.role === 'BACKUP' && row.personId === person.id,
  );
  if (!heldFrom(on, backups)) {
    const message = `${person.email} is not a backup owner of ${aor.slug}`;
    throw UserInputError.of('person', message, 'NOT_FOUND');
  }
  endRows(w.aorOwnerships, backups, on, { today: w.recordedUntil, path: 'on' });
  return { aor };
}

/**
 * Retires an AoR from `on`, ending its ownerships the day before and withdrawing a move
 * planned from then on: it keeps the unit it had last. Nothing is deleted.
 */
export function retireAor(w: Draft, input: { slug: string; on?: Day | null }): RetireChange {
  const on = input.on ?? w.today;
  const aor = requireAorOn(w, input.slug, 'slug', on);
  refuseErasingFrom(aor.createdOn, on, w.recordedUntil, 'on');
  const ended = endRows(w.aorOwnerships, ownershipsOf(w, aor), on, {
    today: w.recordedUntil,
    path: 'on',
  });
  const endedOwners = ended.flatMap((row) => w.people.get(row.personId) ?? []);
  const planned = w.aorUnits.where('aor', aor.id).filter((row) => row.startedOn >= on);
  endRows(w.aorUnits, planned, on, { today: w.recordedUntil, path: 'on' });
  const retired = w.aors.update(aor, { retiredOn: on });
  return { aor: w.aors.update(retired, { unitId: aorUnitOn(w, retired, on) }), endedOwners };
}
