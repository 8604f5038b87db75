import { isNonNullType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema.js';
import { ADMIN_TOKEN } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { specDocument } from '../orgdoc/fixtures.js';

/**
 * Bad input anywhere in a request is one typed error naming what was wrong, in our words:
 * never a library's text or internals, never a silently different answer, nothing written.
 */
const t = useTestOrg(specDocument());

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** A POST of `body` as a client sends it, accepting `accept` (a stream: sent as it comes). */
const postBody = (body: BodyInit, accept = 'application/graphql-response+json') =>
  t.app.fetch('http://orgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${ADMIN_TOKEN}` },
    body,
    duplex: 'half',
  } as RequestInit);
/** What the relay plugin's own cursors hold; a client never sees it decoded. */
const offsetCursor = (offset: string) => base64(`OffsetConnection:${offset}`);

/** A cursor a list handed out, with another offset in it. */
const withOffset = (cursor: string, offset: string) =>
  Buffer.from(Buffer.from(cursor, 'base64url').toString().replace(/:\d+$/, `:${offset}`)).toString(
    'base64url',
  );

/** Values for the arguments a connection requires besides its paging. */
const REQUIRED = { from: '"2026-01-01"', to: '"2026-11-23"' } as Record<string, string>;

/** Every connection of the schema, each with its required arguments. */
function connections(): Array<[name: string, args: string]> {
  return Object.values(schema.getQueryType()?.getFields() ?? {})
    .filter((field) => field.args.some((arg) => arg.name === 'after'))
    .map((field) => {
      const required = field.args.filter((arg) => isNonNullType(arg.type));
      const args = required.map((arg) => {
        const value = REQUIRED[arg.name];
        if (!value) throw new Error(`${field.name}: give the test a value for ${arg.name}`);
        return `${arg.name}: ${value}`;
      });
      return [field.name, args.join(', ')];
    });
}

