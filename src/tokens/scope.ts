import type { Day } from '../core/org/state.js';
import { subtreeOf } from '../core/org/subtree.js';
import type { ViewerScope } from '../graphql/context.js';
import type { RequestOrg } from '../store/org-views.js';

/** The unit a token (by id) or a JWT claim (by slug) names as its scope. */
export type ScopeRef = { unitId: number } | { slug: string };

/**
 * A caller's scope as of today: the unit and its subtree in the org as it stands, so a Team
 * moved into a pillar is inside that pillar's scope for every `asOf`, and an archived scope
 * unit leaves nothing inside. Null when no unit matches.
 */
export async function viewerScope(
  org: RequestOrg,
  today: Day,
  ref: ScopeRef,
): Promise<ViewerScope | null> {
  const [state, rows] = await Promise.all([org.on(today), org.rows()]);
  const unit =
    'slug' in ref
      ? [...rows.units.values()].find((u) => u.slug === ref.slug)
      : rows.units.get(ref.unitId);
  if (!unit) return null;
  return {
    unitId: unit.id,
    slug: unit.slug,
    unitIds: new Set(subtreeOf(state, unit.id).map((u) => u.id)),
  };
}
