import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, type TestApp } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { specDocument } from '../orgdoc/fixtures.js';

const LIMIT = 4_096;
const aliases = (n: number, field: string) =>
  Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
const IMPACT = 'departureImpact(email: "ana@example.com") { person { email } }';

const app = useTestOrg(specDocument(), { env: { ORGRAPH_MAX_BODY_BYTES: `${LIMIT}` } });
const defaults = useTestOrg();

function post(target: TestApp, body: BodyInit, init: RequestInit = {}) {
  return target.app.fetch('http://orgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body,
    ...init,
  });
}

/** A body sent in chunks, without Content-Length, as `Transfer-Encoding: chunked` is. */
function chunked(text: string): RequestInit & { duplex: 'half' } {
  const bytes = new TextEncoder().encode(text);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 1_000)
        controller.enqueue(bytes.slice(at, at + 1_000));
      controller.close();
    },
  });
  return { body, duplex: 'half' };
}

const query = (text: string, pad = 0) =>
  JSON.stringify({ query: text, extensions: { padding: 'x'.repeat(pad) } });

describe('the request body limit', () => {
  it('refuses a body over the limit with a 413 naming the limit and the way out', async () => {
    const response = await post(app, query('{ units { totalCount } }', LIMIT));
    expect(response.status).toBe(413);
    const { errors } = await response.json();
    expect(errors[0].message).toMatch(/at most 4096 bytes \(ORGRAPH_MAX_BODY_BYTES\)/);
    expect(errors[0].message).toMatch(/npm run org -- import/);
    expect(errors[0].extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE' });
    expect(JSON.parse(app.logs.at(-1) ?? '{}')).toMatchObject({
      level: 'warn',
      status: 413,
      msg: 'request refused',
    });
  });

  it('counts a body sent in chunks, without Content-Length', async () => {
    const big = await post(app, '', chunked(query('{ units { totalCount } }', LIMIT)));
    expect(big.status).toBe(413);
    expect((await big.json()).errors[0].extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE' });
    const small = await post(app, '', chunked(query('{ units { totalCount } }')));
    expect((await small.json()).data.units.totalCount).toBeGreaterThan(0);
  });

  it('by default refuses 10 MB and takes what fits', async () => {
    expect((await post(defaults, query('{ units { totalCount } }', 10_000_000))).status).toBe(413);
    expect((await post(defaults, query('{ units { totalCount } }', 3_000_000))).status).toBe(200);
  });
});

describe('depth', () => {
  it('refuses a query thousands of levels deep as too deep, not as an internal error', async () => {
    // It could overflow the parser's stack before the token limit stopped it: an HTTP 500.
    // Whether the stack or the token limit gives out first depends on the process's stack.
    for (const depth of [5_000, 50_000]) {
      const query = `{ ${'a { '.repeat(depth)}b${' }'.repeat(depth)} }`;
      const { status, errors } = await defaults.gql(query);
      expect(status).toBe(400);
      expect(errors).toHaveLength(1);
      expect(errors?.[0]?.message).toMatch(
        /^(the query is nested far deeper than its limit of 12|Syntax Error: Token limit of 5000 exceeded\.)$/,
      );
    }
  });
});

describe('aliases and cost', () => {
  it('counts every alias, __typename too', async () => {
    expect((await defaults.gql(`{ ${aliases(30, '__typename')} }`)).errors).toBeUndefined();
    const { errors } = await defaults.gql(`{ ${aliases(500, '__typename')} }`);
    expect(errors?.[0]?.message).toMatch(/Aliases limit of 30 exceeded, found 500/);
  });

  it('says what to change when a field is repeated too often for GraphQL to check', async () => {
    // graphql-js' own bound on comparing fields pairwise: it answered a bare "Validation aborted.".
    const copies = `{ ${Array.from({ length: 1_000 }, () => 'units { totalCount }').join(' ')} }`;
    const { status, errors } = await defaults.gql(copies);
    expect(status).toBe(400);
    expect(errors).toMatchObject([
      {
        message:
          'Validation aborted: the document repeats the same fields too often to be checked (GraphQL compares every pair of them); ask each field once.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('refuses 30 departure impacts on days not yet computed, with one error, before running any', async () => {
    app.statements.length = 0;
    const impacts = Array.from(
      { length: 30 },
      (_, i) =>
        `i${i}: departureImpact(email: "ana@example.com", asOf: "2027-01-${String(i + 1).padStart(2, '0')}") { person { email } }`,
    );
    const { data, errors, status } = await app.gql(`{ ${impacts.join(' ')} }`);
    expect(data ?? null).toBeNull();
    // No data: 400 to a client accepting application/graphql-response+json (it was a 200).
    expect(status).toBe(400);
    expect(errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^This request costs \d+, over the limit of 150000/),
        extensions: expect.objectContaining({ code: 'QUERY_TOO_COSTLY', limit: 150_000 }),
      }),
    ]);
    expect(errors?.[0]?.extensions?.cost).toBeGreaterThan(30 * 10_000);
    expect(app.statements).toEqual([]);
  });

  it('refuses a document selecting over 2,000 fields once its fragments are spread out', async () => {
    // Each fragment spreads the one before ten times: 4 × 10³ fields and the unit, in a few lines.
    const fragments = [1, 2, 3].map(
      (i) => `fragment F${i} on OrgUnit { ${`...F${i - 1} `.repeat(10)}}`,
    );
    const query = `{ unit(slug: "storage") { ...F3 } }
      fragment F0 on OrgUnit { id slug name layer } ${fragments.join(' ')}`;
    const { data, errors, status } = await app.gql(query);
    expect(data ?? null).toBeNull();
    expect(status).toBe(400);
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'This request selects 4001 fields, over the limit of 2000.',
        extensions: expect.objectContaining({
          code: 'QUERY_TOO_BROAD',
          breadth: 4001,
          limit: 2000,
        }),
      }),
    ]);
  });

  it('admits 30 departure impacts of today: each costs what its change touches', async () => {
    const { data, errors } = await app.gql(`{ ${aliases(30, IMPACT)} }`);
    expect(errors).toBeUndefined();
    expect(data?.a29.person.email).toBe('ana@example.com');
  });

  it('admits a few analyses together, and one export', async () => {
    const { data } = await app.gql(`{ ${aliases(3, IMPACT)}
      successionBench { seat } coverage { benchStrength }
      singlePointsOfFailure(first: 100) { totalCount } teamsWithoutTechLead { totalCount } }`);
    expect(data?.a2.person.email).toBe('ana@example.com');
    expect((await app.gql('{ exportOrg }')).data?.exportOrg.units.length).toBeGreaterThan(0);
    expect((await app.gql(`{ ${aliases(2, 'exportOrg')} }`)).errors?.[0]?.extensions?.code).toBe(
      'QUERY_TOO_COSTLY',
    );
  });

  it('says lists nested in lists cost too, where a request asks for no analysis', async () => {
    // It said only "ask for fewer analyses", of a request that asked none.
    const nested = `{ units(first: 100) { nodes { children { engLead { directReports {
      team { members { manager { directReports { name } } } } } } } } } }`;
    const [error] = (await app.gql(nested)).errors ?? [];
    expect(error?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(error?.message).toContain('or for fewer lists nested in lists and smaller pages');
  });

  it('prices a day not yet computed: 30 coverage rollups on 30 days are refused', async () => {
    const days = Array.from({ length: 30 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`);
    const query = days.map((d, i) => `d${i}: coverage(asOf: "${d}") { benchStrength }`).join(' ');
    expect((await app.gql(`{ ${query} }`)).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('prices one document by its variables each time: days through variables, then none', async () => {
    const days = Array.from({ length: 15 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`);
    const declared = days.map((_, i) => `$d${i}: Date`).join(', ');
    const fields = days.map((_, i) => `c${i}: coverage(asOf: $d${i}) { benchStrength }`).join(' ');
    const query = `query (${declared}) { ${fields} }`;
    const refusal = async (asked: (string | null)[]) =>
      (await app.gql(query, Object.fromEntries(asked.map((d, i) => [`d${i}`, d])))).errors?.[0]
        ?.extensions?.code;
    for (let i = 0; i < 2; i++) {
      expect(await refusal(days.map(() => null))).toBeUndefined();
      expect(await refusal(days)).toBe('QUERY_TOO_COSTLY');
    }
  });

  it('prices every day asked once, whichever field asks it: a unit, a nested coverage', async () => {
    // Days asked of `unit` and of a unit's `coverage` cost nothing: 58 days in one request
    // held a VIEWER's server for two seconds. One day asked many times is one rebuild.
    const day = (i: number) => `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-01`;
    const many = Array.from(
      { length: 20 },
      (_, i) => `u${i}: unit(slug: "storage", asOf: "${day(i)}") { coverage { status } }`,
    ).join(' ');
    expect((await app.gql(`{ ${many} }`)).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    const nested = `{ unit(slug: "storage") { ${Array.from(
      { length: 20 },
      (_, i) => `c${i}: coverage(asOf: "${day(i)}") { status }`,
    ).join(' ')} } }`;
    expect((await app.gql(nested)).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    const oneDay = `{ ${Array.from({ length: 20 }, (_, i) => `u${i}: unit(slug: "storage", asOf: "2026-01-01") { slug }`).join(' ')} }`;
    expect((await app.gql(oneDay)).errors).toBeUndefined();
  });
});
