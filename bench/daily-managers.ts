/**
 * What daily hires and manager changes leave in a large org's history, written through the
 * API for the bench: a manager changed on each of the next `days` days. The new managers are
 * the top person's direct reports, whose own lines never change, so no change closes a loop.
 */
import { addDays, todayUtc } from '../src/core/org/days.js';
import type { graphqlClient } from './measure.js';

const SET_MANAGER = `mutation ($input: SetManagerInput!) {
  setManager(input: $input) { userErrors { path message } } }`;

const PAGE = `query ($after: String) { people(first: 100, after: $after) {
  nodes { email manager { email } } pageInfo { hasNextPage endCursor } } }`;

type Person = { email: string; manager: { email: string } | null };

export async function managerChangedDaily(gql: ReturnType<typeof graphqlClient>, days: number) {
  const nodes: Person[] = [];
  for (let after: string | null = null; nodes.length < 2 * days; ) {
    const { people } = await gql(PAGE, { after });
    nodes.push(...people.nodes);
    if (!people.pageInfo.hasNextPage) break;
    after = people.pageInfo.endCursor;
  }
  const top = nodes.find((p) => p.manager === null)?.email;
  const managers = nodes.filter((p) => p.manager?.email === top).map((p) => p.email);
  const stable = new Set([top, ...managers]);
  const movers = nodes.filter((p) => !stable.has(p.email)).map((p) => p.email);
  if (managers.length < 2 || movers.length < days) throw new Error('too few people to move');
  for (let i = 0; i < days; i++) {
    const input = {
      email: movers[i],
      manager: managers[i % managers.length],
      on: addDays(todayUtc(), i + 1),
    };
    const { setManager } = await gql(SET_MANAGER, { input });
    if (setManager.userErrors.length > 0) throw new Error(JSON.stringify(setManager.userErrors));
  }
}
