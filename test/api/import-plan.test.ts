import { describe, expect, it } from 'vitest';
import { useTestOrg } from '../helpers/test-org.js';

// importOrg(dryRun: true): the full validation, then the plan, writing nothing; the real
// import then does exactly what was planned.
const person = (email: string, name: string, title?: string) => ({ email, name, title });
const ORG = {
  people: [
    person('ana@corp.test', 'Ana Ruiz', 'Engineering Manager'),
    person('dee@corp.test', 'Dee Okafor', 'Tech Lead'),
    person('eli@corp.test', 'Eli Stone', 'Engineer'),
    person('jane@corp.test', 'Jane Roe', 'Engineer'),
  ],
  units: [
    { slug: 'platform', name: 'Platform', layer: 'PILLAR' },
    { slug: 'infra', name: 'Infrastructure', layer: 'AREA', parent: 'platform' },
    {
      slug: 'storage',
      name: 'Storage',
      layer: 'TEAM',
      parent: 'infra',
      engLead: { person: 'ana@corp.test', since: '2025-01-06' },
      techLead: { person: 'dee@corp.test', since: '2025-01-06' },
      members: ['dee@corp.test', 'eli@corp.test', 'jane@corp.test'],
    },
    { slug: 'compute', name: 'Compute', layer: 'TEAM', parent: 'infra' },
  ],
};
const CHANGED = {
  people: [person('jane@corp.test', 'Jane Roe', 'Tech Lead')],
  units: [
    {
      slug: 'storage',
      name: 'Storage',
      layer: 'TEAM',
      parent: 'infra',
      techLead: 'jane@corp.test',
    },
    {
      slug: 'compute',
      name: 'Compute',
      layer: 'TEAM',
      parent: 'infra',
      members: ['eli@corp.test'],
    },
    { slug: 'network', name: 'Network', layer: 'TEAM', parent: 'infra' },
  ],
};

const IMPORT = `mutation ($d: JSONObject!, $dry: Boolean) { importOrg(document: $d, dryRun: $dry) {
  plan { action kind key fields summary }
  created { people units seatAssignments memberships } updated { people seatAssignments memberships }
  unchanged { people units }
  userErrors { path message }
} }`;

// Each test on its own copy of ORG.
const t = useTestOrg(ORG);

/** Everything an import could change, and the audit log. */
const state = async () => ({
  org: (await t.data('{ exportOrg }')).exportOrg,
  changes: await t.changeCount(),
});
const importOrg = async (document: unknown, dry: boolean) =>
  (await t.data(IMPORT, { d: document, dry })).importOrg;

describe('importOrg(dryRun: true)', () => {
  it('answers the plan and the counts, and writes nothing', async () => {
    const before = await state();
    const dry = await importOrg(CHANGED, true);
    expect(dry.userErrors).toEqual([]);
    // Table by table, as they are saved: people, units, seats, memberships.
    expect(dry.plan.map((c: { summary: string }) => c.summary)).toEqual([
      'update jane@corp.test title: "Engineer" → "Tech Lead"',
      'create team network (parent infra)',
      'create seat storage TECH_LEAD held by jane@corp.test from 2026-11-23',
      'end storage TECH_LEAD held by dee@corp.test',
      'move eli@corp.test storage → compute',
    ]);
    expect(dry.plan).toContainEqual({
      action: 'MOVE',
      kind: 'membership',
      key: 'eli@corp.test',
      fields: ['team'],
      summary: 'move eli@corp.test storage → compute',
    });
    expect(dry.plan).toContainEqual(
      expect.objectContaining({
        action: 'END',
        kind: 'seat',
        key: 'storage TECH_LEAD',
        fields: ['endedOn'],
      }),
    );
    expect(dry.created).toEqual({ people: 0, units: 1, seatAssignments: 1, memberships: 1 });
    expect(dry.updated).toEqual({ people: 1, seatAssignments: 1, memberships: 1 });
    expect(dry.unchanged).toEqual({ people: 0, units: 2 });
    expect(await state()).toEqual(before);
  });

  it('is what the import then does, and then there is nothing left to plan', async () => {
    const dry = await importOrg(CHANGED, true);
    const real = await importOrg(CHANGED, false);
    expect(real).toEqual(dry);
    const { org } = await state();
    expect(org.people.find((p: { email: string }) => p.email === 'jane@corp.test').title).toBe(
      'Tech Lead',
    );
    const compute = org.units.find((u: { slug: string }) => u.slug === 'compute');
    expect(compute.members).toEqual(['eli@corp.test']);
    const again = await importOrg(CHANGED, true);
    expect(again.plan).toEqual([]);
    expect(again.created).toEqual({ people: 0, units: 0, seatAssignments: 0, memberships: 0 });
  });

  it('refuses a bad document by path with an empty plan, writing nothing', async () => {
    const before = await state();
    const bad = { units: [{ slug: 'web', name: 'Web', layer: 'TEAM', parent: 'infr' }] };
    const dry = await importOrg(bad, true);
    expect(dry.userErrors).toEqual([{ path: 'units[0].parent', message: 'unknown unit "infr"' }]);
    expect(dry.plan).toEqual([]);
    expect(await state()).toEqual(before);
  });
});
