import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiTokenTable } from '../../src/db/tables.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';

const CREATE_TOKEN = `mutation ($name: String!, $role: Role!) {
  createApiToken(input: { name: $name, role: $role }) {
    token apiToken { id name role } userErrors { path message code }
  }
}`;
const UNITS = '{ units(first: 5) { totalCount } }';

const t = useTestOrg();

async function tokenFor(role: 'VIEWER' | 'PLANNER' | 'ADMIN') {
  const { createApiToken } = await t.data(CREATE_TOKEN, { name: `${role} test`, role });
  return createApiToken as { token: string; apiToken: { id: string } };
}

describe('authentication', () => {
  it('refuses a request without a token with a 401 and no data', async () => {
    const result = await t.gql(UNITS, {}, { token: null });
    expect(result.status).toBe(401);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an unknown token with a 401', async () => {
    const result = await t.gql(UNITS, {}, { token: 'not-a-real-token' });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.message).toMatch(/invalid or revoked/i);
  });

  it('accepts the bootstrap admin token and tokens it creates', async () => {
    const { token } = await tokenFor('VIEWER');
    expect(token).toMatch(/^orgraph_/);
    const result = await t.gql(UNITS, {}, { token });
    expect(result.errors).toBeUndefined();
    expect(result.data?.units.totalCount).toBe(0);
  });

  it('stores tokens hashed, never in the clear', async () => {
    const { token } = await tokenFor('PLANNER');
    const rows = await t.database.db.select().from(apiTokenTable);
    const hash = createHash('sha256').update(token).digest('hex');
    expect(rows.some((r) => r.tokenHash === hash)).toBe(true);
    expect(rows.some((r) => r.tokenHash.includes(token))).toBe(false);
  });

  it('stops honouring a revoked token at once', async () => {
    const { token, apiToken } = await tokenFor('VIEWER');
    const revoke = await t.data(
      'mutation ($id: ID!) { revokeApiToken(input: { id: $id }) { apiToken { name } userErrors { code } } }',
      { id: apiToken.id },
    );
    expect(revoke.revokeApiToken.userErrors).toEqual([]);
    expect((await t.gql(UNITS, {}, { token })).status).toBe(401);
  });

  it('reports revoking an unknown token as NOT_FOUND in userErrors', async () => {
    const { apiToken } = await tokenFor('VIEWER');
    const mutation =
      'mutation ($id: ID!) { revokeApiToken(input: { id: $id }) { userErrors { path code } } }';
    await t.data(mutation, { id: apiToken.id });
    const again = await t.data(mutation, { id: apiToken.id });
    expect(again.revokeApiToken.userErrors).toEqual([{ path: 'input.id', code: 'NOT_FOUND' }]);
  });
});

