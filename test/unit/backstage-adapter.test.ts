import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backstageToDocument, DEFAULT_LAYER_MAP } from '../../src/adapters/backstage.js';
import { entityRef } from '../../src/adapters/catalog-refs.js';
import { inferLayers, SKIPPED } from '../../src/adapters/layers.js';
import { located, locatedProblems } from '../../src/adapters/source-map.js';

// The Backstage adapter is pure: catalog files in, an org document out, with the way back to
// the files; the files a Location names come from the `read` it is given.
const group = (name: string, spec: Record<string, unknown>, metadata = {}) =>
  `kind: Group\nmetadata: ${JSON.stringify({ name, ...metadata })}\nspec: ${JSON.stringify(spec)}\n`;
const user = (name: string, email: string | null, memberOf: string[] = [], namespace?: string) =>
  `kind: User\nmetadata: ${JSON.stringify({ name, namespace })}\n` +
  `spec: ${JSON.stringify({ profile: email ? { email } : {}, memberOf })}\n`;
const noFiles = (_name: string): string => {
  throw new Error('no such file');
};
const catalog = (...entities: string[]) =>
  backstageToDocument([{ name: 'catalog.yaml', text: entities.join('---\n') }], { read: noFiles });
const lead = (email: string) => ({ annotations: { 'orgraph.io/eng-lead': email } });

/** A pillar > area > team chain under an organization root, as Backstage's example has it. */
const tree = [
  group('acme', { type: 'organization', children: ['infra'] }),
  group('infra', { type: 'department', parent: 'acme' }),
  group('tools', { type: 'sub-department', parent: 'group:default/infra' }),
  group('team-a', { type: 'team', parent: 'tools' }),
];

describe('inferLayers', () => {
  const node = (key: string, parent: string | null, extra = {}) => ({
    key,
    parent,
    team: false,
    hasMembers: false,
    ...extra,
  });

  it('places teams, their parents and theirs; skips roots, lone groups, groups without teams', () => {
    const placements = inferLayers([
      node('org', null),
      node('dept', 'org'),
      node('sub', 'dept'),
      node('leaf', 'sub', { hasMembers: true }),
      node('squad', 'sub', { team: true }),
      node('empty-area', 'dept', { hint: 'AREA' }),
      node('empty', 'dept'),
      node('guild', null, { hasMembers: true }),
    ]);
    expect(Object.fromEntries(placements)).toEqual({
      org: { skipped: SKIPPED.root },
      dept: { layer: 'PILLAR' },
      sub: { layer: 'AREA' },
      leaf: { layer: 'TEAM' },
      squad: { layer: 'TEAM' },
      'empty-area': { layer: 'AREA' },
      empty: { skipped: SKIPPED.empty },
      guild: { skipped: SKIPPED.alone },
    });
  });

  it('places a team with teams below it as their parent: GitHub nests teams of one type', () => {
    // Every group was a Team, and each nested one refused: "a TEAM's parent must be an AREA".
    const placements = inferLayers([
      node('gh-org', null),
      node('engineering', 'gh-org', { team: true }),
      node('platform', 'engineering', { team: true, hasMembers: true }),
      node('backend', 'platform', { team: true }),
      node('frontend', 'platform', { team: true, hasMembers: true }),
    ]);
    expect(Object.fromEntries(placements)).toEqual({
      'gh-org': { skipped: SKIPPED.root },
      engineering: { layer: 'PILLAR' },
      platform: { layer: 'AREA' },
      backend: { layer: 'TEAM' },
      frontend: { layer: 'TEAM' },
    });
  });

  it('places a group by the team furthest below it, and survives a loop of parents', () => {
    const placements = inferLayers([
      node('dept', null),
      node('direct', 'dept', { team: true }),
      node('sub', 'dept'),
      node('deep', 'sub', { team: true }),
      node('a', 'b'),
      node('b', 'a'),
    ]);
    expect(placements.get('dept')).toEqual({ layer: 'PILLAR' });
    expect(placements.get('a')).toEqual({ skipped: SKIPPED.empty });
  });
});

