import { describe, expect, it } from 'vitest';
import { useTestOrg } from '../helpers/test-org.js';

// Two imports racing on a real server must not interleave half-documents: whichever runs
// second sees the first one whole, so the seat and the AoR end up from the same document.
// Each round starts from a third holder, so that the serial outcome is one whatever the
// order: b's document (the later since) replaces a's holder, and a's, second, is refused.
// (A document restating a holder who already holds the seat is already so on its day,
// whatever is planned after: imports.md. Rounds that began with a’s holder made the
// order matter, and the test failed on a busy machine without any interleaving.)
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
const takeover = (who: 'a' | 'b' | 'x', since: string) => ({
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
    for (let round = 0; round < 6; round++) {
      const day = (n: number) => `2027-01-${String(10 + round * 3 + n).padStart(2, '0')}`;
      const reset = await t.gql(IMPORT, { d: takeover('x', day(0)) });
      expect(reset.data?.importOrg.userErrors).toEqual([]);
      const results = await Promise.all([
        t.gql(IMPORT, { d: takeover('a', day(1)) }),
        t.gql(IMPORT, { d: takeover('b', day(2)) }),
      ]);
      // Each import is applied whole or refused whole (a's since before b's start); b's
      // always applies.
      expect(results.every((r) => r.errors === undefined)).toBe(true);
      expect(results[1]?.data?.importOrg.userErrors).toEqual([]);
      const { unit } = await t.data(`{ unit(slug: "db") {
        techLead: coverage(asOf: "2027-02-01") { techLead { holder { email } } }
        members { email } aors { primaryOwner { email } }
      } }`);
      expect(unit.techLead.techLead.holder.email).toBe('b@example.com');
      expect(unit.aors[0].primaryOwner.email).toBe('b@example.com');
      expect(unit.members.map((m: { email: string }) => m.email)).toContain('b@example.com');
    }
  });
});