describe('a cursor not handed out by the list', () => {
  it('is refused on every connection, after and before, naming the argument', async () => {
    const lists = connections();
    expect(lists.length).toBeGreaterThanOrEqual(10);
    for (const [name, args] of lists) {
      for (const argument of ['after', 'before']) {
        const query = `{ ${name}(${args}${args ? ', ' : ''}first: 5, ${argument}: "garbage") { totalCount } }`;
        const { errors } = await t.gql(query);
        expect(errors, `${name} ${argument}`).toMatchObject([
          {
            message: `${argument}: not a cursor of this list`,
            extensions: { code: 'BAD_USER_INPUT', argument },
          },
        ]);
      }
    }
  });

  it.each([
    ['not base64', 'garbage'],
    ['base64 of anything else', base64('abc')],
    ['another prefix', base64('Other:1')],
    ['a negative offset', offsetCursor('-5')],
    ['an offset in exponent notation', offsetCursor('1e9')],
    ['an offset with a fraction', offsetCursor('1.5')],
    ['an offset with leading zeros', offsetCursor('01')],
    ['an offset past a safe integer', offsetCursor('99999999999999999999')],
    ['no offset', offsetCursor('')],
  ])('%s: refused, echoing nothing of the cursor format', async (_, cursor) => {
    const { data, errors } = await t.gql(
      'query ($c: String) { units(first: 2, after: $c) { nodes { slug } } }',
      { c: cursor },
    );
    expect(data?.units ?? null).toBeNull();
    expect(errors).toMatchObject([
      {
        message: 'after: not a cursor of this list',
        extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
      },
    ]);
    expect(JSON.stringify(errors)).not.toMatch(/OffsetConnection|base64/i);
  });

  it('a cursor the list handed out pages on, and one past its end answers an empty page', async () => {
    const first = await t.data('{ units(first: 1) { nodes { slug } pageInfo { endCursor } } }');
    const { endCursor } = first.units.pageInfo;
    const next = await t.data(
      'query ($c: String) { units(first: 1, after: $c) { nodes { slug } } }',
      { c: endCursor },
    );
    expect(next.units.nodes).toHaveLength(1);
    expect(next.units.nodes[0].slug).not.toBe(first.units.nodes[0].slug);
    const past = await t.data(
      'query ($c: String) { units(first: 1, after: $c) { nodes { slug } pageInfo { hasNextPage } } }',
      { c: withOffset(endCursor, '1000') },
    );
    expect(past.units).toEqual({ nodes: [], pageInfo: { hasNextPage: false } });
  });

  it.each([
    ['a negative offset', '-5'],
    ['an offset in exponent notation', '1e9'],
    ['an offset with leading zeros', '01'],
    ['no offset', ''],
  ])('a cursor of the list with %s: refused', async (_, offset) => {
    const first = await t.data('{ units(first: 1) { pageInfo { endCursor } } }');
    const { errors } = await t.gql(
      'query ($c: String) { units(first: 2, after: $c) { totalCount } }',
      {
        c: withOffset(first.units.pageInfo.endCursor, offset),
      },
    );
    expect(errors).toMatchObject([{ message: 'after: not a cursor of this list' }]);
  });

  it('a cursor of another list, or of this list on another day, is refused: no list mixes days', async () => {
    const page = (list: string, day: string) =>
      t.data(`{ ${list}(first: 1, asOf: "${day}") { pageInfo { endCursor } } }`);
    const today = (await page('units', '2026-11-23')).units.pageInfo.endCursor;
    const ask = (list: string, day: string) =>
      t.gql(`query ($c: String) { ${list}(first: 1, after: $c, asOf: "${day}") { totalCount } }`, {
        c: today,
      });
    expect((await ask('units', '2026-11-23')).errors).toBeUndefined();
    expect((await ask('units', '2026-11-01')).errors).toMatchObject([
      {
        message:
          'after: a cursor of this list on 2026-11-23, not 2026-11-01: a list never mixes days (ask its first page again)',
        extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
      },
    ]);
    expect((await ask('people', '2026-11-23')).errors).toMatchObject([
      { message: 'after: not a cursor of this list' },
    ]);
  });

  it('a cursor of one list is refused by every other: no two lists share a position format', async () => {
    // apiTokens, scenarios and changes took each other's cursors as positions of their own.
    await t.data('mutation { createApiToken(input: { name: "c", role: VIEWER }) { token } }');
    await t.data(
      'mutation { createScenario(input: { name: "c", changes: [] }) { userErrors { message } } }',
    );
    const lists = connections();
    const cursors = new Map<string, string>();
    for (const [name, args] of lists) {
      const data = await t.data(
        `{ ${name}(${args}${args ? ', ' : ''}first: 1) { pageInfo { endCursor } } }`,
      );
      if (data[name].pageInfo.endCursor) cursors.set(name, data[name].pageInfo.endCursor);
    }
    expect([...cursors.keys()]).toEqual(
      expect.arrayContaining(['apiTokens', 'scenarios', 'changes', 'units', 'people', 'aors']),
    );
    const ask = (name: string, args: string, cursor: string) =>
      t.gql(
        `query ($c: String) { ${name}(${args}${args ? ', ' : ''}first: 1, after: $c) { totalCount } }`,
        {
          c: cursor,
        },
      );
    for (const [name, args] of lists) {
      for (const [from, cursor] of cursors) {
        const { errors } = await ask(name, args, cursor);
        if (from === name) expect(errors, name).toBeUndefined();
        else
          expect(errors, `${from} in ${name}`).toMatchObject([
            { message: 'after: not a cursor of this list' },
          ]);
      }
    }
    // The audit log's filters choose its items, as a list's arguments do.
    const since = await t.data(
      '{ changes(since: "2000-01-01", first: 1) { pageInfo { endCursor } } }',
    );
    expect(since.changes.pageInfo.endCursor).toEqual(expect.any(String));
    expect((await ask('changes', '', since.changes.pageInfo.endCursor)).errors).toMatchObject([
      { message: 'after: not a cursor of this list' },
    ]);
  });

  it('a cursor of the list as other arguments chose its items is refused, not read as a position', async () => {
    // An offset into `units` was taken by `units(layer: TEAM)`: a page of another list, silently.
    const page = (args: string, after: string | null = null) =>
      t.gql(`query ($c: String) { units(first: 1, after: $c${args}) { pageInfo { endCursor } } }`, {
        c: after,
      });
    const all = (await page('')).data?.units.pageInfo.endCursor;
    const teams = (await page(', layer: TEAM')).data?.units.pageInfo.endCursor;
    expect((await page(', layer: TEAM', all)).errors).toMatchObject([
      { message: 'after: not a cursor of this list' },
    ]);
    expect((await page('', teams)).errors).toMatchObject([
      { message: 'after: not a cursor of this list' },
    ]);
    expect((await page(', layer: AREA', teams)).errors).toHaveLength(1);
    // The same choice pages on, however its arguments are written.
    expect((await page(', layer: TEAM', teams)).errors).toBeUndefined();
    expect((await page(', layer: TEAM, parent: null', teams)).errors).toBeUndefined();
    expect((await page('', all)).errors).toBeUndefined();
  });

  it("people's cursor pages on under each way of writing the same choice", async () => {
    // `includeDeparted: false` written out, a search in another case or padded: the same
    // people, but the cursor was refused as another list's.
    const page = (args: string, after: string | null = null) =>
      t.gql(
        `query ($c: String) { people(first: 1, after: $c${args}) { pageInfo { endCursor } } }`,
        {
          c: after,
        },
      );
    const all = (await page('')).data?.people.pageInfo.endCursor;
    expect((await page(', includeDeparted: false', all)).errors).toBeUndefined();
    const found = (await page(', search: "e"')).data?.people.pageInfo.endCursor;
    expect((await page(', search: " E "', found)).errors).toBeUndefined();
    expect((await page(', search: "a"', found)).errors).toHaveLength(1);
    expect((await page(', includeDeparted: true', all)).errors).toHaveLength(1);
  });
});

