import { describe, expect, it } from 'vitest';
import { type FindingKind, findingsFor } from '../../src/core/findings/findings.js';
import { orgStateOn } from '../../src/core/org/as-of.js';
import { addDays } from '../../src/core/org/days.js';
import type { Day } from '../../src/core/org/state.js';
import { defaultThresholds, type Thresholds } from '../../src/core/policy.js';
import { buildHistory, buildState, crew, line, type OrgSpec, TODAY } from './state-builder.js';

// SPEC "Leadership hygiene findings": the EM/TL pairing rules, span of control and acting
// holders, in the style of findings.test.ts: one line per finding.
function lines(spec: OrgSpec, kinds: FindingKind[], policy: Thresholds = defaultThresholds) {
  const { state } = buildState(spec);
  return findingsFor(state, null, policy, { kinds }).map((f) => line(state, f));
}

/** The days from `from` to `to` on which the org of `spec` has a finding of `kind`. */
function daysWith(spec: OrgSpec, kind: FindingKind, days: Day[]): Day[] {
  const { history } = buildHistory(spec);
  return days.filter(
    (day) =>
      findingsFor(orgStateOn(history, day), null, defaultThresholds, { kinds: [kind] }).length,
  );
}

const team = (more: Partial<OrgSpec['units'][number]> = {}) => ({
  slug: 'storage',
  layer: 'TEAM' as const,
  ...more,
});
const reportsTo = (manager: string, ...keys: string[]) => keys.map((key) => ({ key, manager }));

describe('TECH_LEAD_OFF_TEAM', () => {
  it.each<[string, OrgSpec, string[]]>([
    [
      "a Team's Tech Lead who is not a member",
      { units: [team({ el: 'ana', tl: 'dee', members: ['eli'] })] },
      ['MEDIUM TECH_LEAD_OFF_TEAM storage dee'],
    ],
    [
      'a Team without an Eng Lead whose Tech Lead is not a member',
      { units: [team({ tl: 'dee' })] },
      ['MEDIUM TECH_LEAD_OFF_TEAM storage dee'],
    ],
    [
      "a Team's Tech Lead who is a member",
      { units: [team({ el: 'ana', tl: 'dee', members: ['dee'] })] },
      [],
    ],
    ['a TLM Team (no separate Tech Lead)', { units: [team({ el: 'ana', tl: 'ana' })] }, []],
    [
      "an Area's Tech Lead (Areas have no members)",
      { units: [{ slug: 'infra', layer: 'AREA', el: 'ana', tl: 'dee' }] },
      [],
    ],
    [
      'a Tech Lead who is a member of another team',
      {
        units: [
          team({ el: 'ana', tl: 'dee' }),
          { slug: 'web', layer: 'TEAM', el: 'bo', tl: 'cy', members: ['cy', 'dee'] },
        ],
      },
      ['MEDIUM TECH_LEAD_OFF_TEAM storage dee'],
    ],
  ])('%s', (_, spec, expected) => {
    expect(lines(spec, ['TECH_LEAD_OFF_TEAM'])).toEqual(expected);
  });

  it('starts the day after the Tech Lead left the team and stops when the seat ends', () => {
    const spec: OrgSpec = {
      units: [team({ el: 'ana' })],
      seats: [{ unit: 'storage', seat: 'TECH_LEAD', person: 'dee', to: '2026-03-31' }],
      memberships: [{ unit: 'storage', person: 'dee', to: '2026-02-28' }],
    };
    const days = ['2026-02-28', '2026-03-01', '2026-03-31', '2026-04-01'];
    expect(daysWith(spec, 'TECH_LEAD_OFF_TEAM', days)).toEqual(['2026-03-01', '2026-03-31']);
  });

  it('says who is off which team', () => {
    const { state } = buildState({ units: [team({ el: 'ana', tl: 'dee' })] });
    const [found] = findingsFor(state, null, defaultThresholds, { kinds: ['TECH_LEAD_OFF_TEAM'] });
    expect(found).toMatchObject({
      seat: null,
      message: 'Dee, Tech Lead of Storage, is not a member of that team.',
    });
  });
});

