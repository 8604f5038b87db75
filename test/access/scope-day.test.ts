import type { GraphQLError } from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays } from '../../src/core/org/days.js';
import { startTestApp, type TestApp, TODAY } from '../helpers/app.js';
import { tokenFor } from './credentials.js';
import { TWO_PILLARS } from './org.js';

/**
 * A person's confidential reads are judged by where they stand on the day asked: lu, in
 * checkout (outside platform) today, joins storage (inside) in ten days. A planner scoped to
 * platform reads lu's candidacies and departure impact on that day, and neither today: the
 * two reads of one person on one day never disagree.
 */
const MOVED = addDays(TODAY, 10);
const CANDIDACIES = `query ($asOf: Date) {
  person(email: "lu@example.com", asOf: $asOf) { candidacies { unit { slug } } } }`;
const IMPACT = `query ($asOf: Date) {
  departureImpact(email: "lu@example.com", asOf: $asOf) { person { email } } }`;

let t: TestApp;
let planner: string;
beforeAll(async () => {
  t = await startTestApp({ org: TWO_PILLARS });
  planner = await tokenFor(t, 'PLANNER', 'platform');
  const moved = await t.data(
    `mutation ($input: SetTeamInput!) { setTeam(input: $input) { userErrors { message } } }`,
    { input: { email: 'lu@example.com', team: 'storage', on: MOVED } },
  );
  expect(moved.setTeam.userErrors).toEqual([]);
});
afterAll(() => t?.close());

const refused = (answer: { errors?: readonly GraphQLError[] }) =>
  answer.errors?.map((e) => e.extensions.code) ?? [];

it('reads a person’s candidacies on a day they stand inside the scope, as their impact', async () => {
  // Candidacies were judged by today's team whatever day was asked: refused on the day lu
  // stands in storage, where the departure impact of that day was answered.
  for (const query of [CANDIDACIES, IMPACT]) {
    expect(refused(await t.gql(query, { asOf: MOVED }, { token: planner }))).toEqual([]);
    expect(refused(await t.gql(query, {}, { token: planner }))).toEqual(['FORBIDDEN']);
  }
});