describe('roles', () => {
  it('lets a VIEWER read structure but not write', async () => {
    const { token } = await tokenFor('VIEWER');
    const write = await t.gql(CREATE_TOKEN, { name: 'x', role: 'ADMIN' }, { token });
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(write.data?.createApiToken ?? null).toBeNull();
  });

  it('lets a PLANNER read but not manage tokens', async () => {
    const { token } = await tokenFor('PLANNER');
    expect((await t.gql(UNITS, {}, { token })).errors).toBeUndefined();
    const write = await t.gql(CREATE_TOKEN, { name: 'x', role: 'VIEWER' }, { token });
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('open read access', () => {
  it('serves reads without a token only when the operator opened it, never writes', async () => {
    const open = await startTestApp({ env: { ORGRAPH_OPEN_READ: 'VIEWER' } });
    try {
      expect((await open.gql(UNITS, {}, { token: null })).errors).toBeUndefined();
      const write = await open.gql(CREATE_TOKEN, { name: 'x', role: 'ADMIN' }, { token: null });
      expect(write.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await open.close();
    }
  });

  it('opened to PLANNER, still takes no write without a token (a scenario saved)', async () => {
    const open = await startTestApp({ env: { ORGRAPH_OPEN_READ: 'PLANNER' } });
    try {
      expect((await open.gql('{ scenarios { totalCount } }', {}, { token: null })).errors).toBe(
        undefined,
      );
      const create = `mutation { createScenario(input: { name: "anonymous", changes: [] }) {
        scenario { id } } }`;
      const write = await open.gql(create, {}, { token: null });
      expect(write.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(write.data ?? null).toBeNull();
      const { scenarios } = await open.data('{ scenarios { totalCount } }');
      expect(scenarios.totalCount).toBe(0);
    } finally {
      await open.close();
    }
  });
});

describe('limits', () => {
  it('refuses a page larger than 100', async () => {
    const result = await t.gql('{ units(first: 101) { totalCount } }');
    expect(result.errors?.[0]?.message).toMatch(/first.*100/);
    expect(result.data ?? null).toBeNull();
  });

  it('refuses a query 25 levels deep', async () => {
    const deep = `{ units(first: 1) { nodes { ${'parent { '.repeat(24)}slug${' }'.repeat(24)} } } }`;
    const result = await t.gql(deep);
    expect(result.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('refuses hundreds of aliases', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: units(first: 1) { totalCount }`);
    const result = await t.gql(`{ ${aliases.join(' ')} }`);
    expect(result.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('masks unexpected errors: no stack, no SQL', async () => {
    const result = await t.gql('{ unit(slug: "x") { slug } }', {}, { token: 'Bearer' });
    expect(JSON.stringify(result)).not.toMatch(/stack|select |at [a-zA-Z]+ \(/i);
  });
});

describe('CORS', () => {
  const preflight = (app: TestApp, origin: string) =>
    app.app.fetch('http://orgraph.test/graphql', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });

  it('allows no origin unless configured', async () => {
    const response = await preflight(t, 'https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each([
    ['one', 'https://dash.example'],
    ['two', 'https://dash.example,https://ops.example'],
  ])('allows only the configured origins (%s configured)', async (_, origins) => {
    // With two, any other origin was answered `null`, with credentials: the origin of a
    // sandboxed frame on any site, which could so read what open read access serves.
    const cors = await startTestApp({ env: { ORGRAPH_CORS_ORIGINS: origins } });
    try {
      const allowed = await preflight(cors, 'https://dash.example');
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dash.example');
      // What the API takes, not whatever was asked (PUT and any header were echoed back),
      // no credentials (bearer tokens only), and the request id readable by the page.
      expect(allowed.headers.get('access-control-allow-methods')).toBe('GET, POST');
      expect(allowed.headers.get('access-control-allow-headers')).toBe(
        'authorization, content-type, accept, x-request-id',
      );
      expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
      const put = await cors.app.fetch('http://orgraph.test/graphql', {
        method: 'OPTIONS',
        headers: { origin: 'https://dash.example', 'access-control-request-method': 'PUT' },
      });
      expect(put.headers.get('access-control-allow-methods')).toBe('GET, POST');
      const read = await cors.app.fetch('http://orgraph.test/graphql', {
        method: 'POST',
        headers: { origin: 'https://dash.example', 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ viewer { role } }' }),
      });
      expect(read.headers.get('access-control-expose-headers')).toBe('x-request-id');
      // An answer differs by Origin: caches are told so (a shared one mixed them up).
      expect(read.headers.get('vary')).toMatch(/\bOrigin\b/);
      for (const origin of ['https://evil.example', 'null']) {
        const refused = await preflight(cors, origin);
        // None, or the one configured: never theirs, never `null`.
        expect([null, 'https://dash.example']).toContain(
          refused.headers.get('access-control-allow-origin'),
        );
        expect(refused.headers.get('vary')).toMatch(/\bOrigin\b/);
      }
      const noOrigin = await cors.app.fetch('http://orgraph.test/graphql?query={viewer{role}}');
      expect(noOrigin.headers.get('vary')).toMatch(/\bOrigin\b/);
    } finally {
      await cors.close();
    }
  });
});
