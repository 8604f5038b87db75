import { useQuery } from './query.js';
import { useUsable } from './usable.js';

interface ScopeUnit {
  slug: string;
  name: string;
  children: { slug: string; name: string; layer: string }[];
}

// The pillars and their areas on the day picked: what a leader scopes the panels to.
const SCOPES_QUERY = `query DashboardScopes($asOf: Date) {
  units(layer: PILLAR, first: 100, asOf: $asOf) {
    nodes { slug name children { slug name layer } }
  }
}`;

// A scope the list above lacks (a team, named in the address): is it in the org that day? The
// day is the server's (its today when none is picked), never the browser's clock.
const SCOPED_QUERY = `query DashboardScoped($asOf: Date, $scope: String!) {
  unit(slug: $scope, asOf: $asOf) { name layer archivedOn parent { slug } }
  coverage(asOf: $asOf) { asOf }
}`;

interface ScopedUnit {
  name: string;
  layer: string;
  archivedOn: string | null;
  parent: { slug: string } | null;
}

export interface ScopePickerProps {
  scope: string;
  setScope: (slug: string) => void;
}

/**
 * "Scope": the rollup, trend, lists, churn and (for an unscoped planner) the bench answer for
 * one pillar or area, or the whole org. Asked once the page is usable (it is not needed
 * before); a scope the day has not (archived, or not made yet) is said, not asked, and one
 * the list lacks (a team, named in the address) is named with its layer.
 */
export function ScopePicker({ scope, setScope }: ScopePickerProps) {
  const { data } = useQuery<{ units: { nodes: ScopeUnit[] } }>(
    SCOPES_QUERY,
    useUsable() ? {} : null,
  );
  const pillars = data?.units.nodes ?? [];
  const known = pillars.some((p) => p.slug === scope || p.children.some((a) => a.slug === scope));
  const scoped = useQuery<{ unit: ScopedUnit | null; coverage: { asOf: string } }>(
    SCOPED_QUERY,
    data && scope && !known ? {} : null,
  ).data;
  const other = scoped?.unit;
  // Below a parent that day (a pillar has none), not archived by then: as the tree shows it.
  const there =
    other &&
    !(other.archivedOn && other.archivedOn <= (scoped?.coverage.asOf ?? '')) &&
    (other.layer === 'PILLAR' || other.parent);
  const unlisted = there
    ? `${other.name} (${other.layer.toLowerCase()})`
    : `${scope} (not in the org that day)`;
  return (
    <label>
      Scope{' '}
      <select value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
        <option value="">Whole org</option>
        {scope && !known ? <option value={scope}>{unlisted}</option> : null}
        {pillars.map((pillar) => (
          <optgroup key={pillar.slug} label={pillar.name}>
            <option value={pillar.slug}>{pillar.name}</option>
            {pillar.children
              .filter((area) => area.layer === 'AREA')
              .map((area) => (
                <option key={area.slug} value={area.slug}>
                  {pillar.name} › {area.name}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
