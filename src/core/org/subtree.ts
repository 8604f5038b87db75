import { compareText } from './as-of.js';
import { LAYERS, type OrgState, type UnitState } from './state.js';

/**
 * The units of a scope in slug order: the scope unit and all its descendants, or the whole
 * org when `scopeUnitId` is null. A scope unit not in the state (unknown, or archived on
 * the state's day) has an empty subtree.
 */
export function subtreeOf(state: OrgState, scopeUnitId: number | null): UnitState[] {
  if (scopeUnitId === null) return state.units;
  if (!state.unitsById.has(scopeUnitId)) return [];
  const inScope = new Set<number>();
  const pending = [scopeUnitId];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (inScope.has(id)) continue;
    inScope.add(id);
    for (const child of state.childrenOf.get(id) ?? []) pending.push(child.id);
  }
  return state.units.filter((u) => inScope.has(u.id));
}

/** Pillars first, then Areas, then Teams; by slug within a layer. */
export function compareUnits(a: UnitState, b: UnitState): number {
  return LAYERS.indexOf(a.layer) - LAYERS.indexOf(b.layer) || compareText(a.slug, b.slug);
}

export function inLayerOrder(units: UnitState[]): UnitState[] {
  return [...units].sort(compareUnits);
}
