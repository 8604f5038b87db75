import type { Layer } from '../../db/tables.js';
import type { RuleContext } from './context.js';

/** A Team's parent is an Area, an Area's a Pillar; a Pillar has none. */
const PARENT_LAYER: Record<Layer, Layer | null> = { PILLAR: null, AREA: 'PILLAR', TEAM: 'AREA' };

const article = (layer: Layer) => (layer === 'AREA' ? 'an' : 'a');

/** A unit's layer: the stored one (it never changes), else the one the document declares. */
function layerOf(ctx: RuleContext, slug: string): Layer | undefined {
  return ctx.snapshot.units.get(slug)?.layer ?? ctx.doc.declared.units.get(slug);
}

export function checkLayers(ctx: RuleContext): void {
  for (const { index, value: unit } of ctx.doc.units) {
    const at = `units[${index}]`;
    const stored = ctx.snapshot.units.get(unit.slug);
    if (stored && stored.layer !== unit.layer) {
      ctx.problems.add(
        `${at}.layer`,
        `unit "${unit.slug}" is ${article(stored.layer)} ${stored.layer}; a unit's layer cannot change`,
        'INVALID_HIERARCHY',
      );
    }
    const expected = PARENT_LAYER[unit.layer];
    if (!expected) {
      if (unit.parent)
        ctx.problems.add(`${at}.parent`, 'a PILLAR has no parent', 'INVALID_HIERARCHY');
      continue;
    }
    if (!unit.parent) {
      const message = `${article(unit.layer)} ${unit.layer} needs a parent ${expected}`;
      ctx.problems.add(`${at}.parent`, message, 'INVALID_HIERARCHY');
      continue;
    }
    const parentLayer = layerOf(ctx, unit.parent);
    if (parentLayer && parentLayer !== expected) {
      const message = `parent "${unit.parent}" is ${article(parentLayer)} ${parentLayer}; ${article(unit.layer)} ${unit.layer}'s parent must be ${article(expected)} ${expected}`;
      ctx.problems.add(`${at}.parent`, message, 'INVALID_HIERARCHY');
    }
  }
}

/** Only Teams have members, and a person is a member of one Team at a time. */
export function checkMembers(ctx: RuleContext): void {
  const listedAt = new Map<string, { slug: string; path: string }>();
  for (const { index, value: unit } of ctx.doc.units) {
    if (!unit.members?.length) continue;
    if (unit.layer !== 'TEAM') {
      const message = `only a TEAM has members; "${unit.slug}" is ${article(unit.layer)} ${unit.layer}`;
      ctx.problems.add(`units[${index}].members`, message, 'INVALID_HIERARCHY');
      continue;
    }
    for (const [k, email] of unit.members.entries()) {
      const path = `units[${index}].members[${k}]`;
      const earlier = listedAt.get(email);
      if (earlier) {
        const message = `"${email}" is already listed as a member of "${earlier.slug}" (${earlier.path})`;
        ctx.problems.add(path, message, 'CONFLICT');
      } else listedAt.set(email, { slug: unit.slug, path });
    }
  }
}
