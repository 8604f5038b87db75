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

export interface ScopePickerProps {
  scope: string;
  setScope: (slug: string) => void;
}

/**
 * "Scope": the rollup, trend, lists, churn and (for an unscoped planner) the bench answer for
 * one pillar or area, or the whole org. Asked once the page is usable (it is not needed
 * before); a scope the day has not (archived, or not made yet) is said, not asked.
 */
export function ScopePicker({ scope, setScope }: ScopePickerProps) {
  const { data } = useQuery<{ units: { nodes: ScopeUnit[] } }>(
    SCOPES_QUERY,
    useUsable() ? {} : null,
  );
  const pillars = data?.units.nodes ?? [];
  const known = pillars.some((p) => p.slug === scope || p.children.some((a) => a.slug === scope));
  return (
    <label>
      Scope{' '}
      <select value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
        <option value="">Whole org</option>
        {scope && !known ? <option value={scope}>{scope} (not in the org that day)</option> : null}
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
