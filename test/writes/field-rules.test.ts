import { describe, expect, it } from 'vitest';
import { useTestOrg } from '../helpers/test-org.js';
import { mutate } from '../helpers/writes.js';

/**
 * One set of field rules for every entry point: a value refused by a mutation is refused by
 * an import with the same message and code, and the other way round.
 */

const CREATE_UNIT = `mutation ($input: CreateUnitInput!) {
  createUnit(input: $input) { unit { slug } userErrors { path message code } }
}`;
const CREATE_PERSON = `mutation ($input: CreatePersonInput!) {
  createPerson(input: $input) { person { email } userErrors { path message code } }
}`;
const IMPORT = `mutation ($d: JSONObject!) {
  importOrg(document: $d) { userErrors { path message code } }
}`;

const pillar = { slug: 'core', name: 'Core', layer: 'PILLAR' };
const person = { email: 'new@example.com', name: 'New' };

interface Case {
  field: string;
  value: unknown;
}

const UNIT_CASES: Case[] = [
  { field: 'slug', value: 'a'.repeat(65) },
  { field: 'slug', value: 'Not_A_Slug' },
  { field: 'slug', value: 'ab\u0000c' },
  { field: 'slug', value: '' },
  { field: 'name', value: 'n'.repeat(201) },
  { field: 'name', value: '   ' },
  // Nothing visible: zero-width, braille blank, a Hangul filler (they showed as no name).
  { field: 'name', value: '\u200b' },
  { field: 'name', value: '\u2800' },
  { field: 'name', value: '\u00a0\u200b\u3164' },
  { field: 'name', value: 'a\u0000b' },
  // Printed raw by the CLI, ESC cleared the terminal and set its title; a name is one line.
  { field: 'name', value: 'Ansi\u001b[2J\u001b]0;PWNED\u0007' },
  { field: 'name', value: 'two\nlines' },
  { field: 'charter', value: 'c'.repeat(2001) },
  // Text may break lines, not reorder what it shows (a right-to-left override).
  { field: 'charter', value: 'pay \u202e0001$' },
];

const PERSON_CASES: Case[] = [
  { field: 'email', value: `${'e'.repeat(250)}@example.com` },
  { field: 'email', value: 'not-an-email' },
  { field: 'email', value: 'a\u0000b@example.com' },
  // A C1 control and a right-to-left override: echoed raw in a message about the email.
  { field: 'email', value: 'x\u009b2J@example.com' },
  { field: 'email', value: 'be\u202eta@example.com' },
  { field: 'name', value: 'n'.repeat(201) },
  { field: 'title', value: 't'.repeat(201) },
  { field: 'name', value: 'Eve\u0007' },
  { field: 'title', value: 'Lead\u001b[31m' },
  { field: 'level', value: 'l'.repeat(51) },
];

const t = useTestOrg({ units: [pillar] });

async function viaImport(section: 'units' | 'people', entry: Record<string, unknown>) {
  const { importOrg } = await t.data(IMPORT, { d: { [section]: [entry] } });
  return importOrg.userErrors as Array<{ path: string; message: string; code: string }>;
}

describe('a unit field', () => {
  it.each(UNIT_CASES)('$field = $value: same refusal from createUnit and importOrg', async (c) => {
    const unit = { slug: 'fresh', name: 'Fresh', layer: 'PILLAR', [c.field]: c.value };
    const mutation = await mutate(t, CREATE_UNIT, unit);
    const imported = await viaImport('units', unit);
    expect(mutation.userErrors).toHaveLength(1);
    expect(imported).toEqual([{ ...mutation.userErrors[0], path: `units[0].${c.field}` }]);
    expect(mutation.userErrors[0]).toMatchObject({ path: `input.${c.field}`, code: 'VALIDATION' });
  });
});

describe('a person field', () => {
  it.each(PERSON_CASES)('$field: same refusal from createPerson and importOrg', async (c) => {
    const entry = { ...person, [c.field]: c.value };
    const mutation = await mutate(t, CREATE_PERSON, entry);
    const imported = await viaImport('people', entry);
    expect(mutation.userErrors).toHaveLength(1);
    expect(imported).toEqual([{ ...mutation.userErrors[0], path: `people[0].${c.field}` }]);
  });
});

