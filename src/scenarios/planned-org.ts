import type { OrgState } from '../core/org/state.js';
import type { LoadedOrg } from '../store/org-views.js';
import { loadedOf } from '../store/snapshot.js';
import type { Draft } from '../writes/draft.js';

/** A plan's changes made in memory (a draft nothing saves), and the org on its day after them. */
export interface Plan {
  draft: Draft;
  after: OrgState;
}

/**
 * The org a plan describes, read as a request reads the org as it stands: what a what-if
 * names as it would be (a unit's coverage after a scenario, a finding that would appear)
 * answers its nested fields from it — a person's team and seats, a hire's seat, a moved
 * unit's parent — so one answer never mixes the org planned with the org as it is. Its
 * history is copied out of the draft only when such a field is asked.
 */
export function plannedOrg(live: LoadedOrg, { draft, after }: Plan): LoadedOrg {
  let loaded: LoadedOrg | undefined;
  const planned = () => {
    const states = new Map([[after.asOf, after]]);
    loaded ??= loadedOf({ version: live.version, history: draft.history(), states });
    return loaded;
  };
  return {
    version: live.version,
    on: (day) => planned().on(day),
    policyOn: (day) => planned().policyOn(day),
    rows: () => planned().rows(),
    get history() {
      return planned().history;
    },
  };
}
