import { unitsOfPerson } from '../core/org/lookup.js';
import type { OrgState } from '../core/org/state.js';
import type { ScenarioChange } from './changes.js';

/**
 * The units whose succession data a scenario reveals: every unit a change names (its unit,
 * a new parent, a team), and the units of every person a change names (their seats and
 * candidacies, as for their departure impact). A scoped planner reads and writes only
 * scenarios all of whose units lie in their scope.
 */
export function revealsOfChanges(state: OrgState, changes: readonly ScenarioChange[]): number[] {
  const unitIds = new Map(state.units.map((u) => [u.slug, u.id]));
  const personIds = new Map([...state.people.values()].map((p) => [p.email.toLowerCase(), p.id]));
  const ids: number[] = [];
  const unit = (slug: string | null | undefined) => {
    const id = slug ? unitIds.get(slug) : undefined;
    if (id !== undefined) ids.push(id);
  };
  const person = (email: string) => {
    const id = personIds.get(email.toLowerCase());
    if (id !== undefined) ids.push(...unitsOfPerson(state, id));
  };
  for (const change of changes) {
    for (const fields of Object.values(change) as Array<Record<string, unknown>>) {
      for (const key of ['unit', 'parent', 'team'] as const)
        unit(fields[key] as string | undefined);
      if (typeof fields.person === 'string') person(fields.person);
    }
  }
  return [...new Set(ids)];
}
