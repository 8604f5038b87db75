import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, type TestApp } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { specDocument } from '../orgdoc/fixtures.js';
import { tokenFor } from './credentials.js';

/**
 * A request that fails before it runs (its text, its validation, a limit, its variables)
 * answers a caller without a valid credential the 401 of any other request of theirs: the
 * refusal's own words would tell the schema's names, one misspelling at a time.
 */
let planner: string;
let viewer: string;
const t = useTestOrg(specDocument(), {
  setup: async (t) => {
    planner = await tokenFor(t, 'PLANNER');
    viewer = await tokenFor(t, 'VIEWER');
  },
});
const opened = useTestOrg(specDocument(), { env: { ORGRAPH_OPEN_READ: 'VIEWER' } });

const AUTHENTICATION_REQUIRED = {
  message: 'Authentication required: send "Authorization: Bearer <token>".',
  extensions: { code: 'UNAUTHENTICATED' },
};

/** A request as a client sends it, with the response's status, headers and body. */
async function ask(app: TestApp, query: string, variables = {}, token?: string) {
  const response = await app.app.fetch('http://orgraph.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    challenge: response.headers.get('www-authenticate'),
    body: await response.json(),
  };
}

const deep = `{ unit(slug: "storage") { ${'parent { '.repeat(20)}slug${' }'.repeat(20)} } }`;
const aliases = `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: viewer { role }`).join(' ')} }`;

describe('without a credential, a request refused before it ran', () => {
  it.each([
    ['a misspelt field with a similar name', '{ successionBenc { seat } }', {}],
    ['a field nothing resembles', '{ secretThing { x } }', {}],
    ['the open field misspelt', '{ viewer { rol } }', {}],
    ['a syntax error', '{ units { totalCount ', {}],
    ['too deep', deep, {}],
    ['too many aliases of the open field', aliases, {}],
    ['too costly', '{ a: exportOrg b: exportOrg }', {}],
    ['variables that do not coerce', 'query ($n: Int) { viewer { role } }', { n: 'x' }],
  ])('%s: the 401 of any request without one', async (_, query, variables) => {
    const { status, challenge, body } = await ask(t, query, variables);
    expect(status).toBe(401);
    expect(challenge).toBe('Bearer realm="orgraph"');
    expect(body).toEqual({ errors: [AUTHENTICATION_REQUIRED] });
    expect(JSON.parse(t.logs.at(-1) ?? '{}')).toMatchObject({
      status: 401,
      via: 'OPEN',
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('with a bad token: that token refused, whatever the document', async () => {
    for (const query of ['{ secretThing { x } }', '{ units { totalCount ', deep]) {
      const { status, body } = await ask(t, query, {}, 'orgraph_not-a-token');
      expect(status, query).toBe(401);
      expect(body, query).toEqual({
        errors: [{ message: 'Invalid or revoked token.', extensions: { code: 'UNAUTHENTICATED' } }],
      });
    }
  });

  it('the open question is still answered', async () => {
    const { status, body } = await ask(t, '{ viewer { role via } }');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { viewer: { role: null, via: 'OPEN' } } });
  });

  it('read access opened by the operator: validation errors are answered as to anyone', async () => {
    const { status, body } = await ask(opened, '{ secretThing { x } }');
    expect(status).toBe(400);
    expect(body.errors).toMatchObject([{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
  });
});

describe('a misspelt name reads as one nothing resembles', () => {
  it.each([
    ['successionBenc', 'secretThing'],
    ['unitz', 'zzzzz'],
  ])('%s and %s: the same words but the name', async (similar, unlike) => {
    const message = async (name: string) => {
      const { status, body } = await ask(t, `{ ${name} { x } }`, {}, ADMIN_TOKEN);
      expect(status).toBe(400);
      return body.errors[0].message as string;
    };
    const [near, far] = [await message(similar), await message(unlike)];
    expect(near).toBe(`Cannot query field "${similar}" on type "Query".`);
    expect(far).toBe(`Cannot query field "${unlike}" on type "Query".`);
  });
});

describe('a role refused', () => {
  it('a mutation is refused to run, a query to read', async () => {
    const before = await t.changeCount();
    const create = await t.gql(
      'mutation { createPerson(input: { email: "new@example.com", name: "New" }) { userErrors { message } } }',
      {},
      { token: planner },
    );
    expect(create.errors).toMatchObject([
      {
        message: 'Not authorized: your role (PLANNER) cannot run Mutation.createPerson.',
        extensions: { code: 'FORBIDDEN', field: 'Mutation.createPerson' },
      },
    ]);
    expect(await t.changeCount()).toBe(before);
    const read = await t.gql('{ exportOrg }', {}, { token: viewer });
    expect(read.errors).toMatchObject([
      {
        message: 'Not authorized: your role (VIEWER) cannot read Query.exportOrg.',
        extensions: { code: 'FORBIDDEN', field: 'Query.exportOrg' },
      },
    ]);
  });
});
