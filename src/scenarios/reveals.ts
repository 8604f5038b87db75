import type { OrgState } from '../core/org/state.js';
import { authorize, type Reveals, revealsOfPerson } from '../graphql/access.js';
import { orgFor } from '../graphql/args.js';
import { authorOf, type Context, type Viewer } from '../graphql/context.js';
import type { ScenarioChange } from './changes.js';

/**
 * The units whose succession data a scenario reveals: every unit a change names (its unit,
 * a new parent, a team), and the units of every person a change names (their seats and team,
 * as for their departure impact). A scoped planner reads and writes only scenarios all of
 * whose units lie in their scope. Judged from the structure alone, like a person's impact.
 */
export function revealsOfChanges(state: OrgState, changes: readonly ScenarioChange[]): Reveals {
  return placeChanges(state, changes).reveals;
}

/** The units a scenario's changes reveal, and whether a unit or person named is unknown. */
function placeChanges(state: OrgState, changes: readonly ScenarioChange[]) {
  const unitIds = new Map(state.units.map((u) => [u.slug, u.id]));
  const personIds = new Map([...state.people.values()].map((p) => [p.email.toLowerCase(), p.id]));
  const ids: number[] = [];
  let wholeOrg = false;
  let unknown = false;
  const unit = (slug: string | null | undefined) => {
    const id = slug ? unitIds.get(slug) : undefined;
    if (id !== undefined) ids.push(id);
    else if (slug) unknown = true;
  };
  const person = (email: string) => {
    const id = personIds.get(email.toLowerCase());
    // No one yet: the change will conflict, revealing nothing of the org's succession data.
    if (id === undefined) {
      unknown = true;
      return;
    }
    const reveals = revealsOfPerson(state, id);
    if (reveals === 'ORG') wholeOrg = true;
    else ids.push(...reveals);
  };
  for (const change of changes) {
    for (const fields of Object.values(change) as Array<Record<string, unknown>>) {
      for (const key of ['unit', 'parent', 'team'] as const)
        unit(fields[key] as string | undefined);
      if (typeof fields.person === 'string') person(fields.person);
    }
  }
  const reveals: Reveals = wholeOrg ? 'ORG' : [...new Set(ids)];
  return { reveals, unknown };
}

/** What a saved scenario is judged by: its changes, and who wrote it. */
type SavedScenario = { changes: readonly ScenarioChange[]; author: string | null };

/**
 * What a saved scenario reveals to a scoped caller: the units of its changes. One naming no
 * unit of the org (a policy change, unknown teams and people, no change at all), or a unit
 * or person the org has not, lies in no scope known, so among scoped callers it is its
 * author's alone: its name and description may be a plan about anyone. One written before
 * authors were kept has none: no scoped caller's.
 */
export function revealsOfScenario(state: OrgState, scenario: SavedScenario, viewer: Viewer) {
  const { reveals, unknown } = placeChanges(state, scenario.changes);
  const nowhere = reveals !== 'ORG' && (reveals.length === 0 || unknown);
  return nowhere && scenario.author !== authorOf(viewer) ? 'ORG' : reveals;
}

/**
 * A scenario the caller may see: any, unscoped; for a scoped planner one all of whose units
 * lie within the scope. One outside it is answered exactly as one that does not exist.
 */
export async function isScenarioVisible(context: Context, scenario: SavedScenario) {
  const { viewer } = context;
  if (!viewer.scope) return true;
  const reveals = revealsOfScenario(await orgFor(context, null), scenario, viewer);
  return authorize(viewer, { role: 'PLANNER', reveals }) === null;
}
