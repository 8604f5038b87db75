import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backstageToDocument, DEFAULT_LAYER_MAP } from '../../src/adapters/backstage.js';
import { entityRef } from '../../src/adapters/catalog.js';
import { csvToDocument } from '../../src/adapters/csv.js';
import { locatedProblems } from '../../src/adapters/source-map.js';

// The adapters are pure: a file in, an org document out, and the way back to the file.
const teams = new Map([
  ['storage', { slug: 'storage', name: 'Storage', parent: 'infra' }],
  ['compute', { slug: 'compute', name: 'Compute', parent: 'infra' }],
]);
const HEADER = 'email,name,title,level,manager_email,team,start_date,departure_date';
const csv = (...rows: string[]) => csvToDocument([HEADER, ...rows].join('\n'), { teams });

describe('csvToDocument', () => {
  it('reads the fixture: BOM, CRLF, quotes, embedded commas and line breaks, mapped headers', () => {
    const text = readFileSync('test/fixtures/people.csv', 'utf8');
    const columns = { email: 'work email', name: 'FULL NAME' };
    const { document, problems } = csvToDocument(text, { columns, teams });
    expect(problems).toEqual([]);
    expect(document.people?.map((p) => p.email)).toEqual([
      'jane@corp.test',
      'eli@corp.test',
      'dee@corp.test',
      'ana@corp.test',
      'hal@corp.test',
      'zed@corp.test',
      'bo@corp.test',
    ]);
    expect(document.people?.[1]).toEqual({
      email: 'eli@corp.test',
      name: 'Stone, Eli',
      title: 'Engineer, Storage',
      level: 'L4',
      manager: 'ana@corp.test',
      startedOn: '2022-01-10',
    });
    expect(document.people?.[6]).toMatchObject({ manager: null });
    expect(document.units).toEqual([
      { ...teams.get('storage'), layer: 'TEAM', members: ['jane@corp.test', 'dee@corp.test'] },
      { ...teams.get('compute'), layer: 'TEAM', members: ['eli@corp.test', 'hal@corp.test'] },
    ]);
  });

  it('leaves out the columns a file lacks, so the org keeps those fields', () => {
    const { document } = csvToDocument('email,name\nann@corp.test,Ann Ek\n', { teams });
    expect(document).toEqual({ people: [{ email: 'ann@corp.test', name: 'Ann Ek' }], units: [] });
  });

  it('numbers rows as a spreadsheet does, blank rows included, and names the column', () => {
    const adapted = csv(
      'ann@corp.test,Ann Ek,,,,storage,,',
      '',
      'ben@corp.test,Ben Ek,,,,nowhere,,',
      'cat@corp.test,Cat Ek',
    );
    expect(
      locatedProblems(adapted, [{ path: 'people[1].manager', message: 'unknown person' }]),
    ).toEqual([
      // Within a row, the file's own problems come first, then the import's.
      'row 4, team: unknown team "nowhere"',
      'row 4, manager_email: unknown person',
      'row 5: 2 fields where the header has 8',
    ]);
    expect(adapted.sources.locate('units[0].members[0]')).toEqual({
      order: 2,
      text: 'row 2, team',
    });
  });

  it('reports a broken file and unknown --columns keys', () => {
    expect(csv('"ann@corp.test,Ann').problems[0]?.message).toMatch(/Quote Not Closed/);
    const unknown = csvToDocument(HEADER, { teams, columns: { mail: 'Mail' } });
    expect(unknown.problems[0]?.message).toMatch(/^--columns: unknown column "mail"/);
  });
});

const group = (name: string, spec: Record<string, unknown>, annotations = {}) =>
  `kind: Group\nmetadata: ${JSON.stringify({ name, annotations })}\nspec: ${JSON.stringify(spec)}\n`;
const user = (name: string, email: string, memberOf: string[] = []) =>
  `kind: User\nmetadata: { name: ${name} }\nspec: ${JSON.stringify({ profile: { email }, memberOf })}\n`;
const catalog = (...entities: string[]) =>
  backstageToDocument([{ name: 'catalog.yaml', text: entities.join('---\n') }]);

describe('backstageToDocument', () => {
  it('reads entity references in all three forms, and only of the kind asked', () => {
    expect(entityRef('user:default/Jane', 'user')).toBe('default/jane');
    expect(entityRef('user:jane', 'user', 'corp')).toBe('corp/jane');
    expect(entityRef('jane', 'user')).toBe('default/jane');
    expect(entityRef('group:storage', 'user')).toBeNull();
    expect(entityRef(7, 'user')).toBeNull();
  });

  it('takes a parent from either side and members from either side, once', () => {
    const { document, problems, notes } = catalog(
      group('infra', { type: 'area', children: ['group:storage'] }),
      group('storage', { type: 'team', members: ['eli'] }, { 'orgraph.io/eng-lead': 'ana' }),
      group('guild', { type: 'guild' }),
      user('ana', 'ana@corp.test'),
      user('eli', 'eli@corp.test', ['storage', 'guild']),
      'kind: System\nmetadata: { name: storage-system }\n',
    );
    expect(problems).toEqual([]);
    expect(notes).toEqual(['skipped guild (type guild)']);
    expect(document.units).toEqual([
      { slug: 'infra', name: 'infra', layer: 'AREA' },
      {
        slug: 'storage',
        name: 'storage',
        layer: 'TEAM',
        parent: 'infra',
        engLead: 'ana@corp.test',
        members: ['eli@corp.test'],
      },
    ]);
  });

  it('refuses two different parents, and says where each comes from', () => {
    const adapted = catalog(
      group('infra', { type: 'area', children: ['storage'] }),
      group('data', { type: 'area' }),
      group('storage', { type: 'team', parent: 'data' }),
    );
    expect(locatedProblems(adapted, [])).toEqual([
      'Group storage, spec.parent: "data", but Group infra lists it among its children',
    ]);
  });

  it('maps other types with a layer map, and tells YAML errors by line', () => {
    const squads = backstageToDocument(
      [{ name: 'c.yaml', text: group('web', { type: 'squad', parent: 'infra' }) }],
      { ...DEFAULT_LAYER_MAP, squad: 'TEAM' },
    );
    expect(squads.document.units).toEqual([
      { slug: 'web', name: 'web', layer: 'TEAM', parent: 'infra' },
    ]);
    const broken = catalog('kind: Group\nmetadata: { name: x\n');
    expect(locatedProblems(broken, [])[0]).toMatch(
      /^catalog.yaml document 1: .* at line 3, column 1$/,
    );
  });
});
