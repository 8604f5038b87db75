import { compareText } from '../org/as-of.js';
import type { OrgState } from '../org/state.js';
import { stateIndex } from '../org/state-index.js';
import { subtreeOf } from '../org/subtree.js';
import { overlayOf } from '../overlay-map.js';
import { type Thresholds, underPolicy } from '../policy.js';
import { aorFindings } from './aors.js';
import { spanFindings } from './hygiene.js';
import { personFindings } from './people.js';
import { seatFindings } from './seats.js';
import { FINDING_KINDS, type Finding, type FindingsOptions, SEVERITIES } from './types.js';

export type { Finding, FindingKind, FindingsOptions, Severity } from './types.js';
export { FINDING_KINDS, SEVERITIES } from './types.js';

/**
 * The single points of failure of a scope (a unit's subtree, or the whole org when null):
 * every finding whose unit is in scope, as the policy reports them (kinds turned off left
 * out, severities overridden), filtered by `options`, in `compareFindings` order.
 */
export function findingsFor(
  state: OrgState,
  scopeUnitId: number | null,
  thresholds: Thresholds,
  options: FindingsOptions = {},
): Finding[] {
  const units = subtreeOf(state, scopeUnitId);
  const inScope = new Set(units.map((u) => u.id));
  const all = [
    ...units.flatMap((unit) => seatFindings(state, unit, thresholds)),
    ...state.aors.filter((a) => inScope.has(a.unitId)).flatMap((a) => aorFindings(state, a)),
    // Computed over the whole org: a person's seats outside the scope still make them a
    // single point of failure; the finding shows when its placement unit is in scope.
    ...[...personFindings(state, null, options), ...spanFindings(state, thresholds)].filter((f) =>
      inScope.has(f.unitId),
    ),
  ];
  return underPolicy(all, thresholds).filter(matches(options)).sort(compareFindings(state));
}

function matches({ kinds, minSeverity }: FindingsOptions): (f: Finding) => boolean {
  const maxRank = SEVERITIES.indexOf(minSeverity ?? 'LOW');
  return (f) =>
    (!kinds || kinds.length === 0 || kinds.includes(f.kind)) &&
    SEVERITIES.indexOf(f.severity) <= maxRank;
}

/**
 * Severity (CRITICAL first), then unit slug (SPEC §2); then, so equal findings keep a stable
 * order, kind in SPEC §2 table order, seat (Eng Lead first, none last), AoR slug, and the
 * people's emails.
 */
export function compareFindings(state: OrgState): (a: Finding, b: Finding) => number {
  const slugs = aorSlugs(state);
  const slug = (f: Finding) => state.unitsById.get(f.unitId)?.slug ?? '';
  const seatRank = (f: Finding) => (f.seat === null ? 2 : f.seat === 'ENG_LEAD' ? 0 : 1);
  const emails = (f: Finding) =>
    f.personIds.map((id) => state.people.get(id)?.email ?? `#${id}`).join(',');
  return (a, b) =>
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    compareText(slug(a), slug(b)) ||
    FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind) ||
    seatRank(a) - seatRank(b) ||
    compareText(slugs.get(a.aorId ?? -1) ?? '', slugs.get(b.aorId ?? -1) ?? '') ||
    compareText(emails(a), emails(b));
}

/**
 * Identifies a finding across two states of the org (departure impact diffs with it): what
 * it is about, not its wording. Units involved are part of it, so a concentration that
 * spreads to one more unit reads as one finding resolved and a wider one new.
 */
export function findingKey(f: Finding): string {
  return [
    f.kind,
    f.unitId,
    f.seat ?? '-',
    f.aorId ?? '-',
    f.personIds.join(','),
    f.unitIds.join(','),
  ].join('|');
}

/** AoR slugs by id, kept with the state: findings are sorted many times over one state. */
const aorSlugs = stateIndex(
  (state): ReadonlyMap<number, string> => new Map(state.aors.map((a) => [a.id, a.slug])),
  (earlier, state, change) =>
    change.aorIds.size === 0
      ? earlier
      : overlayOf(earlier, (slugs) => {
          for (const aor of state.aors) if (change.aorIds.has(aor.id)) slugs.set(aor.id, aor.slug);
        }),
);