describe('backstageToDocument', () => {
  it('reads entity references in all three forms, and only of the kind asked', () => {
    expect(entityRef('user:default/Jane', 'user')).toBe('default/jane');
    expect(entityRef('user:jane', 'user', 'corp')).toBe('corp/jane');
    expect(entityRef('jane', 'user')).toBe('default/jane');
    expect(entityRef('group:storage', 'user')).toBeNull();
    expect(entityRef(7, 'user')).toBeNull();
  });

  it('infers layers with no map: the root is skipped and its child is the top', () => {
    const adapted = catalog(...tree, user('ann', 'ann@corp.test', ['team-a']));
    expect(adapted.problems).toEqual([]);
    expect(adapted.document.units).toEqual([
      { slug: 'infra', name: 'infra', layer: 'PILLAR' },
      { slug: 'tools', name: 'tools', layer: 'AREA', parent: 'infra' },
      {
        slug: 'team-a',
        name: 'team-a',
        layer: 'TEAM',
        parent: 'tools',
        members: ['ann@corp.test'],
      },
    ]);
    expect(located(adapted.warnings)).toEqual([
      `catalog.yaml: group:default/acme: ${SKIPPED.root}`,
    ]);
  });

  it('lets --layer-map win: types it lacks are skipped, their children at the top', () => {
    const map = { ...DEFAULT_LAYER_MAP, department: 'PILLAR', 'sub-department': 'AREA' } as const;
    const text = tree.join('---\n');
    const adapted = backstageToDocument([{ name: 'c.yaml', text }], { read: noFiles }, map);
    expect(adapted.document.units?.map((u) => [u.slug, u.layer, u.parent])).toEqual([
      ['infra', 'PILLAR', undefined],
      ['tools', 'AREA', 'infra'],
      ['team-a', 'TEAM', 'tools'],
    ]);
    expect(adapted.warnings[0]?.message).toBe(
      'skipped: type organization has no layer in --layer-map',
    );
  });

  it('takes a parent from either side and members from either side, once', () => {
    const { document, problems, warnings } = catalog(
      group('platform', { type: 'pillar', children: ['infra'] }),
      group('infra', { type: 'area', children: ['group:storage'] }),
      group('storage', { type: 'team', members: ['eli'] }, lead('ana')),
      group('guild', { type: 'guild' }),
      user('ana', 'ana@corp.test'),
      user('eli', 'eli@corp.test', ['storage', 'guild']),
      'kind: System\nmetadata: { name: storage-system }\n',
    );
    expect(problems).toEqual([]);
    // The guild's member comes in without it, which its warning says.
    const notRead = 'its membership (1 person) is not read either';
    expect(located(warnings)).toEqual([
      `catalog.yaml: group:default/guild: ${SKIPPED.alone}; ${notRead}`,
    ]);
    expect(document.units?.[2]).toEqual({
      slug: 'storage',
      name: 'storage',
      layer: 'TEAM',
      parent: 'infra',
      engLead: 'ana@corp.test',
      members: ['eli@corp.test'],
    });
  });

  it('makes one person of one email in two namespaces, and puts a person in one team', () => {
    const adapted = catalog(
      ...tree,
      group('team-b', { type: 'team', parent: 'tools', members: ['user:development/guest'] }),
      user('guest', 'guest@corp.test', ['team-a']),
      user('guest', 'Guest@Corp.test', ['group:default/team-b'], 'development'),
    );
    expect(adapted.document.people).toEqual([{ email: 'guest@corp.test', name: 'guest' }]);
    expect(adapted.document.units?.find((u) => u.slug === 'team-a')?.members).toEqual([
      'guest@corp.test',
    ]);
    expect(adapted.document.units?.find((u) => u.slug === 'team-b')?.members).toBeUndefined();
    // Said where the team not joined is listed: the User of the other namespace, as written.
    expect(located(adapted.warnings)).toContain(
      'catalog.yaml: user:development/guest, spec.memberOf: in 2 teams: joins team-a, not team-b (a person is in one team)',
    );
  });

  it('reads a reference without a namespace in its entity’s namespace, else in default', () => {
    const adapted = catalog(
      ...tree,
      group('team-b', { type: 'team', parent: 'tools' }, { namespace: 'ops' }),
      user('ops-dev', 'ops@corp.test', ['team-b'], 'ops'),
      user('dev', 'dev@corp.test', ['team-a'], 'ops'),
    );
    expect(adapted.problems).toEqual([]);
    const members = (slug: string) => adapted.document.units?.find((u) => u.slug === slug)?.members;
    expect(members('team-b')).toEqual(['ops@corp.test']);
    expect(members('team-a')).toEqual(['dev@corp.test']);
  });

  it('warns of a memberOf naming no group, as the User wrote it; the person still comes in', () => {
    const adapted = catalog(
      ...tree,
      user('ana', 'ana@corp.test', [
        'group:ops/team-a',
        'user:default/team-a',
        'Nowhere',
        'team-a',
      ]),
    );
    expect(adapted.problems).toEqual([]);
    expect(located(adapted.warnings)).toEqual([
      `catalog.yaml: group:default/acme: ${SKIPPED.root}`,
      'catalog.yaml: user:default/ana, spec.memberOf: unknown group "group:ops/team-a"',
      'catalog.yaml: user:default/ana, spec.memberOf: unknown group "user:default/team-a"',
      'catalog.yaml: user:default/ana, spec.memberOf: unknown group "Nowhere"',
    ]);
    expect(adapted.document.people).toEqual([{ email: 'ana@corp.test', name: 'ana' }]);
    expect(adapted.document.units?.find((u) => u.slug === 'team-a')?.members).toEqual([
      'ana@corp.test',
    ]);
  });

  it('refuses a parent of another kind; one the catalog lacks goes to the import as written', () => {
    const orphans = [
      group('search', { type: 'product-area', parent: 'discovery' }),
      group('search-web', { type: 'team', parent: 'search' }),
      group('lonely', { type: 'team', parent: 'discovery' }),
      group('odd', { type: 'team', parent: 'user:default/ana' }),
      user('bo', 'bo@corp.test', ['lonely']),
    ];
    // A parent the catalog lacks may be one of the org's units: the import judges it (the CLI
    // test refuses it naming it). One of another kind is no group at all.
    const expected = [
      'catalog.yaml: group:default/odd, spec.parent: unknown group "user:default/ana"',
    ];
    const inferred = catalog(...tree, ...orphans);
    expect(locatedProblems(inferred, [])).toEqual(expected);
    expect(inferred.document.units).toContainEqual(
      expect.objectContaining({ slug: 'lonely', layer: 'TEAM', parent: 'discovery' }),
    );
    expect(located(inferred.warnings)).toEqual([
      `catalog.yaml: group:default/acme: ${SKIPPED.root}`,
    ]);
    const text = [...tree, ...orphans].join('---\n');
    const mapped = backstageToDocument(
      [{ name: 'catalog.yaml', text }],
      { read: noFiles },
      DEFAULT_LAYER_MAP,
    );
    expect(locatedProblems(mapped, [])).toEqual(expected);
  });

  it('skips a User without an email, unless they lead a group', () => {
    const skipped = catalog(...tree, user('bot', null, ['team-a']));
    expect(skipped.problems).toEqual([]);
    expect(skipped.document.people).toEqual([]);
    expect(located(skipped.warnings)).toContain(
      'catalog.yaml: user:default/bot: skipped: no spec.profile.email (a person needs one)',
    );
    const leading = catalog(
      ...tree,
      group('team-b', { type: 'team', parent: 'tools' }, lead('user:default/bot')),
      user('bot', null),
    );
    expect(locatedProblems(leading, [])).toEqual([
      'catalog.yaml: group:default/team-b, metadata.annotations.orgraph.io/eng-lead: ' +
        'user:default/bot has no spec.profile.email, and a lead needs one',
    ]);
    expect(leading.warnings.some((w) => w.message.includes('no spec.profile.email'))).toBe(false);
  });

  it('follows Locations relative to their file, once each, and names a missing target', () => {
    const files: Record<string, string> = {
      'teams/location.yaml': `kind: Location\nmetadata: { name: teams }\nspec: { targets: [./a.yaml, ../root.yaml, ./gone.yaml, https://example.com/x.yaml] }\n`,
      'teams/a.yaml': tree.slice(1).join('---\n'),
    };
    const read = (name: string) => files[name] ?? noFiles(name);
    const root = `kind: Location\nmetadata: { name: root }\nspec: { target: ./teams/location.yaml }\n---\n${tree[0]}`;
    const misspelt = `kind: Location\nmetadata: { name: one }\nspec: { target: ./nope.yaml }\n`;
    const adapted = backstageToDocument([{ name: 'root.yaml', text: root }], { read });
    expect(adapted.document.units?.map((u) => u.slug)).toEqual(['infra', 'tools', 'team-a']);
    expect(locatedProblems(adapted, [])).toEqual([
      'teams/location.yaml: location:default/teams, spec.targets: "./gone.yaml": no such file',
    ]);
    expect(located(adapted.warnings)).toContain(
      'teams/location.yaml: location:default/teams, spec.targets: "https://example.com/x.yaml" not followed: only files are read',
    );
    // A single `target` is named as written, not as the list.
    const alone = backstageToDocument([{ name: 'loc.yaml', text: misspelt }], { read });
    expect(locatedProblems(alone, [])).toContain(
      'loc.yaml: location:default/one, spec.target: "./nope.yaml": no such file',
    );
  });

  it('refuses two different parents, and says where each comes from', () => {
    const adapted = catalog(
      group('p', { type: 'pillar', children: ['infra', 'data'] }),
      group('infra', { type: 'area', children: ['storage'] }),
      group('data', { type: 'area' }),
      group('storage', { type: 'team', parent: 'data' }),
    );
    expect(locatedProblems(adapted, [])).toEqual([
      'catalog.yaml: group:default/storage, spec.parent: "data", but group:default/infra lists it among its children',
    ]);
  });

  it('refuses a loop of parents, naming it once (it was cut where layers were inferred)', () => {
    const loop = catalog(
      group('dept-a', { type: 'department', parent: 'dept-b' }),
      group('dept-b', { type: 'department', parent: 'dept-a' }),
      group('area-x', { type: 'sub-department', parent: 'dept-a' }),
      group('team-x', { type: 'team', parent: 'area-x', members: ['bo'] }),
      user('bo', 'bo@corp.test'),
    );
    expect(locatedProblems(loop, [])).toEqual([
      'catalog.yaml: group:default/dept-a, spec.parent: a loop: group:default/dept-a > group:default/dept-b > group:default/dept-a',
    ]);
    const itself = catalog(group('selfy', { type: 'team', children: ['selfy'] }));
    expect(locatedProblems(itself, [])).toEqual([
      'catalog.yaml: group:default/selfy, spec.children: a loop: group:default/selfy > group:default/selfy',
    ]);
  });

  it('refuses a child two groups list, and a spec.parent outside the catalog against a list', () => {
    const twoLists = catalog(
      group('p', { type: 'pillar', children: ['infra', 'data'] }),
      group('infra', { type: 'area', children: ['storage'] }),
      group('data', { type: 'area', children: ['storage', 'search'] }),
      group('storage', { type: 'team' }),
      group('search', { type: 'team' }),
    );
    expect(locatedProblems(twoLists, [])).toEqual([
      'catalog.yaml: group:default/data, spec.children: "storage", but group:default/infra lists it among its children',
    ]);
    const typo = catalog(
      group('p', { type: 'pillar', children: ['infra'] }),
      group('infra', { type: 'area', children: ['storage'] }),
      group('storage', { type: 'team', parent: 'storage-area-in-db' }),
    );
    expect(locatedProblems(typo, [])).toEqual([
      'catalog.yaml: group:default/storage, spec.parent: "storage-area-in-db", but group:default/infra lists it among its children',
    ]);
  });

  it('says what it does not read: membership of a Pillar or Area, an unknown child, a mapping without a kind', () => {
    const { document, problems, warnings } = catalog(
      ...tree,
      group('infra-2', { type: 'department', children: ['tools-2', 'nowhere'], members: ['bo'] }),
      group('tools-2', { type: 'sub-department' }),
      group('team-b', { type: 'team', parent: 'tools-2' }),
      user('bo', 'bo@corp.test', ['tools', 'team-b']),
      'metadata: { name: stray }\n',
    );
    expect(problems).toEqual([]);
    // In file order.
    expect(located(warnings)).toEqual([
      `catalog.yaml: group:default/acme: ${SKIPPED.root}`,
      'catalog.yaml: group:default/infra-2, spec.children: unknown group "nowhere": not read',
      'catalog.yaml: group:default/infra-2, spec.members: membership of group:default/infra-2 not read: it is a PILLAR (people are members of teams)',
      'catalog.yaml: user:default/bo, spec.memberOf: membership of group:default/tools not read: it is an AREA (people are members of teams)',
      'catalog.yaml document 9: skipped: no kind (not an entity)',
    ]);
    expect(document.units?.find((u) => u.slug === 'team-b')?.members).toEqual(['bo@corp.test']);
  });

  it('names the skipped root a group hangs under when the import needs a parent there', () => {
    const adapted = catalog(
      group('acme', { type: 'organization', children: ['dept-a', 'dept-b'] }),
      group('dept-a', { type: 'department', children: ['sub-a'] }),
      group('sub-a', { type: 'sub-department', children: ['team-a'] }),
      group('team-a', { type: 'team' }),
      group('dept-b', { type: 'department', children: ['team-b'] }),
      group('team-b', { type: 'team' }),
    );
    expect(adapted.document.units?.[3]).toEqual({ slug: 'dept-b', name: 'dept-b', layer: 'AREA' });
    const needs = { path: 'units[3].parent', message: 'an AREA needs a parent PILLAR' };
    expect(locatedProblems(adapted, [needs])).toEqual([
      'catalog.yaml: group:default/dept-b, under group:default/acme (skipped): an AREA needs a parent PILLAR',
    ]);
  });

  it('says a top group needs a parent as placed, naming no field the catalog lacks', () => {
    // An organization over teams: it read "group:default/acme, spec.parent: …", a field
    // the catalog never wrote.
    const adapted = catalog(
      group('acme', { type: 'organization', children: ['team-a'] }),
      group('team-a', { type: 'team' }),
    );
    const needs = { path: 'units[0].parent', message: 'an AREA needs a parent PILLAR' };
    expect(locatedProblems(adapted, [needs])).toEqual([
      'catalog.yaml: group:default/acme, a top group placed as AREA: an AREA needs a parent PILLAR',
    ]);
  });

  it('reads a lone string where a list belongs as that one entry, and says so', () => {
    const lone = `kind: User\nmetadata: { name: ana }\nspec: { profile: { email: ana@corp.test }, memberOf: team-a }\n`;
    const { document, problems, warnings } = catalog(...tree, lone);
    expect(problems).toEqual([]);
    expect(located(warnings)).toContain(
      'catalog.yaml: user:default/ana, spec.memberOf: a list expected: read as [team-a]',
    );
    expect(document.units?.find((u) => u.slug === 'team-a')?.members).toEqual(['ana@corp.test']);
  });

  it('makes a slug of a Backstage name that is none (Team_Alpha, team.beta), wherever it is named', () => {
    const { document, problems, warnings } = catalog(
      group('acme', { type: 'organization', children: ['Infra.Dept'] }),
      group('Infra.Dept', { type: 'department' }),
      group('tools', { type: 'sub-department', parent: 'infra.dept', children: ['Team_Alpha'] }),
      group('Team_Alpha', { type: 'team' }),
      user('ana', 'ana@corp.test', ['group:default/team_alpha']),
    );
    expect(problems).toEqual([]);
    expect(located(warnings)).toEqual([
      `catalog.yaml: group:default/acme: ${SKIPPED.root}`,
      'catalog.yaml: group:default/Infra.Dept: named infra-dept (a slug is lower case, letters, digits and dashes)',
      'catalog.yaml: group:default/Team_Alpha: named team-alpha (a slug is lower case, letters, digits and dashes)',
    ]);
    expect(document.units?.map((u) => [u.slug, u.parent, u.members])).toEqual([
      ['infra-dept', undefined, undefined],
      ['tools', 'infra-dept', undefined],
      ['team-alpha', 'tools', ['ana@corp.test']],
    ]);
  });

  it('refuses an entity defined twice, naming both places', () => {
    const twice = catalog(...tree, group('Tools', { type: 'area' }));
    expect(locatedProblems(twice, [])).toEqual([
      'catalog.yaml: group:default/Tools: defined twice (first in catalog.yaml)',
    ]);
  });

  it('imports GitHub-style nested teams, all `type: team`, as pillar, area and teams', () => {
    const github = catalog(
      group('engineering', { type: 'team', children: ['platform'] }),
      group('platform', { type: 'team', parent: 'engineering' }),
      group('backend', { type: 'team', parent: 'platform' }, lead('ana')),
      user('ana', 'ana@example.com', ['backend']),
    );
    expect(locatedProblems(github, [])).toEqual([]);
    const layers = github.document.units?.map(({ slug, layer }) => `${slug} ${layer}`);
    expect(layers).toEqual(['engineering PILLAR', 'platform AREA', 'backend TEAM']);
  });

  it('takes a lead annotation written as an email as that person (it was "unknown user")', () => {
    const byEmail = catalog(
      ...tree,
      group('team-b', { type: 'team', parent: 'tools' }, lead('Bo@Example.com')),
    );
    expect(locatedProblems(byEmail, [])).toEqual([]);
    const teamB = byEmail.document.units?.find((unit) => unit.slug === 'team-b');
    expect(teamB?.engLead).toBe('bo@example.com');
  });

  it('names an entity without a name by its document, and a name YAML read as a number', () => {
    const unnamed = catalog(...tree, 'kind: Group\nmetadata: { name: 2024 }\n', 'kind: User\n');
    expect(locatedProblems(unnamed, [])).toEqual([
      'catalog.yaml document 5: a Group: metadata.name 2024 is not text: quote it',
      'catalog.yaml document 6: a User: metadata.name is missing',
    ]);
  });

  it('tells YAML errors by file, document and line', () => {
    const broken = catalog('kind: Group\nmetadata: { name: x\n');
    expect(locatedProblems(broken, [])[0]).toMatch(
      /^catalog.yaml document 1: .* at line 3, column 1$/,
    );
  });

  it('tells a document that is not YAML once, and nothing that would follow from it', () => {
    // An unclosed `[` was four parser messages, and every reference to the group it defines
    // was a warning of an unknown group.
    const broken =
      'kind: Group\nmetadata: { name: team-b }\nspec: { type: team, parent: tools }\n bad: [\n';
    const adapted = catalog(...tree, broken, user('bo', 'bo@corp.test', ['team-b']));
    expect(locatedProblems(adapted, [])).toHaveLength(1);
    expect(locatedProblems(adapted, [])[0]).toMatch(/^catalog.yaml document 5: /);
    expect(adapted.warnings).toEqual([]);
  });

  it('says what it does not read of a group: a skipped root’s leads, an unknown orgraph.io key', () => {
    const annotations = (a: Record<string, string>) => ({ annotations: a });
    const adapted = catalog(
      group(
        'acme',
        { type: 'organization', children: ['infra'] },
        annotations({
          'orgraph.io/eng-lead': 'ann@corp.test',
          'orgraph.io/tech-lead': 'ann@corp.test',
        }),
      ),
      ...tree.slice(1, 3),
      group(
        'team-a',
        { type: 'team', parent: 'tools' },
        annotations({ 'orgraph.io/englead': 'ann' }),
      ),
      user('ann', 'ann@corp.test', ['team-a']),
    );
    expect(adapted.problems).toEqual([]);
    expect(adapted.document.units?.find((u) => u.slug === 'team-a')?.engLead).toBeUndefined();
    expect(located(adapted.warnings)).toEqual([
      `catalog.yaml: group:default/acme: ${SKIPPED.root}; its orgraph.io/eng-lead and orgraph.io/tech-lead are not read either`,
      'catalog.yaml: group:default/team-a, metadata.annotations.orgraph.io/englead: not read: orgraph reads orgraph.io/eng-lead and orgraph.io/tech-lead (on a Group)',
    ]);
  });

  it('a file of no Group or User (an org document, a CSV) is a problem, not "no change"', () => {
    for (const text of ['people:\n  - { email: a@b.co, name: A }\n', 'email,name\na@b.co,A\n']) {
      const adapted = catalog(text);
      expect(locatedProblems(adapted, [])).toEqual([
        'catalog.yaml: no Group or User entity found (is it a Backstage catalog?)',
      ]);
    }
  });

  it('reads the fixture in the shape of Backstage’s example through its Location', () => {
    const folder = 'test/fixtures/backstage/northwind';
    const read = (name: string) => readFileSync(`${folder}/${name}`, 'utf8');
    const adapted = backstageToDocument([{ name: 'org.yaml', text: read('org.yaml') }], { read });
    expect(adapted.problems).toEqual([]);
    expect(adapted.document.people).toHaveLength(8);
    expect(adapted.warnings).toHaveLength(3);
  });
});