describe('argument rules', () => {
  it('a negative page size reads like the other bounds, naming the argument', async () => {
    for (const argument of ['first', 'last']) {
      const { errors } = await t.gql(`{ units(${argument}: -1) { totalCount } }`);
      expect(errors).toMatchObject([
        {
          message: `${argument}: at least 0`,
          extensions: { code: 'BAD_USER_INPUT', argument },
        },
      ]);
    }
  });

  it('an empty scope names the argument, as its other refusals do', async () => {
    for (const query of [
      '{ singlePointsOfFailure(scope: "") { totalCount } }',
      '{ leadershipChanges(from: "2026-01-01", to: "2026-11-23", scope: "") { totalCount } }',
    ]) {
      const { errors } = await t.gql(query);
      expect(errors, query).toMatchObject([
        {
          message: 'scope: must not be empty',
          extensions: { code: 'BAD_USER_INPUT', argument: 'scope' },
        },
      ]);
    }
  });

  it("people's team and manager follow the rules of every slug and email argument", async () => {
    // They were looked up as sent: a control character echoed back in a NOT_FOUND, 100,000
    // characters quoted whole, " storage " not found where unit(slug:) trims it.
    const variables = (value: string) => ({ team: value, manager: value });
    const ask = (argument: string, value: string) =>
      t.gql(`query ($${argument}: String) { people(${argument}: $${argument}) { totalCount } }`, {
        [argument]: variables(value)[argument as 'team'],
      });
    for (const argument of ['team', 'manager']) {
      for (const [value, message] of [
        ['\u001b[2J', 'must not contain control characters'],
        ['x'.repeat(100_000), 'must be at most 254 characters'],
      ]) {
        const { errors } = await ask(argument, value as string);
        expect(errors).toMatchObject([
          {
            message: `${argument}: ${message}`,
            extensions: { code: 'BAD_USER_INPUT', argument },
          },
        ]);
      }
    }
    const { data } = await ask('team', ' storage ');
    expect(data?.people.totalCount).toBeGreaterThan(0);
    const { errors } = await t.gql(`{ people(search: "${'x'.repeat(255)}") { totalCount } }`);
    expect(errors?.[0]?.message).toBe('search: must be at most 254 characters');
  });
});

