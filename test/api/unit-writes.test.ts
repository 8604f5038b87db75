import { describe, expect, it } from 'vitest';
import { TODAY } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { expectRefusedAll, expectWritten } from '../helpers/writes.js';

const CREATE = `mutation ($input: CreateUnitInput!) {
  createUnit(input: $input) {
    unit { slug name layer charter parent { slug } archivedOn }
    userErrors { path message code }
  }
}`;
const UPDATE = `mutation ($input: UpdateUnitInput!) {
  updateUnit(input: $input) { unit { slug name charter } userErrors { path message code } }
}`;
const MOVE = `mutation ($input: MoveUnitInput!) {
  moveUnit(input: $input) { unit { slug parent { slug } } userErrors { path message code } }
}`;
const ARCHIVE = `mutation ($input: ArchiveUnitInput!) {
  archiveUnit(input: $input) {
    unit { slug archivedOn }
    endedCandidacies { person { email } seat endedOn }
    userErrors { path message code }
  }
}`;
const VACATE = `mutation ($input: VacateSeatInput!) {
  vacateSeat(input: $input) { userErrors { path code } }
}`;

const ORG = {
  people: [
    { email: 'ana@example.com', name: 'Ana' },
    { email: 'bo@example.com', name: 'Bo' },
    { email: 'cy@example.com', name: 'Cy' },
    { email: 'dee@example.com', name: 'Dee' },
  ],
  units: [
    { slug: 'core', name: 'Core', layer: 'PILLAR' },
    { slug: 'biz', name: 'Business', layer: 'PILLAR' },
    { slug: 'infra', name: 'Infra', layer: 'AREA', parent: 'core' },
    { slug: 'apps', name: 'Apps', layer: 'AREA', parent: 'core' },
    {
      slug: 'db',
      name: 'Databases',
      layer: 'TEAM',
      parent: 'infra',
      engLead: { person: 'ana@example.com', since: '2025-01-01' },
      members: ['bo@example.com'],
    },
    {
      slug: 'cache',
      name: 'Cache',
      layer: 'TEAM',
      parent: 'infra',
      engLead: { person: 'cy@example.com', since: '2025-01-01' },
    },
  ],
  aors: [{ slug: 'pg', name: 'PostgreSQL', unit: 'db', owner: 'bo@example.com' }],
  openRoles: [{ unit: 'db', seat: 'TECH_LEAD', status: 'OPEN', openedOn: '2026-09-01' }],
};

const t = useTestOrg(ORG);

describe('createUnit', () => {
  it('creates a unit under a parent of the right layer and audits it', async () => {
    const { createUnit } = await t.data(CREATE, {
      input: { slug: 'search', name: ' Search ', layer: 'TEAM', parent: 'apps', charter: 'Find.' },
    });
    expect(createUnit).toEqual({
      unit: {
        slug: 'search',
        name: 'Search',
        layer: 'TEAM',
        charter: 'Find.',
        parent: { slug: 'apps' },
        archivedOn: null,
      },
      userErrors: [],
    });
    const { unit, changes } = await t.data(`{
      unit(slug: "apps") { children { slug } }
      changes(unit: "search", first: 1) { nodes { operation after } }
    }`);
    expect(unit.children.map((c: { slug: string }) => c.slug)).toContain('search');
    expect(changes.nodes[0]).toMatchObject({ operation: 'createUnit', after: { slug: 'search' } });
  });

  it('creates a Pillar without a parent', async () => {
    const createUnit = await expectWritten(t, CREATE, {
      slug: 'data',
      name: 'Data',
      layer: 'PILLAR',
    });
    expect(createUnit.unit.parent).toBeNull();
    // Its coverage on a day before it existed is refused saying so.
    const before = await t.gql(
      '{ unit(slug: "data") { coverage(asOf: "2026-01-01") { status } } }',
    );
    expect(before.errors?.[0]).toMatchObject({
      message: `unit "data" is created on ${TODAY}: no coverage on 2026-01-01`,
      extensions: { code: 'NOT_FOUND', argument: 'asOf' },
    });
  });

  it('enforces the layer rules with INVALID_HIERARCHY at input.parent, writing nothing', async () => {
    await expectRefusedAll(t, CREATE, [
      [
        { slug: 'x1', name: 'X', layer: 'TEAM', parent: 'core' },
        'input.parent',
        'INVALID_HIERARCHY',
      ],
      [{ slug: 'x2', name: 'X', layer: 'TEAM' }, 'input.parent', 'INVALID_HIERARCHY'],
      [
        { slug: 'x3', name: 'X', layer: 'AREA', parent: 'infra' },
        'input.parent',
        'INVALID_HIERARCHY',
      ],
      [{ slug: 'x4', name: 'X', layer: 'AREA', parent: 'db' }, 'input.parent', 'INVALID_HIERARCHY'],
      [
        { slug: 'x5', name: 'X', layer: 'PILLAR', parent: 'core' },
        'input.parent',
        'INVALID_HIERARCHY',
      ],
    ]);
  });

  it('names every other bad field', async () => {
    await expectRefusedAll(t, CREATE, [
      [{ slug: 'Bad Slug', name: 'X', layer: 'PILLAR' }, 'input.slug', 'VALIDATION'],
      [{ slug: 'a'.repeat(65), name: 'X', layer: 'PILLAR' }, 'input.slug', 'VALIDATION'],
      [{ slug: 'ok', name: '  ', layer: 'PILLAR' }, 'input.name', 'VALIDATION'],
      [{ slug: 'ok', name: 'n'.repeat(201), layer: 'PILLAR' }, 'input.name', 'VALIDATION'],
      [{ slug: 'db', name: 'Again', layer: 'TEAM', parent: 'infra' }, 'input.slug', 'CONFLICT'],
      [{ slug: 'x6', name: 'X', layer: 'TEAM', parent: 'nope' }, 'input.parent', 'NOT_FOUND'],
    ]);
  });
});

