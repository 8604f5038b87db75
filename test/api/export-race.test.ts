import { describe, expect, it } from 'vitest';
import { platformWithStorage, useTestOrg } from '../helpers/test-org.js';

/**
 * An export is the org as it stands at one moment: read while departures commit, each
 * export states every person it lists on their team — never a person kept but their team
 * membership already ended (the two end in one transaction), nor a member who is not listed.
 */
const PEOPLE = 30;
const email = (i: number) => `p${i}@example.com`;
const t = useTestOrg({
  people: Array.from({ length: PEOPLE }, (_, i) => ({ email: email(i), name: `P ${i}` })),
  units: platformWithStorage({
    engLead: email(0),
    techLead: email(1),
    members: Array.from({ length: PEOPLE }, (_, i) => email(i)),
  }),
});

const DEPART = `mutation ($email: String!) {
  recordDeparture(input: { email: $email }) { userErrors { code } }
}`;

interface Exported {
  people: { email: string }[];
  units: { slug: string; members?: string[] }[];
}

describe('exportOrg while people leave', () => {
  it('never states a person without the team they are still on, nor a member it does not list', async () => {
    const departures = Array.from({ length: PEOPLE }, (_, i) => t.gql(DEPART, { email: email(i) }));
    const exports = Array.from({ length: PEOPLE }, () => t.data('{ exportOrg }'));
    const [, documents] = await Promise.all([Promise.all(departures), Promise.all(exports)]);
    for (const { exportOrg } of documents) {
      const document = exportOrg as Exported;
      const listed = document.people.map((p) => p.email).sort();
      const members = (document.units.find((u) => u.slug === 'storage')?.members ?? []).sort();
      expect(members).toEqual(listed);
    }
    const { exportOrg } = await t.data('{ exportOrg }');
    expect((exportOrg as Exported).people).toEqual([]);
  });
});
