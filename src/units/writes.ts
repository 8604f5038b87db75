import { addDays, ORG_DAYS } from '../core/org/days.js';
import type { Day } from '../core/org/state.js';
import type { CandidateRow, Layer, UnitParentRow, UnitRow } from '../db/tables.js';
import { endRows, everInForce, refuseErasingFrom } from '../writes/dated.js';
import type { Draft } from '../writes/draft.js';
import { UserInputError } from '../writes/errors.js';
import { changeLine } from '../writes/lines.js';
import { aLayer, requireUnit, requireUnitFrom, requireUnitOn } from '../writes/lookup.js';
import { archiveBlockers } from './archive-blockers.js';

export interface CreateUnitInput {
  slug: string;
  name: string;
  layer: Layer;
  parent?: string | null;
  charter?: string | null;
}

export interface UpdateUnitInput {
  slug: string;
  name?: string;
  /** Left out: kept; null: cleared. */
  charter?: string | null;
}

export interface MoveUnitInput {
  slug: string;
  parent: string | null;
  /** The first day under the new parent (default today). */
  on?: Day | null;
}

export interface ArchiveUnitInput {
  slug: string;
  on?: Day | null;
}

export interface UnitChange {
  unit: UnitRow | null;
}

export interface ArchiveChange extends UnitChange {
  endedCandidacies: CandidateRow[];
}

/** A Team's parent is an Area, an Area's a Pillar; a Pillar has none (SPEC §1). */
const PARENT_LAYER: Record<Layer, Layer | null> = { PILLAR: null, AREA: 'PILLAR', TEAM: 'AREA' };

/** The one hierarchy rule: the parent a unit of `layer` may have, or INVALID_HIERARCHY. */
function parentFor(w: Draft, layer: Layer, slug: string | null | undefined): UnitRow | null {
  const expected = PARENT_LAYER[layer];
  const refuse = (message: string) => UserInputError.of('parent', message, 'INVALID_HIERARCHY');
  if (!expected) {
    if (slug) throw refuse('a PILLAR has no parent');
    return null;
  }
  if (!slug) throw refuse(`${aLayer(layer)} needs a parent ${expected}`);
  const parent = requireUnit(w, slug, 'parent');
  if (parent.layer !== expected) {
    throw refuse(
      `parent "${slug}" is ${aLayer(parent.layer)}; ${aLayer(layer)}'s parent must be ${aLayer(expected)}`,
    );
  }
  return parent;
}

/** A new unit's slug must be free, even of an archived unit. */
function requireFreeSlug(w: Draft, slug: string): void {
  if (w.units.find('slug', slug)) {
    throw UserInputError.of('slug', `a unit "${slug}" already exists`, 'CONFLICT');
  }
}

/** A new unit, created on `createdOn` (its first day; default today) under `parentId`. */
function insertUnit(
  w: Draft,
  input: CreateUnitInput,
  parentId: number | null,
  createdOn: Day = w.today,
): UnitRow {
  const unit = w.units.insert({
    slug: input.slug,
    name: input.name,
    layer: input.layer,
    parentId,
    charter: input.charter ?? null,
    createdOn,
    archivedOn: null,
  });
  if (parentId !== null) {
    w.unitParents.insert({ unitId: unit.id, parentId, startedOn: w.today, endedOn: null });
  }
  return unit;
}

export function createUnit(w: Draft, input: CreateUnitInput): UnitChange {
  requireFreeSlug(w, input.slug);
  const parent = parentFor(w, input.layer, input.parent);
  return { unit: insertUnit(w, input, parent?.id ?? null) };
}

/** Changes the fields given (a field left out is kept). */
export function updateUnit(w: Draft, input: UpdateUnitInput): UnitChange {
  const unit = requireUnit(w, input.slug, 'slug');
  const next = w.units.update(unit, {
    name: input.name ?? unit.name,
    charter: input.charter === undefined ? unit.charter : input.charter,
  });
  if (next === unit) w.keep('units');
  return { unit: next };
}

/**
 * Puts a unit under a parent of the right layer from `on` (default today), recorded in its
 * parents' history; the unit's `parentId` follows the latest. Both units must exist that
 * day. The layers rule out loops on every day (a parent is always one layer up).
 */
