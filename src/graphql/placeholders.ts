import type { PersonRow } from '../db/tables.js';

/**
 * People who exist only in a planning evaluation of this request (a scenario's `hire`), under
 * negative draft ids: the Person loader answers them beside the people of the database.
 */
const byRequest = new WeakMap<object, Map<number, PersonRow>>();

export function placeholdersOf(context: object): Map<number, PersonRow> {
  let people = byRequest.get(context);
  if (!people) {
    people = new Map();
    byRequest.set(context, people);
  }
  return people;
}

/** Where the next evaluation of this request starts its draft ids, so none collide. */
export function nextDraftIdBase(context: object): number {
  const ids = [...placeholdersOf(context).keys()];
  return ids.length === 0 ? 0 : Math.min(...ids) - 1;
}
