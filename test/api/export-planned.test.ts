import { describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { specDocument } from '../orgdoc/fixtures.js';

/**
 * A document states how the org stands on the import's day. While changes are recorded for
 * later days, an export of today imported again is already so: it changes nothing, refuses
 * nothing, and leaves the plan as it was.
 */
const t = useTestOrg(specDocument());

const AREA =
  'createUnit(input: { slug: "infra2", name: "Infra 2", layer: AREA, parent: "platform" })';
const PLANNED: Record<string, string[]> = {
  'a new Tech Lead': [
    'assignSeat(input: { unit: "storage", seat: TECH_LEAD, person: "eli@example.com", startedOn: "2027-01-10" })',
  ],
  'a seat left empty': [
    'vacateSeat(input: { unit: "platform", seat: TECH_LEAD, on: "2027-01-16" })',
  ],
  'a member leaving the team': [
    'setTeam(input: { email: "dee@example.com", team: null, on: "2027-01-11" })',
  ],
  'a new AoR owner': [
    'setAorOwner(input: { aor: "blob-store", person: "bo@example.com", on: "2027-01-12" })',
  ],
  'a backup removed': [
    'removeAorBackup(input: { aor: "blob-store", person: "eli@example.com", on: "2027-01-13" })',
  ],
  'a new manager': [
    'setManager(input: { email: "eli@example.com", manager: "bo@example.com", on: "2027-01-14" })',
  ],
  'a unit moved': [
    AREA,
    'moveUnit(input: { slug: "storage", parent: "infra2", on: "2027-01-15" })',
  ],
  'a unit archived, its holder and member until then': [
    'createUnit(input: { slug: "spare-team", name: "Spare team", layer: TEAM, parent: "infra" })',
    'assignSeat(input: { unit: "spare-team", seat: ENG_LEAD, person: "bo@example.com" })',
    'setTeam(input: { email: "cy@example.com", team: "spare-team" })',
    'vacateSeat(input: { unit: "spare-team", seat: ENG_LEAD, on: "2027-01-21" })',
    'setTeam(input: { email: "cy@example.com", team: null, on: "2027-01-21" })',
    'archiveUnit(input: { slug: "spare-team", on: "2027-01-21" })',
  ],
  'an AoR retired': [
    'createAor(input: { slug: "spare-aor", name: "Spare", unit: "storage", owner: "ana@example.com", backups: ["eli@example.com"] })',
    'retireAor(input: { slug: "spare-aor", on: "2027-01-22" })',
  ],
  'an AoR moved': ['moveAor(input: { slug: "blob-store", unit: "platform", on: "2027-01-18" })'],
  'a unit archived': [
    'createUnit(input: { slug: "spare", name: "Spare", layer: AREA, parent: "platform" })',
    'archiveUnit(input: { slug: "spare", on: "2027-01-20" })',
  ],
  'a candidacy ended': [
    'removeCandidate(input: { unit: "storage", seat: TECH_LEAD, person: "eli@example.com", on: "2027-01-17" })',
  ],
  // What only starts later, where nothing is so today (the document would state it as of today).
  'a first owner of an AoR': [
    'createAor(input: { slug: "ownerless", name: "Ownerless", unit: "storage" })',
    'setAorOwner(input: { aor: "ownerless", person: "ana@example.com", on: "2027-01-12" })',
  ],
  'a backup added': [
    'addAorBackup(input: { aor: "blob-store", person: "cy@example.com", on: "2027-01-12" })',
  ],
  'a candidacy added': [
    'addCandidate(input: { unit: "platform", seat: ENG_LEAD, person: "ana@example.com", readiness: READY_NOW, on: "2027-01-05" })',
  ],
  'a first team': [
    'setTeam(input: { email: "ana@example.com", team: "storage", on: "2027-01-11" })',
  ],
  // An empty seat's planned holders, written `since` their first day.
  'two holders one after the other': [
    'assignSeat(input: { unit: "infra", seat: ENG_LEAD, person: "bo@example.com", startedOn: "2027-01-10" })',
    'assignSeat(input: { unit: "infra", seat: ENG_LEAD, person: "ana@example.com", startedOn: "2027-02-10" })',
  ],
  'a holder and the seat left empty': [
    'assignSeat(input: { unit: "infra", seat: TECH_LEAD, person: "cy@example.com", startedOn: "2027-01-10" })',
    'vacateSeat(input: { unit: "infra", seat: TECH_LEAD, on: "2027-02-10" })',
  ],
};

const COUNTS = 'people units seatAssignments memberships aors aorOwnerships candidates openRoles';
const IMPORT = `mutation ($d: JSONObject!) { importOrg(document: $d) {
  userErrors { path message } created { ${COUNTS} } updated { ${COUNTS} } } }`;
const zero = Object.fromEntries(COUNTS.split(' ').map((k) => [k, 0]));

async function plan(writes: string[]) {
  for (const write of writes) {
    const answer = await t.data(`mutation { ${write} { userErrors { path message } } }`);
    expect(Object.values(answer)[0], write).toEqual({ userErrors: [] });
  }
}

/** What the org looks like on the planned days: the plan must be left as it was. */
const LATER = `{ unit(slug: "storage", asOf: "2027-02-01") { parent { slug } techLead { email }
  members { email } } platform: unit(slug: "platform", asOf: "2027-02-01") { techLead { email } }
  aors(asOf: "2027-02-01") { nodes { slug unit { slug } primaryOwner { email } backupOwners { email } } }
  person(email: "eli@example.com", asOf: "2027-02-01") { manager { email } }
  ana: person(email: "ana@example.com", asOf: "2027-02-01") { team { slug }
    candidacies { unit { slug } seat readiness } }
  infra: unit(slug: "infra", asOf: "2027-02-15") { engLead { email } techLead { email } } }`;

describe('an export imported again while changes are planned', () => {
  it.each(Object.entries(PLANNED))('%s: changes nothing', async (_, writes) => {
    await plan(writes);
    const { exportOrg } = await t.data('{ exportOrg }');
    const later = await t.data(LATER);
    const { importOrg } = await t.data(IMPORT, { d: exportOrg });
    expect(importOrg).toEqual({ userErrors: [], created: zero, updated: zero });
    expect(await t.data('{ exportOrg }')).toEqual({ exportOrg });
    expect(await t.data(LATER)).toEqual(later);
  });

  it('all of them at once: changes nothing', async () => {
    // Eli's candidacy ends anyway when she takes the Tech Lead seat.
    const { 'a candidacy ended': _, ...together } = PLANNED;
    await plan(Object.values(together).flat());
    const { exportOrg } = await t.data('{ exportOrg }');
    const later = await t.data(LATER);
    const { importOrg } = await t.data(IMPORT, { d: exportOrg });
    expect(importOrg).toEqual({ userErrors: [], created: zero, updated: zero });
    expect(await t.data(LATER)).toEqual(later);
  });
});

/** Today's org, as the export states it: leads, members, owners and the bench. */
const TODAY = `{ coverage { benchStrength }
  units(first: 100) { nodes { slug engLead { email } techLead { email } members { email } } }
  aors(first: 100) { nodes { slug primaryOwner { email } backupOwners { email } } }
  successionBench { unit { slug } seat holder { email } readyNowCount
    candidates { readyNow { email } readySoon { email } readyLater { email } } } }`;

describe('an export imported into an empty org while changes are planned', () => {
  it('answers today as the org it came from', async () => {
    const { 'a candidacy ended': _, ...together } = PLANNED;
    await plan(Object.values(together).flat());
    const { exportOrg } = await t.data('{ exportOrg }');
    const elsewhere = await startTestApp({ org: exportOrg });
    expect(await elsewhere.data(TODAY)).toEqual(await t.data(TODAY));
    await elsewhere.close();
  });
});

describe('an export with several ENGINEER roles of one team, opened the same day', () => {
  it('imports again changing nothing, and elsewhere as that many roles', async () => {
    const open = 'openRole(input: { unit: "storage", seat: ENGINEER })';
    await plan([open, open, open]);
    const { exportOrg } = await t.data('{ exportOrg }');
    const engineers = (org: { openRoles: { seat: string }[] }) =>
      org.openRoles.filter((r) => r.seat === 'ENGINEER').length;
    expect(engineers(exportOrg)).toBe(3);
    const { importOrg } = await t.data(IMPORT, { d: exportOrg });
    expect(importOrg).toEqual({ userErrors: [], created: zero, updated: zero });
    const elsewhere = await startTestApp({ org: exportOrg });
    const roles = await elsewhere.data(
      '{ openRoles(scope: "storage", status: OPEN) { nodes { seat } } }',
    );
    expect(
      roles.openRoles.nodes.filter((r: { seat: string }) => r.seat === 'ENGINEER'),
    ).toHaveLength(3);
    await elsewhere.close();
  });
});

describe('an export while roles are filled or cancelled from a later day', () => {
  it('states them open, as they are today: here that changes nothing, elsewhere they are open', async () => {
    // Left out, they were filled or cancelled at once in the org made from the export: its
    // seats were no longer hiring and their findings were a step more severe.
    const OPEN = `{ openRoles(status: OPEN) { nodes { id unit { slug } seat } }
      unit(slug: "infra") { coverage { hiring } } }`;
    await plan(['openRole(input: { unit: "storage", seat: ENGINEER })']);
    const before = (await t.data(OPEN)).openRoles.nodes as { id: string; seat: string }[];
    const [roleId, engineerId] = ['TECH_LEAD', 'ENGINEER'].map(
      (seat) => before.find((r) => r.seat === seat)?.id,
    );
    await plan([
      `cancelRole(input: { id: "${roleId}", on: "2027-01-01" })`,
      `fillRole(input: { id: "${engineerId}", on: "2027-01-01" })`,
    ]);
    const { exportOrg } = await t.data('{ exportOrg }');
    expect(exportOrg.openRoles).toHaveLength(2);
    const { importOrg } = await t.data(IMPORT, { d: exportOrg });
    expect(importOrg).toEqual({ userErrors: [], created: zero, updated: zero });
    const elsewhere = await startTestApp({ org: exportOrg });
    const shape = (answer: Record<string, any>) => ({
      roles: answer.openRoles.nodes.map((r: { unit: { slug: string }; seat: string }) => [
        r.unit.slug,
        r.seat,
      ]),
      hiring: answer.unit.coverage.hiring,
    });
    expect(shape(await elsewhere.data(OPEN))).toEqual(shape(await t.data(OPEN)));
    expect(shape(await t.data(OPEN)).hiring).toBe(true);
    await elsewhere.close();
  });
});

describe('an export while a role opening later is closed the day it opens', () => {
  it('leaves it out: never open, here that changes nothing, elsewhere none opens', async () => {
    // Stated OPEN, it was refused on import here ("a document does not reopen a closed
    // role") and opened elsewhere a role the org never had open.
    const ROLES = `{ openRoles(scope: "storage", asOf: "2027-01-20") { nodes { id seat status } } }`;
    const open = 'openRole(input: { unit: "storage", seat: ENGINEER, openedOn: "2027-01-10" })';
    await plan([open, open, open]);
    const ids = (await t.data(ROLES)).openRoles.nodes.map((r: { id: string }) => r.id);
    await plan([
      `cancelRole(input: { id: "${ids[0]}", on: "2027-01-10" })`,
      `fillRole(input: { id: "${ids[1]}", on: "2027-01-10" })`,
    ]);
    const { exportOrg } = await t.data('{ exportOrg }');
    const engineers = exportOrg.openRoles.filter((r: { seat: string }) => r.seat === 'ENGINEER');
    expect(engineers).toEqual([
      { unit: 'storage', seat: 'ENGINEER', status: 'OPEN', openedOn: '2027-01-10' },
    ]);
    const { importOrg } = await t.data(IMPORT, { d: exportOrg });
    expect(importOrg).toEqual({ userErrors: [], created: zero, updated: zero });
    const elsewhere = await startTestApp({ org: exportOrg });
    const statuses = (answer: { openRoles: { nodes: { seat: string; status: string }[] } }) =>
      answer.openRoles.nodes.filter((r) => r.seat === 'ENGINEER' && r.status === 'OPEN').length;
    expect(statuses(await elsewhere.data(ROLES))).toBe(statuses(await t.data(ROLES)));
    await elsewhere.close();
  });
});

describe('an entry stating today what is recorded for a later day', () => {
  const ERRORS = `mutation ($d: JSONObject!) { importOrg(document: $d) {
    userErrors { path message code } } }`;
  const refusal = (path: string, message: string) => [{ path, message, code: 'VALIDATION' }];

  it.each([
    [
      'a parent',
      [AREA, 'moveUnit(input: { slug: "storage", parent: "infra2", on: "2027-01-15" })'],
      { units: [{ slug: 'storage', name: 'Storage', layer: 'TEAM', parent: 'infra2' }] },
      refusal(
        'units[0].parent',
        'a move to "infra2" is recorded for 2027-01-15; a change from 2026-11-23 must not come before it',
      ),
    ],
    [
      'a manager',
      [
        'setManager(input: { email: "cy@example.com", manager: "ana@example.com", on: "2027-01-14" })',
      ],
      { people: [{ email: 'cy@example.com', name: 'Cy Park', manager: 'ana@example.com' }] },
      refusal(
        'people[0].manager',
        'a change of manager to "ana@example.com" is recorded for 2027-01-14; a change from 2026-11-23 must not come before it',
      ),
    ],
    [
      'an AoR owner',
      ['setAorOwner(input: { aor: "blob-store", person: "bo@example.com", on: "2027-01-12" })'],
      {
        aors: [
          { slug: 'blob-store', name: 'Blob store', unit: 'storage', owner: 'bo@example.com' },
        ],
      },
      refusal(
        'aors[0].owner',
        'bo@example.com owns blob-store from 2027-01-12; a change from 2026-11-23 must not come before that',
      ),
    ],
    [
      'another AoR owner',
      ['setAorOwner(input: { aor: "blob-store", person: "bo@example.com", on: "2027-01-12" })'],
      {
        aors: [
          { slug: 'blob-store', name: 'Blob store', unit: 'storage', owner: 'cy@example.com' },
        ],
      },
      refusal(
        'aors[0].owner',
        'bo@example.com owns blob-store from 2027-01-12; a change from 2026-11-23 must not come before that',
      ),
    ],
    [
      'an AoR backup',
      ['addAorBackup(input: { aor: "blob-store", person: "cy@example.com", on: "2027-01-12" })'],
      {
        aors: [
          {
            slug: 'blob-store',
            name: 'Blob store',
            unit: 'storage',
            backups: ['eli@example.com', 'ana@example.com', 'cy@example.com'],
          },
        ],
      },
      refusal(
        'aors[0].backups[2]',
        'cy@example.com is a backup of blob-store from 2027-01-12; a change from 2026-11-23 must not come before that',
      ),
    ],
  ])(
    '%s: refused at the document’s field, naming the recorded change',
    async (_, writes, document, errors) => {
      await plan(writes);
      const later = await t.data(LATER);
      const { importOrg } = await t.data(ERRORS, { d: document });
      expect(importOrg.userErrors).toEqual(errors);
      expect(await t.data(LATER)).toEqual(later);
    },
  );
});
