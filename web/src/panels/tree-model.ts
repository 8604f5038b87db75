import type { CoverageStatus, Layer } from '../labels.js';

interface Lead {
  holder: { name: string; email: string } | null;
  acting: boolean;
}

export interface TreeUnit {
  slug: string;
  name: string;
  layer: Layer;
  coverage: {
    status: CoverageStatus;
    healthy: boolean;
    engineerCount: number;
    hiring: boolean;
    engLead: Lead;
    techLead: Lead;
  };
  children?: TreeUnit[];
}

const UNIT_FIELDS = `fragment TreeUnit on OrgUnit {
  slug name layer
  coverage {
    status healthy engineerCount hiring
    engLead { holder { name email } acting }
    techLead { holder { name email } acting }
  }
}`;

/**
 * The whole tree in one request: pillars, their areas, their teams, each with coverage, all
 * as they stood on the day picked (the units then, their leads and members then).
 */
export const TREE_QUERY = `query DashboardTree($asOf: Date) {
  units(layer: PILLAR, first: 100, asOf: $asOf) {
    totalCount
    nodes { ...TreeUnit children { ...TreeUnit children { ...TreeUnit } } }
  }
}
${UNIT_FIELDS}`;

export interface TreeAnswer {
  units: { totalCount: number; nodes: TreeUnit[] };
}

/** Each unit's parent slug, to open the way down to a unit. */
export function parentsOf(units: TreeUnit[]): Map<string, string> {
  const parents = new Map<string, string>();
  const walk = (unit: TreeUnit) => {
    for (const child of unit.children ?? []) {
      parents.set(child.slug, unit.slug);
      walk(child);
    }
  };
  units.forEach(walk);
  return parents;
}

export function allSlugs(units: TreeUnit[]): string[] {
  return units.flatMap((unit) => [unit.slug, ...allSlugs(unit.children ?? [])]);
}

/**
 * What the tree opens on: every unit of a small org; of a larger one its pillars, and the way
 * down to the scope picked with the scope itself (its teams in sight, not a click away).
 */
export function firstOpened(
  units: TreeUnit[],
  scope: string | null,
  openAllUpTo: number,
): Set<string> {
  const slugs = allSlugs(units);
  if (slugs.length <= openAllUpTo) return new Set(slugs);
  const opened = new Set(units.map((unit) => unit.slug));
  const parents = parentsOf(units);
  for (let p = scope ?? undefined; p; p = parents.get(p)) opened.add(p);
  return opened;
}

/** Engineers of a Team, or of every Team below a Pillar or an Area. */
export function engineersIn(unit: TreeUnit): number {
  if (unit.layer === 'TEAM') return unit.coverage.engineerCount;
  return (unit.children ?? []).reduce((sum, child) => sum + engineersIn(child), 0);
}

function matches(unit: TreeUnit, words: string): boolean {
  const { engLead, techLead } = unit.coverage;
  const text = [unit.name, unit.slug, engLead.holder?.name, techLead.holder?.name];
  return text.some((t) => t?.toLowerCase().includes(words));
}

export interface SearchResult {
  /** Units to show: those that match, with their ancestors and descendants. */
  shown: Set<string>;
  /** Units to open: those with a match below them. */
  opened: Set<string>;
}

/**
 * The part of the tree within a scope (a pillar or area picked in "Scope"): the unit, all
 * below it, and the units above it, opened, to show where it stands; null when the tree has
 * no such unit.
 */
export function within(units: TreeUnit[], slug: string): (SearchResult & { name: string }) | null {
  const unit = findUnit(units, slug);
  if (!unit) return null;
  const result = { shown: new Set(allSlugs([unit])), opened: new Set<string>(), name: unit.name };
  const parents = parentsOf(units);
  for (let p = parents.get(slug); p; p = parents.get(p)) {
    result.shown.add(p);
    result.opened.add(p);
  }
  return result;
}

function findUnit(units: TreeUnit[], slug: string): TreeUnit | undefined {
  for (const unit of units) {
    const found = unit.slug === slug ? unit : findUnit(unit.children ?? [], slug);
    if (found) return found;
  }
  return undefined;
}

/** What two filters both show, opened where either opens: a search within a scope. */
export function both(a: SearchResult | null, b: SearchResult | null): SearchResult | null {
  if (!a || !b) return a ?? b;
  const shown = new Set([...a.shown].filter((slug) => b.shown.has(slug)));
  return { shown, opened: new Set([...a.opened, ...b.opened]) };
}

export function search(units: TreeUnit[], text: string): SearchResult {
  const words = text.trim().toLowerCase();
  const result: SearchResult = { shown: new Set(), opened: new Set() };
  const showAll = (unit: TreeUnit) => {
    result.shown.add(unit.slug);
    unit.children?.forEach(showAll);
  };
  // Returns whether the unit or anything below it matches.
  const visit = (unit: TreeUnit): boolean => {
    const itself = matches(unit, words);
    if (itself) showAll(unit);
    const below = (unit.children ?? []).map(visit).some(Boolean);
    if (below) {
      result.shown.add(unit.slug);
      result.opened.add(unit.slug);
    }
    return itself || below;
  };
  units.forEach(visit);
  return result;
}
