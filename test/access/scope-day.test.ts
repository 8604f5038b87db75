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

it('answers the impact of one holding no seat and on no team: every seat they hold is inside', async () => {
  // SPEC: a scoped planner's departure impact "needs every seat they hold inside it". One who
  // holds none (a manager without a seat, a hire not yet on a team) was refused, though what
  // their leaving breaks (their reports, their AoRs) is structure and the findings the scope's.
  const created = await t.data(
    `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { userErrors { message } } }`,
    { input: { email: 'nia@example.com', name: 'Nia Holt', manager: 'bo@example.com' } },
  );
  expect(created.createPerson.userErrors).toEqual([]);
  const ask = (email: string) =>
    t.gql(
      `query ($email: String!) { departureImpact(email: $email) { person { email } vacatedSeats { seat } }
        person(email: $email) { candidacies { seat } } }`,
      { email },
      { token: planner },
    );
  const answer = await ask('nia@example.com');
  expect(answer.errors).toBeUndefined();
  expect(answer.data).toEqual({
    departureImpact: { person: { email: 'nia@example.com' }, vacatedSeats: [] },
    person: { candidacies: [] },
  });
  // No one at all is still refused as one outside the scope: existing or not looks alike.
  expect(refused(await ask('nobody@example.com'))).toContain('FORBIDDEN');
});
