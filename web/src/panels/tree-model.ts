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