describe('updateUnit', () => {
  it('renames and sets the charter, then clears it with null', async () => {
    const renamed = await t.data(UPDATE, {
      input: { slug: 'cache', name: 'Caching', charter: 'Keep it warm.' },
    });
    expect(renamed.updateUnit).toEqual({
      unit: { slug: 'cache', name: 'Caching', charter: 'Keep it warm.' },
      userErrors: [],
    });
    const cleared = await t.data(UPDATE, { input: { slug: 'cache', charter: null } });
    expect(cleared.updateUnit.unit).toEqual({ slug: 'cache', name: 'Caching', charter: null });
  });

  it('writes nothing when nothing changes', async () => {
    const before = await t.changeCount();
    await expectWritten(t, UPDATE, { slug: 'cache', name: 'Cache' });
    expect(await t.changeCount()).toBe(before);
  });

  it('refuses a missing unit and a null name', async () => {
    await expectRefusedAll(t, UPDATE, [
      [{ slug: 'nope', name: 'X' }, 'input.slug', 'NOT_FOUND'],
      [{ slug: 'cache', name: null }, 'input.name', 'VALIDATION'],
      [{ slug: 'cache', name: '' }, 'input.name', 'VALIDATION'],
    ]);
  });
});

describe('moveUnit', () => {
  it('re-parents a team under another area', async () => {
    const { moveUnit } = await t.data(MOVE, { input: { slug: 'cache', parent: 'apps' } });
    expect(moveUnit).toEqual({ unit: { slug: 'cache', parent: { slug: 'apps' } }, userErrors: [] });
    const { unit } = await t.data('{ unit(slug: "infra") { children { slug } } }');
    expect(unit.children).toEqual([{ slug: 'db' }]);
  });

  it('moves an area under another pillar, with its teams', async () => {
    await expectWritten(t, MOVE, { slug: 'cache', parent: 'apps' });
    const { moveUnit } = await t.data(MOVE, { input: { slug: 'apps', parent: 'biz' } });
    expect(moveUnit.unit.parent).toEqual({ slug: 'biz' });
    const { coverage } = await t.data(`{ coverage(scope: "biz") { byLayer { layer units } } }`);
    expect(coverage.byLayer).toEqual([
      { layer: 'PILLAR', units: 1 },
      { layer: 'AREA', units: 1 },
      { layer: 'TEAM', units: 1 },
    ]);
  });

  it('applies the layer rules and refuses unknown units', async () => {
    await expectRefusedAll(t, MOVE, [
      [{ slug: 'cache', parent: 'core' }, 'input.parent', 'INVALID_HIERARCHY'],
      [{ slug: 'cache', parent: 'db' }, 'input.parent', 'INVALID_HIERARCHY'],
      [{ slug: 'apps', parent: 'infra' }, 'input.parent', 'INVALID_HIERARCHY'],
      [{ slug: 'core', parent: 'biz' }, 'input.parent', 'INVALID_HIERARCHY'],
      [{ slug: 'nope', parent: 'infra' }, 'input.slug', 'NOT_FOUND'],
      [{ slug: 'cache', parent: 'nope' }, 'input.parent', 'NOT_FOUND'],
    ]);
  });
});

