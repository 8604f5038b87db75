import type { OrgHistory } from '../core/org/state.js';
import { overlayOf } from '../core/overlay-map.js';
import type { PersonRow, UnitRow } from '../db/tables.js';
import type { SavedChanges } from '../writes/save.js';

/** The org's unit and person rows by id, as of the snapshot: the read model of the tree. */
export interface OrgRows {
  units: ReadonlyMap<number, UnitRow>;
  unitsBySlug: ReadonlyMap<string, UnitRow>;
  people: ReadonlyMap<number, PersonRow>;
}

/** The rows by id of a history read whole. */
export function rowsById(history: OrgHistory): OrgRows {
  return {
    units: new Map(history.units.map((u) => [u.id, u])),
    unitsBySlug: new Map(history.units.map((u) => [u.slug, u])),
    people: new Map(history.people.map((p) => [p.id, p])),
  };
}

/** The rows by id after a write: those before, with the write's units and people on top. */
export function carriedRows(rows: OrgRows, changes: SavedChanges): OrgRows {
  const units = [...changes.units.updates, ...changes.units.inserts] as UnitRow[];
  const people = [...changes.people.updates, ...changes.people.inserts] as PersonRow[];
  return {
    units: overlayOf(rows.units, (byId) => {
      for (const unit of units) byId.set(unit.id, unit);
    }),
    // A unit's slug never changes: an updated unit keeps its key.
    unitsBySlug: overlayOf(rows.unitsBySlug, (bySlug) => {
      for (const unit of units) bySlug.set(unit.slug, unit);
    }),
    people: overlayOf(rows.people, (byId) => {
      for (const person of people) byId.set(person.id, person);
    }),
  };
}
