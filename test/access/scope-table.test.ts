import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { identityProvider, ssoEnv, tokenFor } from './credentials.js';
import { TWO_PILLARS } from './org.js';

/**
 * SPEC §4 "Scoped access" as one table: every caller (role × scope, by API token, and a
 * scoped planner by single sign-on) against every kind of read. `ok` answers without error,
 * `role` is refused for the role, `scope` for the scope: FORBIDDEN naming the scope.
 */
type Outcome = 'ok' | 'role' | 'scope';
const CALLERS = ['V', 'V@platform', 'P', 'P@platform', 'P@storage', 'A', 'P@platform by JWT'];

//                                   V      V@plat   P     P@plat   P@stor   A     P@plat JWT
const TABLE: [string, string, Outcome[]][] = [
  [
    'bench of a team',
    '{ successionBench(scope: "storage") { seat } }',
    ['role', 'role', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ],
  [
    'bench of a pillar',
    '{ successionBench(scope: "platform") { seat } }',
    ['role', 'role', 'ok', 'ok', 'scope', 'ok', 'ok'],
  ],
  [
    'bench of the org',
    '{ successionBench { seat } }',
    ['role', 'role', 'ok', 'scope', 'scope', 'ok', 'scope'],
  ],
  [
    'bench of a team outside',
    '{ successionBench(scope: "checkout") { seat } }',
    ['role', 'role', 'ok', 'scope', 'scope', 'ok', 'scope'],
  ],
  [
    'bench strength inside',
    '{ coverage(scope: "platform") { benchStrength } }',
    ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ],
  [
    'bench strength outside (what a viewer reads)',
    '{ coverage(scope: "product") { benchStrength } }',
    ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ],
  [
    'bench strength of the org',
    '{ coverage { benchStrength } }',
    ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ],
  [
    'coverage outside',
    '{ coverage(scope: "product") { byLayer { layer units } } }',
    ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ],
  [
    'candidate counts outside (what a viewer reads)',
    '{ unit(slug: "checkout") { coverage { engLead { readyNowCount } } } }',
    ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ],
  [
    'candidate counts inside',
    '{ unit(slug: "storage") { coverage { engLead { readyNowCount } } } }',
    ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ],
  [
    // SPEC's coverage carries the ready-now and ready-soon counts; READY_LATER is readiness.
    'READY_LATER count inside',
    '{ unit(slug: "storage") { coverage { techLead { readyLaterCount } } } }',
    ['role', 'role', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ],
  [
    'READY_LATER count outside',
    '{ unit(slug: "checkout") { coverage { engLead { readyLaterCount } } } }',
    ['role', 'role', 'ok', 'scope', 'scope', 'ok', 'scope'],
  ],
  [
    'candidates inside',
    '{ unit(slug: "storage") { coverage { techLead { candidates { readySoon { email } } } } } }',
    ['role', 'role', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ],
  [
    'candidates outside',
    '{ unit(slug: "checkout") { coverage { engLead { candidates { readyNow { email } } } } } }',
    ['role', 'role', 'ok', 'scope', 'scope', 'ok', 'scope'],
  ],
  [
    'impact of a lead inside',
    '{ departureImpact(email: "ana@example.com") { vacatedSeats { unit { slug } } vacancyChain { unit { slug } } newFindings { kind } resolvedFindings { kind } } }',
    ['role', 'role', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ],
  [
    'impact of a lead with a seat outside',
    '{ departureImpact(email: "max@example.com") { person { email } } }',
    ['role', 'role', 'ok', 'scope', 'scope', 'ok', 'scope'],
  ],
  [
    'impact of a person inside, a candidate outside',
    '{ departureImpact(email: "eli@example.com") { person { email } } }',
    ['role', 'role', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ],
  [
    'impact: seats inside',
    '{ departureImpact(email: "fay@example.com") { vacatedSeats { readyCandidates { email } } } }',
    ['role', 'role', 'ok', 'ok', 'scope', 'ok', 'ok'],
  ],
  [
    'impact: chain leaving the scope',
    '{ departureImpact(email: "fay@example.com") { vacancyChain { unit { slug } } } }',
    ['role', 'role', 'ok', 'scope', 'scope', 'ok', 'scope'],
  ],
  [
    // Asked by name, never silently empty: a scoped planner's counted within its scope.
    'concentration of the org',
    '{ singlePointsOfFailure(kinds: [SUCCESSOR_CONCENTRATION]) { totalCount } }',
    ['role', 'role', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ],
  [
    'concentration inside',
    '{ singlePointsOfFailure(scope: "infra", kinds: [SUCCESSOR_CONCENTRATION]) { totalCount } }',
    ['role', 'role', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ],
  [
    'concentration outside',
    '{ singlePointsOfFailure(scope: "growth", kinds: [SUCCESSOR_CONCENTRATION]) { totalCount } }',
    ['role', 'role', 'ok', 'scope', 'scope', 'ok', 'scope'],
  ],
  [
    'all findings (concentration left out for a viewer)',
    '{ singlePointsOfFailure { totalCount } }',
    ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ],
  [
    'other findings',
    '{ singlePointsOfFailure(kinds: [VACANT_SEAT, MULTI_SEAT_HOLDER, NO_SUCCESSOR]) { totalCount } }',
    ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ],
  [
    'candidacies of a person outside',
    '{ person(email: "ivy@example.com") { candidacies { unit { slug } } } }',
    ['role', 'role', 'ok', 'scope', 'scope', 'ok', 'scope'],
  ],
  [
    'candidacies of a person inside, a candidate outside',
    '{ person(email: "eli@example.com") { candidacies { unit { slug } } } }',
    ['role', 'role', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ],
  [
    'candidacies inside',
    '{ person(email: "kim@example.com") { candidacies { unit { slug } } } }',
    ['role', 'role', 'ok', 'ok', 'scope', 'ok', 'ok'],
  ],
  ['export', '{ exportOrg }', ['role', 'role', 'ok', 'scope', 'scope', 'ok', 'scope']],
  // A scoped planner's list holds the scenarios inside its scope (none here): not refused.
  ['scenarios', '{ scenarios { totalCount } }', ['role', 'role', 'ok', 'ok', 'ok', 'ok', 'ok']],
  [
    'structure',
    '{ units(first: 100) { totalCount } teamsWithoutTechLead { totalCount } aors { totalCount } }',
    ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ],
];

const bearer = new Map<string, string>();
const idp = await identityProvider();
// Every case only reads: one app for the file (test-org.ts's restore and new app per test
// would cost more than the 175 reads).
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ org: TWO_PILLARS, env: ssoEnv(idp.jwksPath) });
  bearer.set('V', await tokenFor(t, 'VIEWER'));
  bearer.set('V@platform', await tokenFor(t, 'VIEWER', 'platform'));
  bearer.set('P', await tokenFor(t, 'PLANNER'));
  bearer.set('P@platform', await tokenFor(t, 'PLANNER', 'platform'));
  bearer.set('P@storage', await tokenFor(t, 'PLANNER', 'storage'));
  bearer.set('A', await tokenFor(t, 'ADMIN'));
  const claims = { sub: 'pillar-lead', orgraph_role: 'PLANNER', orgraph_scope: 'platform' };
  bearer.set('P@platform by JWT', await idp.sign(claims));
});
afterAll(() => t?.close());

const cases = TABLE.flatMap(([read, query, outcomes]) =>
  CALLERS.map((caller, i) => ({ read, query, caller, outcome: outcomes[i] as Outcome })),
);

describe('who reads what (role × scope × field)', () => {
  it.each(cases)('$read as $caller: $outcome', async ({ query, caller, outcome }) => {
    const { data, errors, status } = await t.gql(query, {}, { token: bearer.get(caller) });
    expect(status).toBe(200);
    if (outcome === 'ok') {
      expect(errors, JSON.stringify(errors)).toBeUndefined();
      expect(data).toBeTruthy();
      return;
    }
    const [error] = errors ?? [];
    expect(error?.extensions?.code, JSON.stringify(errors)).toBe('FORBIDDEN');
    if (outcome === 'role') {
      expect(error?.message).toMatch(/your role \(VIEWER\) cannot read/);
      return;
    }
    const scope = caller.includes('storage') ? 'storage' : 'platform';
    expect(error?.extensions?.scope).toBe(scope);
    expect(error?.message).toContain(`scoped to "${scope}"`);
    expect(error?.message).toContain(String(error?.extensions?.field));
  });
});