describe('archiveUnit', () => {
  it('reports every blocker as a CONFLICT naming it, and writes nothing', async () => {
    const before = await t.changeCount();
    const { archiveUnit } = await t.data(ARCHIVE, { input: { slug: 'db' } });
    expect(archiveUnit.unit).toBeNull();
    const errors = archiveUnit.userErrors as Array<{ path: string; message: string; code: string }>;
    expect(errors.every((e) => e.path === 'input.slug' && e.code === 'CONFLICT')).toBe(true);
    const messages = errors.map((e) => e.message).join('\n');
    expect(messages).toContain('Eng Lead seat is held by ana@example.com');
    expect(messages).toContain('bo@example.com is a member');
    expect(messages).toContain('AoR "pg"');
    expect(messages).toContain('OPEN TECH_LEAD role');
    expect(errors).toHaveLength(4);

    const parent = await t.data(ARCHIVE, { input: { slug: 'infra' } });
    expect(parent.archiveUnit.userErrors).toMatchObject([
      { path: 'input.slug', code: 'CONFLICT', message: expect.stringContaining('TEAM "cache"') },
      { path: 'input.slug', code: 'CONFLICT', message: expect.stringContaining('TEAM "db"') },
    ]);
    expect(await t.changeCount()).toBe(before);
  });

  it('counts seat holders still in force on the day, not those who left before it', async () => {
    await expectWritten(t, VACATE, { unit: 'cache', seat: 'ENG_LEAD', on: '2026-12-01' });
    const early = await t.data(ARCHIVE, { input: { slug: 'cache', on: '2026-11-30' } });
    expect(early.archiveUnit.userErrors).toMatchObject([
      { path: 'input.slug', code: 'CONFLICT', message: expect.stringContaining('cy@example.com') },
    ]);
    const archiveUnit = await expectWritten(t, ARCHIVE, { slug: 'cache', on: '2026-12-01' });
    expect(archiveUnit.unit).toEqual({ slug: 'cache', archivedOn: '2026-12-01' });
    // Still there today (archived from December), gone from December on.
    const { today, later } = await t.data(`{
      today: coverage(scope: "infra") { byLayer { layer units } }
      later: coverage(scope: "infra", asOf: "2026-12-01") { byLayer { layer units } }
    }`);
    expect(today.byLayer).toContainEqual({ layer: 'TEAM', units: 2 });
    expect(later.byLayer).toContainEqual({ layer: 'TEAM', units: 1 });
  });

  it('archives an empty unit, ends the candidacies for its seats, keeps it readable', async () => {
    await t.data(CREATE, { input: { slug: 'tmp', name: 'Temp', layer: 'TEAM', parent: 'apps' } });
    await t.importOrg({
      succession: [
        { unit: 'tmp', seat: 'ENG_LEAD', candidate: 'dee@example.com', readiness: 'READY_NOW' },
      ],
    });
    const { archiveUnit } = await t.data(ARCHIVE, { input: { slug: 'tmp' } });
    expect(archiveUnit).toEqual({
      unit: { slug: 'tmp', archivedOn: TODAY },
      endedCandidacies: [
        { person: { email: 'dee@example.com' }, seat: 'ENG_LEAD', endedOn: '2026-11-22' },
      ],
      userErrors: [],
    });
    const { unit, units, person } = await t.data(`{
      unit(slug: "tmp") { slug archivedOn }
      units(parent: "apps") { nodes { slug } }
      person(email: "dee@example.com") { candidacies { seat } }
    }`);
    expect(unit).toEqual({ slug: 'tmp', archivedOn: TODAY });
    expect(units.nodes.map((u: { slug: string }) => u.slug)).not.toContain('tmp');
    expect(person.candidacies).toEqual([]);
  });

  it('refuses archived units as targets and as parents, and keeps their slugs taken', async () => {
    await expectWritten(t, CREATE, { slug: 'tmp', name: 'Temp', layer: 'TEAM', parent: 'apps' });
    await expectWritten(t, ARCHIVE, { slug: 'tmp' });
    await expectRefusedAll(t, ARCHIVE, [
      [{ slug: 'tmp' }, 'input.slug', 'CONFLICT'],
      [{ slug: 'nope' }, 'input.slug', 'NOT_FOUND'],
    ]);
    await expectRefusedAll(t, CREATE, [
      [{ slug: 'tmp', name: 'Again', layer: 'PILLAR' }, 'input.slug', 'CONFLICT'],
    ]);
    await expectRefusedAll(t, MOVE, [[{ slug: 'tmp', parent: 'infra' }, 'input.slug', 'CONFLICT']]);
    await expectRefusedAll(t, UPDATE, [[{ slug: 'tmp', name: 'X' }, 'input.slug', 'CONFLICT']]);
    await t.data(CREATE, { input: { slug: 'old', name: 'Old', layer: 'AREA', parent: 'core' } });
    await expectWritten(t, ARCHIVE, { slug: 'old' });
    await expectRefusedAll(t, CREATE, [
      [{ slug: 'x7', name: 'X', layer: 'TEAM', parent: 'old' }, 'input.parent', 'CONFLICT'],
    ]);
    await expectRefusedAll(t, MOVE, [[{ slug: 'db', parent: 'old' }, 'input.parent', 'CONFLICT']]);
  });
});

describe('access', () => {
  it('needs an ADMIN token', async () => {
    const result = await t.gql(
      CREATE,
      {
        input: { slug: 'anon', name: 'Anon', layer: 'PILLAR' },
      },
      { token: null },
    );
    expect(result.data?.createUnit ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
