import { exportSPKI, generateKeyPair, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { useTestOrg } from '../helpers/test-org.js';
import { AUDIENCE, ISSUER, identityProvider, ssoEnv } from './credentials.js';
import { TWO_PILLARS } from './org.js';

// Claims named the way Auth0 requires custom claims to be (namespaced URLs), which also
// proves the claim names are settings.
const ROLE = 'https://orgraph.example/role';
const SCOPE = 'https://orgraph.example/scope';
const VIEWER = '{ viewer { role scope { slug } name via } }';

const idp = await identityProvider();
const t = useTestOrg(TWO_PILLARS, {
  env: ssoEnv(idp.jwksPath, { ORGRAPH_JWT_ROLE_CLAIM: ROLE, ORGRAPH_JWT_SCOPE_CLAIM: SCOPE }),
});

const now = () => Math.floor(Date.now() / 1000);

describe('a JWT from the identity provider', () => {
  it('speaks for its subject with the role and scope of its claims', async () => {
    const jwt = await idp.sign({ sub: 'okta|ana', [ROLE]: 'PLANNER', [SCOPE]: 'platform' });
    const { viewer } = await t.data(VIEWER, {}, { token: jwt });
    expect(viewer).toEqual({
      role: 'PLANNER',
      scope: { slug: 'platform' },
      name: 'okta|ana',
      via: 'JWT',
    });
    const bench = await t.data(
      '{ successionBench(scope: "storage") { seat } }',
      {},
      { token: jwt },
    );
    expect(bench.successionBench).toHaveLength(2);
  });

  it('takes the highest known role of a list (groups), in any case', async () => {
    const jwt = await idp.sign({ [ROLE]: ['everyone', 'viewer', 'Planner'] });
    expect((await t.data(VIEWER, {}, { token: jwt })).viewer.role).toBe('PLANNER');
  });

  it('names its subject as the actor of the writes it makes', async () => {
    const jwt = await idp.sign({ sub: 'auth0|admin-7', [ROLE]: 'ADMIN' });
    const created = await t.data(
      'mutation { createApiToken(input: { name: "ci", role: VIEWER }) { userErrors { code } } }',
      {},
      { token: jwt },
    );
    expect(created.createApiToken.userErrors).toEqual([]);
    const { changes } = await t.data('{ changes(first: 1) { nodes { actor operation } } }');
    expect(changes.nodes).toEqual([{ actor: 'jwt:auth0|admin-7', operation: 'createApiToken' }]);
  });

  it('cannot pass for an API token: a subject named like one is audited as a JWT', async () => {
    const write = 'mutation { createApiToken(input: { name: "ci", role: VIEWER }) { token } }';
    const jwt = await idp.sign({ sub: 'ORGRAPH_ADMIN_TOKEN', [ROLE]: 'ADMIN' });
    await t.data(write, {}, { token: jwt });
    await t.data(write);
    const { changes } = await t.data('{ changes(first: 2) { nodes { actor } } }');
    expect(changes.nodes.map((n: { actor: string }) => n.actor).sort()).toEqual([
      'jwt:ORGRAPH_ADMIN_TOKEN',
      'token:ORGRAPH_ADMIN_TOKEN',
    ]);
  });
});

describe('a JWT that grants nothing', () => {
  const noAccess: [string, Record<string, unknown>, RegExp][] = [
    ['no role claim', {}, /no "https:\/\/orgraph.example\/role" claim/],
    ['a role that is not one', { [ROLE]: 'SUPERUSER' }, /naming VIEWER, PLANNER or ADMIN/],
    // JavaScript upper-cases the dotless ı to I: "admın" is another word, not ADMIN in a case.
    ['a role spelt with a dotless ı', { [ROLE]: 'admın' }, /naming VIEWER, PLANNER or ADMIN/],
    ['a scoped ADMIN', { [ROLE]: 'ADMIN', [SCOPE]: 'platform' }, /ADMIN is never scoped/],
    ['a scope naming no unit', { [ROLE]: 'PLANNER', [SCOPE]: 'nowhere' }, /names no unit/],
    ['a scope that is not a slug', { [ROLE]: 'VIEWER', [SCOPE]: ['a', 'b'] }, /one unit slug/],
  ];

  it.each(noAccess)(
    '%s: viewer answers with no role, everything else is FORBIDDEN',
    async (_, claims, reason) => {
      const jwt = await idp.sign({ sub: 'someone', ...claims });
      const { viewer } = await t.data(VIEWER, {}, { token: jwt });
      expect(viewer).toEqual({ role: null, scope: null, name: 'someone', via: 'JWT' });
      for (const query of [
        '{ units { totalCount } }',
        '{ __schema { types { name } } }',
        '{ viewer { role } __type(name: "Person") { fields { name } } }',
      ]) {
        const read = await t.gql(query, {}, { token: jwt });
        expect(read.data ?? null, query).toBeNull();
        // GraphQL over HTTP: an answer without data is a 4xx (it was a 200).
        expect(read.status, query).toBe(403);
        expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(read.errors?.[0]?.message).toMatch(reason);
      }
    },
  );

  it.each(noAccess)(
    '%s: a document that fails is refused with the reason, not its own errors',
    async (_, claims, reason) => {
      const jwt = await idp.sign({ sub: 'someone', ...claims });
      for (const query of ['{ successionBenc { seat } }', '{ viewer { rol } }', '{ units { ']) {
        const read = await t.gql(query, {}, { token: jwt });
        expect(read.data ?? null, query).toBeNull();
        expect(read.status, query).toBe(403);
        expect(read.errors, query).toHaveLength(1);
        expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(read.errors?.[0]?.message).toMatch(reason);
        expect(read.errors?.[0]?.message).not.toMatch(/successionBench|Syntax|Cannot query/);
      }
    },
  );
});

describe('a JWT refused like a bad token (401, no data)', () => {
  const refusals: [string, () => Promise<string>, RegExp][] = [
    ['expired', () => idp.sign({ [ROLE]: 'VIEWER', exp: now() - 3600 }), /"exp"/],
    ['not yet valid', () => idp.sign({ [ROLE]: 'VIEWER', nbf: now() + 3600 }), /"nbf"/],
    ['without an expiry', () => idp.sign({ [ROLE]: 'VIEWER', exp: undefined }), /"exp"/],
    ['without a subject', () => idp.sign({ [ROLE]: 'VIEWER', sub: undefined }), /"sub"/],
    ['with an empty subject', () => idp.sign({ [ROLE]: 'ADMIN', sub: '' }), /"sub"/],
    ['with a blank subject', () => idp.sign({ [ROLE]: 'ADMIN', sub: '  ' }), /"sub"/],
    ['of another issuer', () => idp.sign({ [ROLE]: 'VIEWER', iss: 'https://evil.test/' }), /"iss"/],
    ['for another audience', () => idp.sign({ [ROLE]: 'VIEWER', aud: 'other-app' }), /"aud"/],
    ['signed by an unknown key', () => signedByStranger('key-9'), /no applicable key/],
    ['with a bad signature', () => signedByStranger('key-1'), /signature verification failed/],
    ['tampered with', tampered, /signature verification failed/],
    ['unsigned (alg: none)', unsigned, /"alg" \(Algorithm\) Header Parameter value not allowed/],
    [
      'HS256 "signed" with the public key',
      hmacWithPublicKey,
      /"alg" \(Algorithm\) Header Parameter value not allowed/,
    ],
  ];

  it.each(refusals)('%s', async (_, make, reason) => {
    const result = await t.gql(VIEWER, {}, { token: await make() });
    expect(result.status).toBe(401);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0]?.message).toMatch(/^Invalid JWT: /);
    expect(result.errors?.[0]?.message).toMatch(reason);
  });

  async function signedByStranger(kid: string) {
    const stranger = await generateKeyPair('RS256');
    return idp.sign(
      { [ROLE]: 'ADMIN' },
      { key: stranger.privateKey, header: { alg: 'RS256', kid } },
    );
  }

  async function tampered() {
    const [header, , signature] = (await idp.sign({ [ROLE]: 'VIEWER' })).split('.');
    const claims = { iss: ISSUER, aud: AUDIENCE, sub: 'x', exp: now() + 60, [ROLE]: 'ADMIN' };
    return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
  }

  async function unsigned() {
    return new UnsecuredJWT({ sub: 'x', [ROLE]: 'ADMIN' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('1h')
      .encode();
  }

  async function hmacWithPublicKey() {
    const pem = new TextEncoder().encode(await exportSPKI(idp.publicKey));
    return idp.sign({ [ROLE]: 'ADMIN' }, { key: pem, header: { alg: 'HS256', kid: 'key-1' } });
  }
});