export function moveUnit(w: Draft, input: MoveUnitInput): UnitChange {
  const on = input.on ?? w.today;
  const unit = requireUnitOn(w, input.slug, 'slug', on, 'on');
  const parent = parentFor(w, unit.layer, input.parent);
  if (parent) requireUnitFrom(parent, on, 'parent');
  changeLine({
    table: w.unitParents,
    rows: w.unitParents.where('unit', unit.id),
    on,
    values: parent && { unitId: unit.id, parentId: parent.id },
    holds: (row) => row.parentId === parent?.id,
    recorded: (row) => `a move to "${w.units.get(row.parentId)?.slug}"`,
    path: 'on',
    today: w.recordedUntil,
  });
  return { unit: w.units.update(unit, { parentId: parent?.id ?? null }) };
}

/**
 * Creates a unit or updates the one with its slug, for an import: the parent is placed
 * afterwards with `moveUnit`, once every unit of the document exists. A unit's layer never
 * changes. A new unit is created before anything recorded (a document states the org, not
 * since when: see `backdateCreated`), so the document's own dated seats and roles find it.
 */
export function saveUnit(w: Draft, input: Omit<CreateUnitInput, 'parent'>): UnitChange {
  if (!w.units.find('slug', input.slug)) {
    return { unit: insertUnit(w, input, null, ORG_DAYS.first) };
  }
  const unit = requireUnit(w, input.slug, 'slug');
  if (unit.layer !== input.layer) {
    const message = `unit "${unit.slug}" is ${aLayer(unit.layer)}; a unit's layer cannot change`;
    throw UserInputError.of('layer', message, 'INVALID_HIERARCHY');
  }
  return updateUnit(w, input);
}

/**
 * Archives a unit from `on`, not before its creation, once nothing current or planned hangs
 * under it (every blocker is one CONFLICT naming it). Its candidacies end the day before:
 * nobody succeeds into a unit that no longer exists. A move of its own planned from then on is
 * withdrawn (one made on a past day is history: refused), so it keeps the parent it had last.
 */
export function archiveUnit(w: Draft, input: ArchiveUnitInput): ArchiveChange {
  const on = input.on ?? w.today;
  const unit = requireUnitOn(w, input.slug, 'slug', on, 'on');
  refuseErasingFrom(unit.createdOn, on, w.recordedUntil, 'on');
  const blockers = archiveBlockers(w, unit, on);
  if (blockers.length > 0) {
    const userErrors = blockers.map((message) => ({
      path: 'slug',
      message,
      code: 'CONFLICT' as const,
    }));
    throw new UserInputError(userErrors);
  }
  const kept = { today: w.recordedUntil, path: 'on' };
  const withdrawn = endRows(w.unitParents, movesFrom(w, unit, on), on, kept).length > 0;
  const parentId = withdrawn ? stayPut(w, unit) : unit.parentId;
  const candidacies = w.candidates.where('unit', unit.id);
  const endedCandidacies = endRows(w.candidates, candidacies, on, kept);
  return { unit: w.units.update(unit, { archivedOn: on, parentId }), endedCandidacies };
}

/** A unit's places (its parents' history rows ever in force), oldest first. */
function placesOf(w: Draft, unit: UnitRow): UnitParentRow[] {
  return w.unitParents
    .where('unit', unit.id)
    .filter(everInForce)
    .sort((a, b) => (a.startedOn < b.startedOn ? -1 : 1));
}

/**
 * A unit's moves from `on` on: its places after the first, which placed it when it was made
 * (archived the day it was made, it stays where it was made).
 */
function movesFrom(w: Draft, unit: UnitRow, on: Day): UnitParentRow[] {
  return placesOf(w, unit)
    .slice(1)
    .filter((row) => row.startedOn >= on);
}

/**
 * A unit's moves planned withdrawn: the place it had before them goes on from the first one's
 * day (as moving it back there would record it), so an archived unit keeps its last place on
 * every later day. Returns that place's parent.
 */
function stayPut(w: Draft, unit: UnitRow): number | null {
  const last = placesOf(w, unit).at(-1);
  if (last?.endedOn) {
    const values = { unitId: unit.id, parentId: last.parentId, endedOn: null };
    w.unitParents.insert({ ...values, startedOn: addDays(last.endedOn, 1) });
  }
  return last?.parentId ?? null;
}
