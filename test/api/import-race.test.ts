import { describe, expect, it } from 'vitest';
import { useTestOrg } from '../helpers/test-org.js';

// Two imports racing on a real server must not interleave half-documents: whichever runs
// second sees the first one whole, so the seat and the AoR end up from the same document.
const IMPORT =
  'mutation ($d: JSONObject!) { importOrg(document: $d) { userErrors { path message code } } }';

const people = ['a', 'b', 'x'].map((p) => ({ email: `${p}@example.com`, name: p.toUpperCase() }));
const base = {
  people,
  units: [
    { slug: 'core', name: 'Core', layer: 'PILLAR' },
    { slug: 'infra', name: 'Infra', layer: 'AREA', parent: 'core' },
    { slug: 'db', name: 'Databases', layer: 'TEAM', parent: 'infra', techLead: 'x@example.com' },
  ],
  aors: [{ slug: 'ledger', name: 'Ledger', unit: 'db', owner: 'x@example.com' }],
};

/** One document's take on the team: its Tech Lead and the AoR owner are the same person. */
const takeover = (who: 'a' | 'b', since: string) => ({
  units: [
    {
      slug: 'db',
      name: 'Databases',
      layer: 'TEAM',
      parent: 'infra',
      techLead: { person: `${who}@example.com`, since },
      members: [`${who}@example.com`],
    },
  ],
  aors: [{ slug: 'ledger', name: 'Ledger', unit: 'db', owner: `${who}@example.com` }],
});

const t = useTestOrg(base);

describe.runIf(process.env.DATABASE_URL)('racing imports on PostgreSQL', () => {
  it('apply one whole document after the other', async () => {
    for (let round = 0; round < 5; round++) {
      const day = (n: number) => `2027-01-${String(10 + round * 2 + n).padStart(2, '0')}`;
      const results = await Promise.all([
        t.gql(IMPORT, { d: takeover('a', day(0)) }),
        t.gql(IMPORT, { d: takeover('b', day(1)) }),
      ]);
      // Each import is applied whole or refused whole (a later since than b's start); at
      // least one always applies.
      const applied = results.filter((r) => r.data?.importOrg.userErrors.length === 0);
      expect(results.every((r) => r.errors === undefined)).toBe(true);
      expect(applied.length).toBeGreaterThanOrEqual(1);
      const { unit } = await t.data(`{ unit(slug: "db") {
        techLead: coverage(asOf: "2027-02-01") { techLead { holder { email } } }
        members { email } aors { primaryOwner { email } }
      } }`);
      const lead = unit.techLead.techLead.holder.email;
      expect(unit.aors[0].primaryOwner.email).toBe(lead);
      expect(unit.members.map((m: { email: string }) => m.email)).toContain(lead);
    }
  });
});