describe('TECH_LEAD_REPORTS_ELSEWHERE', () => {
  const members = ['dee'];
  it.each<[string, OrgSpec, string[]]>([
    [
      'a Tech Lead reporting to someone else',
      { people: reportsTo('bo', 'dee'), units: [team({ el: 'ana', tl: 'dee', members })] },
      ['LOW TECH_LEAD_REPORTS_ELSEWHERE storage dee'],
    ],
    [
      'a Tech Lead reporting to no one',
      { units: [team({ el: 'ana', tl: 'dee', members })] },
      ['LOW TECH_LEAD_REPORTS_ELSEWHERE storage dee'],
    ],
    [
      'a Tech Lead reporting to the Eng Lead',
      { people: reportsTo('ana', 'dee'), units: [team({ el: 'ana', tl: 'dee', members })] },
      [],
    ],
    [
      'no Eng Lead to report to (VACANT_SEAT says so)',
      { people: reportsTo('bo', 'dee'), units: [team({ tl: 'dee', members })] },
      [],
    ],
    [
      'a TLM Team',
      { people: reportsTo('bo', 'ana'), units: [team({ el: 'ana', tl: 'ana', members })] },
      [],
    ],
    [
      'an Area Tech Lead reporting elsewhere',
      {
        people: reportsTo('bo', 'dee'),
        units: [{ slug: 'infra', layer: 'AREA', el: 'ana', tl: 'dee' }],
      },
      [],
    ],
  ])('%s', (_, spec, expected) => {
    expect(lines(spec, ['TECH_LEAD_REPORTS_ELSEWHERE'])).toEqual(expected);
  });

  it('starts with the new Eng Lead the Tech Lead does not report to', () => {
    const spec: OrgSpec = {
      people: reportsTo('ana', 'dee'),
      units: [team({ tl: 'dee', members })],
      seats: [
        { unit: 'storage', seat: 'ENG_LEAD', person: 'ana', to: '2026-04-30' },
        { unit: 'storage', seat: 'ENG_LEAD', person: 'bo', from: '2026-05-01' },
      ],
    };
    const days = ['2026-04-30', '2026-05-01'];
    expect(daysWith(spec, 'TECH_LEAD_REPORTS_ELSEWHERE', days)).toEqual(['2026-05-01']);
    const { state } = buildState(spec);
    expect(findingsFor(state, null, defaultThresholds)).toContainEqual(
      expect.objectContaining({
        message: 'Dee, Tech Lead of Storage, reports to Ana, not to its Eng Lead Bo.',
      }),
    );
  });
});

describe('WIDE_SPAN (more than the span limit of direct reports)', () => {
  it.each<[string, OrgSpec, string[]]>([
    [
      '11 reports: on the unit where the manager holds a seat',
      { people: reportsTo('ana', ...crew('e', 11)), units: [team({ el: 'ana' })] },
      ['MEDIUM WIDE_SPAN storage ana'],
    ],
    [
      '10 reports',
      { people: reportsTo('ana', ...crew('e', 10)), units: [team({ el: 'ana' })] },
      [],
    ],
    [
      '11 reports, one departed',
      {
        people: [
          ...reportsTo('ana', ...crew('e', 10)),
          { key: 'gone', manager: 'ana', departedOn: '2026-01-01' },
        ],
        units: [team({ el: 'ana' })],
      },
      [],
    ],
    [
      'the highest-layer seat places it',
      {
        people: reportsTo('ana', ...crew('e', 11)),
        units: [team({ el: 'ana' }), { slug: 'infra', layer: 'AREA', tl: 'ana' }],
      },
      ['MEDIUM WIDE_SPAN infra ana'],
    ],
    [
      'no seat: on their own team',
      {
        people: reportsTo('ana', ...crew('e', 11)),
        units: [team({ members: ['ana'] }), { slug: 'web', layer: 'TEAM', members: ['e1'] }],
      },
      ['MEDIUM WIDE_SPAN storage ana'],
    ],
    [
      "no seat, no team: on the first of the reports' teams",
      {
        people: reportsTo('ana', ...crew('e', 11)),
        units: [team({ members: ['e2'] }), { slug: 'api', layer: 'TEAM', members: ['e1'] }],
      },
      ['MEDIUM WIDE_SPAN api ana'],
    ],
    [
      'a departed manager',
      {
        people: [{ key: 'ana', departedOn: '2026-01-01' }, ...reportsTo('ana', ...crew('e', 11))],
        units: [team({ members: ['e1'] })],
      },
      [],
    ],
  ])('%s', (_, spec, expected) => {
    expect(lines(spec, ['WIDE_SPAN'])).toEqual(expected);
  });

  it('follows the policy: a span limit of 8', () => {
    const spec = { people: reportsTo('ana', ...crew('e', 9)), units: [team({ el: 'ana' })] };
    expect(lines(spec, ['WIDE_SPAN'])).toEqual([]);
    expect(lines(spec, ['WIDE_SPAN'], { ...defaultThresholds, spanLimit: 8 })).toEqual([
      'MEDIUM WIDE_SPAN storage ana',
    ]);
    const { state } = buildState(spec);
    const policy = { ...defaultThresholds, spanLimit: 8 };
    expect(findingsFor(state, null, policy, { kinds: ['WIDE_SPAN'] })[0]?.message).toBe(
      'Ana has 9 direct reports, more than the span limit of 8.',
    );
  });

  it('stops on the day a report leaves', () => {
    const spec: OrgSpec = {
      people: [
        ...reportsTo('ana', ...crew('e', 10)),
        { key: 'gone', manager: 'ana', departedOn: '2026-03-01' },
      ],
      units: [team({ el: 'ana' })],
    };
    expect(daysWith(spec, 'WIDE_SPAN', ['2026-02-28', '2026-03-01'])).toEqual(['2026-02-28']);
  });
});