describe('a list', () => {
  it('has the same bound in a mutation and in an import: an AoR has at most 20 backups', async () => {
    const backups = Array.from({ length: 21 }, (_, i) => `b${i}@example.com`);
    const aor = { slug: 'pg', name: 'PG', unit: 'core', backups };
    const mutation = await t.gql(
      'mutation ($input: CreateAorInput!) { createAor(input: $input) { userErrors { path } } }',
      { input: aor },
    );
    expect(mutation.errors?.[0]?.message).toContain('at most 20 backups');
    const { importOrg } = await t.data(IMPORT, { d: { aors: [aor] } });
    expect(importOrg.userErrors).toEqual([
      { path: 'aors[0].backups', message: 'at most 20 backups', code: 'VALIDATION' },
    ]);
  });
});

describe('a reference with a control character', () => {
  it('is a VALIDATION userError naming the field in a mutation and in an import', async () => {
    const assign = await mutate(
      t,
      `mutation ($input: AssignSeatInput!) { assignSeat(input: $input) { userErrors { path message code } } }`,
      { unit: 'ab\u0000c', seat: 'ENG_LEAD', person: 'x@example.com' },
    );
    expect(assign.userErrors).toEqual([
      { path: 'input.unit', message: 'must not contain control characters', code: 'VALIDATION' },
    ]);
    const imported = await viaImport('units', {
      slug: 'area',
      name: 'Area',
      layer: 'AREA',
      parent: 'co\u0000re',
    });
    expect(imported).toEqual([
      {
        path: 'units[0].parent',
        message: 'must not contain control characters',
        code: 'VALIDATION',
      },
    ]);
  });

  it('is refused as bad input naming the argument in every lookup by slug or email', async () => {
    const queries = [
      ['unit(slug: $k) { slug }', 'slug'],
      ['person(email: $k) { email }', 'email'],
      ['units(parent: $k) { totalCount }', 'parent'],
      ['changes(unit: $k) { totalCount }', 'unit'],
      ['coverage(scope: $k) { benchStrength }', 'scope'],
      ['departureImpact(email: $k) { person { email } }', 'email'],
    ] as const;
    for (const [field, argument] of queries) {
      for (const k of ['ab\u0000c', 'be\u202eta', 'x\u009b2J']) {
        const result = await t.gql(`query ($k: String!) { ${field} }`, { k });
        expect(result.errors?.[0]?.message, field).toContain(argument);
        expect(result.errors?.[0]?.message, field).toContain('control characters');
        expect(result.errors?.[0]?.extensions?.code, field).toBe('BAD_USER_INPUT');
      }
    }
  });
});

describe('a date', () => {
  it('outside 1900–2999 is refused everywhere: arguments, inputs, import documents', async () => {
    const mutations = [
      [CREATE_PERSON, { ...person, startedOn: '0000-01-01' }],
      [
        'mutation ($input: ArchiveUnitInput!) { archiveUnit(input: $input) { userErrors { code } } }',
        { slug: 'core', on: '3000-01-01' },
      ],
      [
        'mutation ($input: OpenRoleInput!) { openRole(input: $input) { userErrors { code } } }',
        { unit: 'core', seat: 'ENG_LEAD', openedOn: '1899-12-31' },
      ],
    ] as const;
    for (const [mutation, input] of mutations) {
      const result = await t.gql(mutation, { input });
      expect(result.errors?.[0]?.message).toMatch(/1900-01-01 to 2999-12-31/);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const asOf = await t.gql('{ coverage(asOf: "0000-01-01") { benchStrength } }');
    expect(asOf.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await viaImport('people', { ...person, startedOn: '0000-01-01' })).toEqual([
      {
        path: 'people[0].startedOn',
        message: 'must be between 1900-01-01 and 2999-12-31',
        code: 'VALIDATION',
      },
    ]);
    expect(await t.changeCount()).toBe(1);
  });
});

describe('a name with a line break at its end (a YAML block scalar)', () => {
  it('is trimmed, not refused: only a break inside a name is', async () => {
    const created = await mutate(t, CREATE_PERSON, { email: 'jo@example.com', name: 'Jo Lee\n' });
    expect(created.userErrors).toEqual([]);
    const { person: jo } = await t.data('{ person(email: "jo@example.com") { name } }');
    expect(jo.name).toBe('Jo Lee');
  });
});

describe('a name in a right-to-left script', () => {
  it('keeps its direction marks (RLM), which are text, not a command', async () => {
    const name = 'נועה כהן\u200f (Noa)';
    const created = await mutate(t, CREATE_PERSON, { email: 'noa@example.com', name });
    expect(created.userErrors).toEqual([]);
    const { person: noa } = await t.data('{ person(email: "noa@example.com") { name } }');
    expect(noa.name).toBe(name);
  });
});
