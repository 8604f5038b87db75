import type { Layer } from '../db/tables.js';

/** A group of a source's tree (a Backstage Group, an LDAP `ou`), before it has a layer. */
export interface TreeGroup {
  key: string;
  /**
   * The key of its parent group, when the source gives one. A key the tree lacks (a parent
   * the source reports as unknown) leaves the group at the top, though not alone.
   */
  parent: string | null;
  /** The source says it is a team (Backstage `type: team`). */
  team: boolean;
  /** Someone is a member of it. */
  hasMembers: boolean;
  /** The layer its type names, when it names one (`type: area`): used only without a team below. */
  hint?: Layer;
}

/** Where a group goes: a layer, or skipped for the reason given. */
export type Placement = { layer: Layer } | { skipped: string };

const BY_HEIGHT: readonly Layer[] = ['TEAM', 'AREA', 'PILLAR'];

export const SKIPPED = {
  root: 'skipped: above the pillars (a root); the groups under it are the top',
  alone: 'skipped: stands alone (no parent group, no child group)',
  empty: 'skipped: no team below it',
} as const;

/** A skipped group's warning, and that its members' membership of it is not read either. */
export function skippedWarning(
  placement: { skipped: string },
  members: number,
  leads: readonly string[] = [],
): string {
  const people = members === 1 ? '1 person' : `${members} people`;
  const unread = [
    ...(members === 0 ? [] : [`its membership (${people})`]),
    ...(leads.length === 0 ? [] : [`its ${leads.join(' and ')}`]),
  ];
  if (unread.length === 0) return placement.skipped;
  const verb = unread.length === 1 && leads.length < 2 ? 'is' : 'are';
  return `${placement.skipped}; ${unread.join(' and ')} ${verb} not read either`;
}

/**
 * Layers from the tree's shape, as an org chart reads: teams (said so, or leaves with
 * members) are Teams, their parents Areas — a group said to be a team with teams below it
 * too — the parents of those Pillars. A group is placed by the team furthest below it, so
 * anything higher than a Pillar is a root and is skipped (its children become the top). A
 * group that stands alone is not part of the org's tree (a guild, the `guests` of a fresh
 * portal), and one with no team below it keeps the layer its type names, if any.
 */
export function inferLayers(groups: readonly TreeGroup[]): Map<string, Placement> {
  const byKey = new Map(groups.map((group) => [group.key, group]));
  const children = new Map<string, TreeGroup[]>();
  for (const group of groups) {
    if (group.parent === null || !byKey.has(group.parent)) continue;
    children.set(group.parent, [...(children.get(group.parent) ?? []), group]);
  }
  const heights = new Map<string, number | undefined>();
  // The number of layers between a group and its furthest team; undefined with no team below
  // (or in a loop of parents, which the import's own rules report).
  const height = (group: TreeGroup): number | undefined => {
    if (heights.has(group.key)) return heights.get(group.key);
    heights.set(group.key, undefined);
    const below = children.get(group.key) ?? [];
    let found: number | undefined;
    for (const child of below) {
      const h = height(child);
      if (h !== undefined) found = Math.max(found ?? 0, h + 1);
    }
    // A team with teams below it is their parent, an Area (GitHub's nested teams are all
    // `type: team`); a team with none below, or a leaf with members, is a Team.
    if (found === undefined && (group.team || (below.length === 0 && group.hasMembers))) found = 0;
    heights.set(group.key, found);
    return found;
  };
  const placements = new Map<string, Placement>();
  for (const group of groups) {
    const alone = group.parent === null && !children.has(group.key);
    const h = alone ? undefined : height(group);
    const layer = h === undefined ? group.hint : BY_HEIGHT[h];
    if (alone) placements.set(group.key, { skipped: SKIPPED.alone });
    else if (layer) placements.set(group.key, { layer });
    else placements.set(group.key, { skipped: h === undefined ? SKIPPED.empty : SKIPPED.root });
  }
  return placements;
}