describe('LONG_ACTING (an acting holder for more than 90 days)', () => {
  const acting = (
    days: number,
    more: { acting?: boolean; seat?: 'ENG_LEAD' | 'TECH_LEAD' } = {},
  ) => ({
    units: [team({ members: ['ana'] })],
    seats: [
      {
        unit: 'storage',
        seat: more.seat ?? 'ENG_LEAD',
        person: 'ana',
        from: addDays(TODAY, -days),
        acting: more.acting ?? true,
      },
    ],
  });
  it.each<[string, OrgSpec, string[]]>([
    ['acting for 90 days', acting(90), []],
    ['acting for 91 days', acting(91), ['MEDIUM LONG_ACTING storage ENG_LEAD ana']],
    [
      'an acting Tech Lead for 200 days',
      acting(200, { seat: 'TECH_LEAD' }),
      ['MEDIUM LONG_ACTING storage TECH_LEAD ana'],
    ],
    ['a permanent holder for 400 days', acting(400, { acting: false }), []],
  ])('%s', (_, spec, expected) => {
    expect(lines(spec, ['LONG_ACTING'])).toEqual(expected);
  });

  it('starts on the 91st day of acting and stops when the seat is filled for good', () => {
    const spec: OrgSpec = {
      units: [team()],
      seats: [
        {
          unit: 'storage',
          seat: 'ENG_LEAD',
          person: 'ana',
          from: '2026-01-01',
          to: '2026-05-31',
          acting: true,
        },
        { unit: 'storage', seat: 'ENG_LEAD', person: 'ana', from: '2026-06-01' },
      ],
    };
    const days = ['2026-04-01', '2026-04-02', '2026-05-31', '2026-06-01'];
    expect(daysWith(spec, 'LONG_ACTING', days)).toEqual(['2026-04-02', '2026-05-31']);
  });

  it('counts one interim extended by a new acting row from the next day as one; another holder starts again', () => {
    const stint = (person: string, from: Day, to?: Day) =>
      ({ unit: 'storage', seat: 'ENG_LEAD', person, from, to, acting: true }) as const;
    const extended: OrgSpec = {
      units: [team()],
      seats: [stint('ana', '2026-01-01', '2026-01-31'), stint('ana', '2026-02-01')],
    };
    // Ana's 91st day acting, though her second row is 60 days old.
    expect(daysWith(extended, 'LONG_ACTING', ['2026-04-01', '2026-04-02'])).toEqual(['2026-04-02']);
    const { state } = buildState(extended, '2026-04-02');
    expect(
      findingsFor(state, null, defaultThresholds, { kinds: ['LONG_ACTING'] })[0]?.message,
    ).toBe(
      'Ana has been acting Eng Lead of Storage for 91 days (since 2026-01-01); the policy allows 90.',
    );
    const handedOver: OrgSpec = {
      units: [team()],
      seats: [stint('ana', '2026-01-01', '2026-01-31'), stint('bo', '2026-02-01')],
    };
    expect(daysWith(handedOver, 'LONG_ACTING', ['2026-04-02', '2026-05-02', '2026-05-03'])).toEqual(
      ['2026-05-03'],
    );
    const gap: OrgSpec = {
      units: [team()],
      seats: [stint('ana', '2026-01-01', '2026-01-30'), stint('ana', '2026-02-01')],
    };
    expect(daysWith(gap, 'LONG_ACTING', ['2026-04-02', '2026-05-02', '2026-05-03'])).toEqual([
      '2026-05-03',
    ]);
  });

  it('says how long, and what the policy allows', () => {
    const { state } = buildState(acting(120));
    const policy = { ...defaultThresholds, actingDays: 100 };
    expect(findingsFor(state, null, policy, { kinds: ['LONG_ACTING'] })[0]?.message).toBe(
      'Ana has been acting Eng Lead of Storage for 120 days (since 2026-02-01); the policy allows 100.',
    );
  });
});

describe('the policy’s word on kinds', () => {
  const spec: OrgSpec = {
    people: reportsTo('bo', 'dee'),
    units: [team({ el: 'ana', tl: 'dee' })],
  };
  const kinds: FindingKind[] = ['TECH_LEAD_OFF_TEAM', 'TECH_LEAD_REPORTS_ELSEWHERE'];

  it('turns a kind off and overrides a severity, before minSeverity filters', () => {
    const policy: Thresholds = {
      ...defaultThresholds,
      kinds: {
        TECH_LEAD_OFF_TEAM: { severity: null, off: true },
        TECH_LEAD_REPORTS_ELSEWHERE: { severity: 'HIGH', off: false },
      },
    };
    expect(lines(spec, kinds)).toEqual([
      'MEDIUM TECH_LEAD_OFF_TEAM storage dee',
      'LOW TECH_LEAD_REPORTS_ELSEWHERE storage dee',
    ]);
    expect(lines(spec, kinds, policy)).toEqual(['HIGH TECH_LEAD_REPORTS_ELSEWHERE storage dee']);
    const { state } = buildState(spec);
    expect(findingsFor(state, null, policy, { minSeverity: 'HIGH', kinds }).length).toBe(1);
  });
});
