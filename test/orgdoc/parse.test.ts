import { describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { OrgFileError } from '../../src/orgdoc/file-error.js';
import { parseOrgFile, stringifyOrgYaml } from '../../src/orgdoc/parse.js';
import { specDocument } from './fixtures.js';

/** SPEC §3's example, verbatim. */
const SPEC_YAML = `
people:
  - { email: bo@example.com, name: Bo Lind, title: Pillar Eng Lead, level: M5 }
  - { email: cy@example.com, name: Cy Park, title: Pillar Tech Lead, level: L7, manager: bo@example.com }
  - { email: ana@example.com, name: Ana Ruiz, title: Engineering Manager, level: M2, manager: bo@example.com, startedOn: 2021-03-01 }
  - { email: dee@example.com, name: Dee Okafor, title: Tech Lead, manager: ana@example.com }
  - { email: eli@example.com, name: Eli Stone, manager: ana@example.com }
units:
  - { slug: platform, name: Platform, layer: PILLAR, engLead: bo@example.com, techLead: cy@example.com }
  - { slug: infra, name: Infrastructure, layer: AREA, parent: platform }
  - { slug: storage, name: Storage, layer: TEAM, parent: infra, engLead: ana@example.com,
      techLead: dee@example.com, members: [dee@example.com, eli@example.com] }
aors:
  - { slug: blob-store, name: Blob store, unit: storage, criticality: HIGH, owner: dee@example.com, backups: [eli@example.com] }
succession:
  - { unit: storage, seat: TECH_LEAD, candidate: eli@example.com, readiness: READY_SOON }
openRoles:
  - { unit: infra, seat: TECH_LEAD, status: OPEN, openedOn: 2026-09-01 }
`;

describe('parseOrgFile', () => {
  test("parses SPEC's YAML example with dates kept as strings", () => {
    const parsed = parseOrgFile(SPEC_YAML, 'org.yaml');
    expect(parsed).toEqual(specDocument());
  });

  test('reads JSON by extension, and YAML files may hold JSON', () => {
    const json = JSON.stringify(specDocument());
    expect(parseOrgFile(json, 'org.json')).toEqual(specDocument());
    expect(parseOrgFile(json, 'org.yml')).toEqual(specDocument());
  });

  test('a syntax error names the file', () => {
    expect(() => parseOrgFile('{ "units": [', 'broken.json')).toThrow(OrgFileError);
    expect(() => parseOrgFile('units: [a, b', 'broken.yaml')).toThrow(/^broken\.yaml: /);
    // One line, its line and column: the library's excerpt of the file (five lines) left out.
    expect(() => parseOrgFile('{ units: [ { slug: x } ]\n', 'org.yaml')).toThrow(
      /^org\.yaml: [^\n]* at line \d+, column \d+$/,
    );
  });

  test('a JSON syntax error is told in our words, with its line and column', () => {
    const refusal = (text: string) => {
      try {
        parseOrgFile(text, 'org.json');
      } catch (error) {
        expect(error).toBeInstanceOf(OrgFileError);
        return (error as Error).message;
      }
      throw new Error('parsed');
    };
    expect(refusal('{\n  // the people\n  "people": []\n}')).toBe(
      'org.json: not valid JSON at line 2, column 3: a comment (JSON has none; a .yaml file may have # comments)',
    );
    expect(refusal('{ "people": [\n  { "email": "a@b.co", },\n] }')).toBe(
      'org.json: not valid JSON at line 2, column 22: a comma before "}" (JSON has none after the last item)',
    );
    expect(refusal('{ "people": [1, 2,] }')).toBe(
      'org.json: not valid JSON at line 1, column 18: a comma before "]" (JSON has none after the last item)',
    );
    expect(refusal('{ "people": [\n')).toBe(
      'org.json: not valid JSON at line 2, column 1: the file ends inside a list',
    );
    expect(refusal("{ 'people': [] }")).toBe(
      'org.json: not valid JSON at line 1, column 3: a single quote (JSON strings take double quotes)',
    );
    expect(refusal('{ "people": [] } x')).toBe(
      'org.json: not valid JSON at line 1, column 18: "x" after the end of the document',
    );
    expect(refusal('{ "a": "x\ty" }')).toBe(
      'org.json: not valid JSON at line 1, column 10: a tab inside a string (write \\t)',
    );
    expect(refusal('{ "a" 1 }')).toBe(
      'org.json: not valid JSON at line 1, column 7: "1" where ":" belongs',
    );
    // JSON.parse keeps the last: the first section, or field, was lost without a word.
    expect(refusal('{"people": [{"email": "a@b.co"}],\n "people": []}')).toBe(
      'org.json: not valid JSON at line 2, column 2: "people" given twice in one mapping',
    );
    expect(refusal('{"people": [{"email": "a@b.co", "name": "A", "name": "B"}]}')).toBe(
      'org.json: not valid JSON at line 1, column 46: "name" given twice in one mapping',
    );
    // Said as JSON writes it: a line break in a name is not printed to the terminal.
    expect(refusal('{"a\\nb": 1, "a\\nb": 2}')).toBe(
      'org.json: not valid JSON at line 1, column 13: "a\\nb" given twice in one mapping',
    );
    // Nor an escape, a C1 control or a bidirectional override, of a name or of what is
    // refused (ESC c resets a terminal).
    expect(refusal('{"a": x\u001bc}')).toBe(
      'org.json: not valid JSON at line 1, column 7: "x\\u001bc" where a value belongs',
    );
    expect(refusal('{"x\u202e\u009b": 1, "x\u202e\u009b": 2}')).toBe(
      'org.json: not valid JSON at line 1, column 12: "x\\u202E\\u009B" given twice in one mapping',
    );
    // The same name in two mappings is no repeat.
    expect(parseOrgFile('{"people": [{"name": "A"}, {"name": "B"}]}', 'org.json')).toEqual({
      people: [{ name: 'A' }, { name: 'B' }],
    });
  });

  test('what is not one document of sections says so, in our words', () => {
    expect(() => parseOrgFile('[1, 2]', 'list.json')).toThrow(
      /^list\.json: an org document is a mapping of sections \(people, .*\), not a list$/,
    );
    expect(() => parseOrgFile('', 'empty.yaml')).toThrow(/^empty\.yaml: .*not nothing$/);
    expect(() => parseOrgFile('hello', 'word.yaml')).toThrow(/not a string$/);
    const catalog = 'kind: Group\nmetadata: { name: a }\n---\nkind: User\nmetadata: { name: b }\n';
    expect(() => parseOrgFile(catalog, 'org.yaml')).toThrow(
      'org.yaml: several YAML documents (---); an org document is one (a Backstage catalog: --from backstage)',
    );
  });

  test('YAML written by the exporter reads back the same, dates included', () => {
    const doc = {
      units: [{ slug: 'x', engLead: { person: 'a@b.co', since: '2021-03-01', acting: false } }],
    };
    expect(parseOrgFile(stringifyOrgYaml(doc), 'x.yaml')).toEqual(doc);
  });

  test('a written document reads the same in a YAML 1.1 reader (PyYAML) as in ours', () => {
    const doc = {
      people: [
        { email: 'yes@b.co', name: 'yes', title: 'no', level: 'on', startedOn: '2021-03-01' },
        { email: 'm@b.co', name: '<<', title: '=' },
      ],
      units: [
        {
          slug: 'off',
          name: '12:30',
          layer: 'TEAM',
          engLead: { person: 'yes@b.co', acting: true },
        },
      ],
    };
    const text = stringifyOrgYaml(doc);
    expect(YAML.parse(text, { version: '1.1' })).toEqual(doc);
    // PyYAML reads a plain `<<` or `=` as a merge or value key, and refuses it as a value.
    expect(text).toContain('name: "<<"\n    title: "="\n');
    expect(parseOrgFile(text, 'x.yaml')).toEqual(doc);
  });

  test('a written document reads the same in a YAML 1.2 reader, and a line separator stays text', () => {
    // `0o17` is a number to YAML 1.2's core schema; U+2028 broke PyYAML's read of the file.
    const doc = {
      people: [
        { email: 'a@b.co', name: 'A\u2028B', title: 'x\u2029' },
        // Noncharacters: PyYAML refuses the file when they are written raw.
        { email: 'b@b.co', name: 'Ff\ufffeE', title: 'T\uffff' },
      ],
      units: [{ slug: '0o17', name: '0o7', layer: 'PILLAR' }],
    };
    const text = stringifyOrgYaml(doc);
    expect(YAML.parse(text)).toEqual(doc);
    expect(YAML.parse(text, { version: '1.1' })).toEqual(doc);
    expect(text).toContain('name: "A\\u2028B"');
    expect(text).toContain('name: "Ff\\uFFFEE"');
    expect(text).not.toMatch(/[\u2028\u2029\ufffe\uffff]/);
    expect(parseOrgFile(text, 'x.yaml')).toEqual(doc);
  });
});
