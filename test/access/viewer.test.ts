import { describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { identityProvider, tokenFor } from './credentials.js';

const VIEWER = '{ viewer { role via name scope { slug } } }';

const t = useTestOrg();

describe('viewer', () => {
  it('names an API token, its role and scope', async () => {
    await t.importOrg({ units: [{ slug: 'platform', name: 'Platform', layer: 'PILLAR' }] });
    const token = await tokenFor(t, 'VIEWER', 'platform');
    expect((await t.data(VIEWER, {}, { token })).viewer).toEqual({
      role: 'VIEWER',
      via: 'TOKEN',
      name: 'VIEWER platform',
      scope: { slug: 'platform' },
    });
    expect((await t.data(VIEWER)).viewer).toEqual({
      role: 'ADMIN',
      via: 'TOKEN',
      name: 'ORGRAPH_ADMIN_TOKEN',
      scope: null,
    });
  });

  it('answers a caller without a credential: no role, via OPEN', async () => {
    const result = await t.gql(VIEWER, {}, { token: null });
    expect(result.status).toBe(200);
    expect(result.data?.viewer).toEqual({ role: null, via: 'OPEN', name: null, scope: null });
    const fragment = 'query { ...Me } fragment Me on Query { viewer { role } __typename }';
    expect((await t.gql(fragment, {}, { token: null })).data?.viewer).toEqual({ role: null });
  });

  it('still refuses with a 401 anything else asked without a credential', async () => {
    const asks = [
      '{ viewer { role } units { totalCount } }',
      '{ ... on Query { units { totalCount } } }',
      '{ __schema { queryType { name } } }',
      'mutation { createApiToken(input: { name: "x", role: ADMIN }) { token } }',
    ];
    for (const ask of asks) {
      const result = await t.gql(ask, {}, { token: null });
      expect(result.status, ask).toBe(401);
      expect(result.data, ask).toBeUndefined();
      expect(result.errors?.[0]?.extensions?.code, ask).toBe('UNAUTHENTICATED');
    }
  });

  it('is refused, like everything, to a bad credential', async () => {
    expect((await t.gql(VIEWER, {}, { token: 'orgraph_forged' })).status).toBe(401);
    const idp = await identityProvider();
    const jwt = await idp.sign({ orgraph_role: 'ADMIN' });
    const sso = await t.gql(VIEWER, {}, { token: jwt });
    expect(sso.status).toBe(401);
    expect(sso.errors?.[0]?.message).toMatch(/invalid or revoked token/i);
  });
});

describe('viewer with read access opened by the operator', () => {
  it('has the opened role, via OPEN', async () => {
    const open = await startTestApp({ env: { ORGRAPH_OPEN_READ: 'PLANNER' } });
    try {
      const result = await open.gql(
        `${VIEWER.slice(0, -1)} successionBench { seat } }`,
        {},
        { token: null },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.viewer).toEqual({
        role: 'PLANNER',
        via: 'OPEN',
        name: null,
        scope: null,
      });
    } finally {
      await open.close();
    }
  });
});
