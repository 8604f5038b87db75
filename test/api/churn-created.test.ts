import { describe, expect, it } from 'vitest';
import { CHANGES_QUERY, STATS_QUERY } from '../../src/cli/churn.js';
import { useTestOrg } from '../helpers/test-org.js';

// A new org built unit first, leads later: a unit created (createUnit, on the pinned today)
// before anything else was recorded begins its seats' vacancies that day. The org's history
// started at its first seat, membership or role, so churn counted nothing before the first
// fill (and lost that fill): "a unit created with an empty seat begins one that day".
const TODAY = '2026-12-06';
const t = useTestOrg(undefined, {
  today: TODAY,
  setup: async (app) => {
    await app.data(`mutation {
      createUnit(input: { slug: "hs-p", name: "HS", layer: PILLAR }) { userErrors { message } }
      createPerson(input: { email: "hs-a@example.com", name: "A" }) { userErrors { message } }
    }`);
    const { assignSeat } = await app.data(`mutation {
      assignSeat(input: { unit: "hs-p", seat: ENG_LEAD, person: "hs-a@example.com",
        startedOn: "2027-03-01" }) { userErrors { message } }
    }`);
    expect(assignSeat.userErrors).toEqual([]);
  },
});

const stats = async (from: string, to: string) =>
  (await t.data(STATS_QUERY, { scope: 'hs-p', from, to })).seatVacancyStats.filter(
    (row: { layer: string }) => row.layer === 'PILLAR',
  );

describe('churn of a unit created before anything else was recorded', () => {
  it('counts its empty seats vacant from its creation, and their first fill', async () => {
    const { leadershipChanges } = await t.data(CHANGES_QUERY, {
      scope: 'hs-p',
      from: '2026-12-01',
      to: '2027-03-31',
    });
    expect(leadershipChanges.nodes).toMatchObject([
      { on: '2027-03-01', unit: { slug: 'hs-p' }, seat: 'ENG_LEAD', kind: 'FILLED', before: null },
    ]);
    const [eng, tech] = await stats('2026-12-01', '2027-03-31');
    // Vacant 2026-12-06 to 2027-02-28: 85 days; the Tech Lead seat still open on 03-31.
    expect(eng).toMatchObject({ began: 1, ended: 1, medianDaysVacant: 85, stillOpen: 0 });
    expect(tech).toMatchObject({ began: 1, ended: 0, stillOpen: 1, oldestOpenDays: 115 });
  });

  it("says the seats vacant since the unit's creation, as churn counts them", async () => {
    const { unit } = await t.data(`{ unit(slug: "hs-p", asOf: "2026-12-20") { coverage {
      engLead { vacantSince } techLead { vacantSince } } } }`);
    expect(unit.coverage).toEqual({
      engLead: { vacantSince: TODAY },
      techLead: { vacantSince: TODAY },
    });
  });

  it('a period after its creation finds the vacancy already open, begun before it', async () => {
    const [eng] = await stats('2026-12-07', '2026-12-31');
    expect(eng).toMatchObject({ began: 0, stillOpen: 1, oldestOpenDays: 25 });
  });
});