describe('a document over a limit of its shape', () => {
  const deep = (levels: number) =>
    `{ unit(slug: "storage") { ${'parent { '.repeat(levels)}slug${' }'.repeat(levels)} } }`;
  const aliases = (n: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;

  it.each([
    ['too deep', deep(26), 'Query depth limit of 12 exceeded, found 28.', 12],
    ['too many aliases', aliases(300), 'Aliases limit of 30 exceeded, found 300.', 30],
  ])('%s: a typed validation error, answered as one (400)', async (_, query, message, limit) => {
    const { status, errors, data } = await t.gql(query);
    expect(status).toBe(400);
    expect(data).toBeUndefined();
    expect(errors).toEqual([{ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit } }]);
    const line = JSON.parse(t.logs.at(-1) ?? '{}');
    expect(line).toMatchObject({ status: 400, error: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('is answered like any validation error to a legacy JSON client too', async () => {
    // A client that accepts plain JSON only, as before application/graphql-response+json.
    const legacy = (query: string) => postBody(JSON.stringify({ query }), 'application/json');
    const response = await legacy(aliases(300));
    const unknownField = await legacy('{ nothingHere }');
    expect(response.status).toBe(unknownField.status);
    expect((await response.json()).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('is answered in the type the client prefers by q-value, not the one it lists first', async () => {
    // `application/json;q=0.5, …+json` got 200 application/json: the first listed won.
    const body = JSON.stringify({ query: '{ nothingHere }' });
    const prefers = await postBody(
      body,
      'application/json;q=0.5, application/graphql-response+json',
    );
    expect(prefers.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(prefers.status).toBe(400);
    const legacy = await postBody(
      body,
      'application/graphql-response+json;q=0.1, application/json;q=0.9',
    );
    expect(legacy.headers.get('content-type')).toMatch(/^application\/json/);
    expect(legacy.status).toBe(200);
  });
});

describe('variables that do not coerce', () => {
  const SET = `mutation ($i: SetPolicyInput!) { setPolicy(input: $i) {
    policy { spanLimit } userErrors { message } } }`;

  it('an unknown enum value in an input: BAD_USER_INPUT, no data, nothing written', async () => {
    const before = await t.changeCount();
    t.statements.length = 0;
    const result = await t.gql(SET, {
      i: { spanLimit: 3, kinds: [{ kind: 'NOT_A_KIND', off: true }] },
    });
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toMatchObject([
      {
        message: expect.stringMatching(/^Variable "\$i" got invalid value "NOT_A_KIND"/),
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    expect(t.statements.filter((s) => /^\s*(insert|update|delete)/i.test(s))).toEqual([]);
    expect(await t.changeCount()).toBe(before);
    expect((await t.data('{ policy { spanLimit } }')).policy.spanLimit).not.toBe(3);
  });

  it.each([
    ['an Int given text', 'query ($n: Int) { units(first: $n) { totalCount } }', { n: 'x' }],
    ['a required variable missing', 'query ($n: Int!) { units(first: $n) { totalCount } }', {}],
    [
      'a Date variable malformed',
      'query ($f: Date!) { seatVacancyStats(from: $f, to: "2026-12-31") { layer } }',
      { f: '2026-1-1' },
    ],
  ])('%s: BAD_USER_INPUT naming the variable, 400', async (_, query, variables) => {
    const { status, data, errors } = await t.gql(query, variables);
    expect(status).toBe(400);
    expect(data).toBeUndefined();
    expect(errors).toMatchObject([
      {
        message: expect.stringMatching(/^Variable "\$[nf]"/),
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
  });
});

describe('parameters no client sends', () => {
  /** A JSON object nested `levels` deep, written out (stringifying it would need the depth). */
  const nested = (levels: number) => `${'{"a":'.repeat(levels)}{}${'}'.repeat(levels)}`;
  const post = (query: string, variables: string) =>
    postBody(`{"query":${JSON.stringify(query)},"variables":${variables}}`);

  it.each([
    [
      'an org document',
      'mutation ($d: JSONObject!) { importOrg(document: $d) { userErrors { path } } }',
      'd',
    ],
    ['a String', 'query ($s: String) { units(parent: $s) { totalCount } }', 's'],
  ])(
    'variables thousands of levels deep (%s): BAD_USER_INPUT, not a fault',
    async (_, query, name) => {
      const before = await t.changeCount();
      const response = await post(query, `{"${name}":${nested(5000)}}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [
          {
            message: 'variables: nested deeper than 32 levels',
            extensions: { code: 'BAD_USER_INPUT', argument: 'variables' },
          },
        ],
      });
      expect(await t.changeCount()).toBe(before);
    },
  );

  it('more variables than any operation declares: refused before they are walked', async () => {
    // 400,000 undeclared ones (4.7 MB) took 0.7 s each, no token needed, nothing answered meanwhile.
    const many = JSON.stringify(
      Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`v${i}`, 0])),
    );
    const response = await post('{ viewer { role } }', many);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'variables: 101 given, more than 100',
          extensions: { code: 'BAD_USER_INPUT', argument: 'variables' },
        },
      ],
    });
  });

  it('a body the client stops sending: 400 and a warning, not a database outage', async () => {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"query":"{ units { totalC'));
        controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
      },
    });
    const response = await postBody(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'the request could not be read to its end (the client closed it)',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
    const line = JSON.parse(t.logs.at(-1) ?? '{}');
    expect(line).toMatchObject({ level: 'warn', status: 400, error: { code: 'BAD_REQUEST' } });
  });

  it.each([
    'application/graphql-response+json',
    // GraphQL over HTTP: SHOULD be 400 for an application/json client too (it was 200).
    'application/json',
  ])('a body that is not JSON: 400 in our words, not those of the parser (%s)', async (accept) => {
    const response = await postBody('{"query": "{ __typename }", ', accept);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it.each(['application/graphql-response+json', 'application/json'])(
    'a request without a query: 400 for every client (%s)',
    async (accept) => {
      // GraphQL over HTTP: not a well-formed request, SHOULD be 400 (`{}` was 200 to
      // application/json, where `{"qeury": …}` was 400).
      for (const body of ['{}', '{"variables": {}}']) {
        const response = await postBody(body, accept);
        expect(response.status, body).toBe(400);
        expect(await response.json()).toEqual({
          errors: [{ message: 'Must provide query string.', extensions: { code: 'BAD_REQUEST' } }],
        });
      }
      const get = await t.app.fetch('http://orgraph.test/graphql', {
        headers: { accept, authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      expect(get.status).toBe(400);
    },
  );

  it.each([
    ['application/graphql-response+json', 400],
    // GraphQL over HTTP: SHOULD be 200 for every well-formed request to application/json (400).
    ['application/json', 200],
  ])(
    'an operationName picking no operation: named in our words (%s: %i)',
    async (accept, status) => {
      const query = 'query A { viewer { via } } query B { viewer { role } }';
      const asked = [
        [{ query, operationName: 'C' }, 'operationName: the query holds no operation named "C"'],
        [
          { query },
          'operationName: the query holds several operations, or none: give each a name and send the one to run',
        ],
        // Not a string: "no operation named "[object Object]"" (or "A", sent as ["A"]).
        [{ query, operationName: ['A'] }, 'operationName: must be a string, got ["A"]'],
        // Nested past what JSON.stringify walks: a 500 ("Unexpected error.") before.
        [
          `{"query": ${JSON.stringify(query)}, "operationName": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
          'operationName: must be a string, got a value nested too deep to show',
        ],
        // Shown cut short, not echoed whole.
        [
          { query, operationName: ['x'.repeat(1_000)] },
          `operationName: must be a string, got ["${'x'.repeat(38)}…`,
        ],
      ] as const;
      for (const [body, message] of asked) {
        const response = await postBody(
          typeof body === 'string' ? body : JSON.stringify(body),
          accept,
        );
        expect(response.status, message).toBe(status);
        expect(await response.json()).toEqual({
          errors: [
            {
              message,
              extensions: { code: 'OPERATION_RESOLUTION_FAILURE', argument: 'operationName' },
            },
          ],
        });
      }
      const picked = await postBody(JSON.stringify({ query, operationName: 'B' }), accept);
      expect(await picked.json()).toEqual({ data: { viewer: { role: 'ADMIN' } } });
    },
  );

  it('a GET whose variables are not JSON: 400, not a fault', async () => {
    const response = await t.app.fetch(
      'http://orgraph.test/graphql?query=%7B__typename%7D&variables=%7Bnot',
      { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        { message: 'variables, extensions: must be JSON', extensions: { code: 'BAD_REQUEST' } },
      ],
    });
  });
});

describe('a malformed Date literal', () => {
  it('names the argument it stands in', async () => {
    const { status, errors } = await t.gql(
      '{ seatVacancyStats(from: "2026-1-1", to: "2026-12-31") { layer } }',
    );
    expect(status).toBe(400);
    expect(errors).toMatchObject([
      {
        message: expect.stringMatching(
          /^from: Date must be an existing day, YYYY-MM-DD .* got "2026-1-1"$/,
        ),
        locations: [{ line: 1, column: 26 }],
        extensions: { code: 'BAD_USER_INPUT', argument: 'from' },
      },
    ]);
  });

  it('shows a long value in part: a megabyte sent is not echoed back whole', async () => {
    const { errors } = await t.gql('query ($d: Date) { units(asOf: $d) { totalCount } }', {
      d: 'x'.repeat(1_000_000),
    });
    expect(errors?.[0]?.message).toContain(`got "${'x'.repeat(39)}… (1000002 characters)`);
    expect(JSON.stringify(errors).length).toBeLessThan(1_100_000);
  });

  it.each(['20261206', 'TODAY', 'true', '["2026-01-01"]', '{y: 2026}'])(
    'shows a literal that is no string as written: %s',
    async (literal) => {
      const { status, errors } = await t.gql(`{ units(asOf: ${literal}) { totalCount } }`);
      expect(status).toBe(400);
      expect(errors).toMatchObject([
        {
          message: `asOf: Date must be an existing day, YYYY-MM-DD (ISO 8601), from 1900-01-01 to 2999-12-31, got ${literal}`,
          extensions: { code: 'BAD_USER_INPUT', argument: 'asOf' },
        },
      ]);
    },
  );

  it('names the field of an input object it stands in, under its argument', async () => {
    const { errors } = await t.gql(
      'mutation { setPolicy(input: { on: "2026-13-01" }) { userErrors { message } } }',
    );
    expect(errors).toMatchObject([
      {
        message: expect.stringMatching(/^input\.on: Date must be/),
        extensions: { code: 'BAD_USER_INPUT', argument: 'input' },
      },
    ]);
  });
});

describe('an org document written inline, as a GraphQL object literal', () => {
  // graphql-scalars' JSONObject dropped an unquoted enum value from a literal: the AoR was
  // imported MEDIUM with no word, and `layer: PILLAR` was "is required".
  const importInline = (aor: string) =>
    t.gql(`mutation { importOrg(document: {
      aors: [{ slug: "tape", name: "Tape", unit: "storage", ${aor} }]
    }) { userErrors { path message code } } }`);

  it('refuses an unquoted value that is none, at its path, writing nothing', async () => {
    const before = await t.changeCount();
    const { data } = await importInline('criticality: BOGUS');
    expect(data?.importOrg.userErrors).toEqual([
      expect.objectContaining({ path: 'aors[0].criticality', code: 'VALIDATION' }),
    ]);
    expect(await t.changeCount()).toBe(before);
  });

  it('reads an unquoted value as its text: criticality: HIGH is HIGH', async () => {
    const { data } = await importInline('criticality: HIGH');
    expect(data?.importOrg.userErrors).toEqual([]);
    const { aors } = await t.data('{ aors(scope: "storage") { nodes { slug criticality } } }');
    expect(aors.nodes).toContainEqual({ slug: 'tape', criticality: 'HIGH' });
  });
});
