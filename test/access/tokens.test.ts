import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTestOrg } from '../helpers/test-org.js';
import { expectRefusedAll, expectWritten } from '../helpers/writes.js';
import { tokenFor } from './credentials.js';
import { TWO_PILLARS } from './org.js';

const CREATE = `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) {
  token apiToken { id name role scope { slug } } userErrors { path message code }
} }`;
const REVOKE = `mutation ($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) {
  apiToken { id revokedAt } userErrors { path message code }
} }`;
const LIST = `{ apiTokens(first: 100) { totalCount nodes {
  id name role scope { slug } createdAt lastUsedAt revokedAt
} } }`;
const LAST_CHANGE =
  '{ changes(first: 1) { nodes { actor operation unit { slug } before after } } }';

const t = useTestOrg(TWO_PILLARS);
afterEach(() => vi.useRealTimers());

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');
const listed = async (name: string) =>
  (await t.data(LIST)).apiTokens.nodes.find((n: { name: string }) => n.name === name);

describe('createApiToken', () => {
  it('scopes a VIEWER or PLANNER token to a unit and audits it, never the secret', async () => {
    const input = { name: 'platform planning', role: 'PLANNER', scope: 'platform' };
    const { token, apiToken } = await expectWritten(t, CREATE, input);
    expect(apiToken).toMatchObject({
      name: input.name,
      role: 'PLANNER',
      scope: { slug: 'platform' },
    });
    const { changes } = await t.data(LAST_CHANGE);
    expect(changes.nodes).toEqual([
      {
        actor: 'token:ORGRAPH_ADMIN_TOKEN',
        operation: 'createApiToken',
        unit: { slug: 'platform' },
        before: null,
        after: { name: input.name, role: 'PLANNER', scope: 'platform' },
      },
    ]);
    const audit = JSON.stringify(await t.data('{ changes { nodes { before after } } }'));
    expect(audit).not.toContain(token);
    expect(audit).not.toContain(hashOf(token));
  });

  it('reports every bad input as a userError, writing nothing', async () => {
    await expectRefusedAll(t, CREATE, [
      [{ name: '', role: 'VIEWER' }, 'input.name', 'VALIDATION'],
      [{ name: 'x'.repeat(201), role: 'VIEWER' }, 'input.name', 'VALIDATION'],
      [{ name: 'a\u0000b', role: 'VIEWER' }, 'input.name', 'VALIDATION'],
      [{ name: 'scoped admin', role: 'ADMIN', scope: 'platform' }, 'input.scope', 'VALIDATION'],
      [{ name: 'lost', role: 'PLANNER', scope: 'nowhere' }, 'input.scope', 'NOT_FOUND'],
      // The audit log would name its writes as the bootstrap token's.
      [{ name: 'ORGRAPH_ADMIN_TOKEN', role: 'ADMIN' }, 'input.name', 'VALIDATION'],
    ]);
  });
});

describe('a scope unit archived', () => {
  const ARCHIVE = `mutation ($input: ArchiveUnitInput!) { archiveUnit(input: $input) {
    userErrors { path message code }
  } }`;

  it('cannot scope a new token, and leaves a token scoped to it nothing to read', async () => {
    const units = ['old-ops', 'older-ops'].map((slug) => ({
      slug,
      name: slug,
      layer: 'AREA',
      parent: 'product',
    }));
    await t.importOrg({ units });
    const secret = await tokenFor(t, 'PLANNER', 'older-ops');
    const bench = '{ successionBench(scope: "older-ops") { seat } }';
    expect((await t.gql(bench, {}, { token: secret })).errors).toBeUndefined();
    for (const slug of ['old-ops', 'older-ops']) await expectWritten(t, ARCHIVE, { slug });
    await expectRefusedAll(t, CREATE, [
      [{ name: 'late', role: 'VIEWER', scope: 'old-ops' }, 'input.scope', 'CONFLICT'],
    ]);
    const asOfBefore = '{ successionBench(scope: "older-ops", asOf: "2026-01-01") { seat } }';
    const refused = await t.gql(asOfBefore, {}, { token: secret });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      scope: 'older-ops',
    });
  });
});

describe('apiTokens', () => {
  it('lists every token for an ADMIN, with no secret and no hash', async () => {
    const secret = await tokenFor(t, 'VIEWER', 'storage');
    const result = await t.data(LIST);
    expect(
      result.apiTokens.nodes.find((n: { name: string }) => n.name === 'VIEWER storage'),
    ).toEqual({
      id: expect.any(String),
      name: 'VIEWER storage',
      role: 'VIEWER',
      scope: { slug: 'storage' },
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(JSON.stringify(result)).not.toContain(hashOf(secret));
  });

  it('is refused to a VIEWER and a PLANNER', async () => {
    for (const role of ['VIEWER', 'PLANNER']) {
      const result = await t.gql(LIST, {}, { token: await tokenFor(t, role) });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('gives the id that revokes a token, and the revocation is audited', async () => {
    const secret = await tokenFor(t, 'PLANNER', 'product');
    const { id } = await listed('PLANNER product');
    const { apiToken } = await expectWritten(t, REVOKE, { id });
    expect(apiToken.revokedAt).toMatch(/^\d{4}-/);
    expect((await listed('PLANNER product')).revokedAt).toBe(apiToken.revokedAt);
    expect((await t.gql('{ viewer { role } }', {}, { token: secret })).status).toBe(401);
    const [change] = (await t.data(LAST_CHANGE)).changes.nodes;
    const view = { name: 'PLANNER product', role: 'PLANNER', scope: 'product' };
    expect(change).toEqual({
      actor: 'token:ORGRAPH_ADMIN_TOKEN',
      operation: 'revokeApiToken',
      unit: { slug: 'product' },
      before: view,
      after: { ...view, revokedAt: expect.stringMatching(/^\d{4}-/) },
    });
  });
});

describe('lastUsedAt', () => {
  const touches = () =>
    t.statements.filter((s) => /^update "api_token" set "last_used_at"/.test(s));
  const use = (token: string) => t.data('{ viewer { role } }', {}, { token });

  it('is written on first use, then at most once a minute, not per request', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const secret = await tokenFor(t, 'VIEWER', 'compute');
    expect((await listed('VIEWER compute')).lastUsedAt).toBeNull();
    const before = touches().length;
    await use(secret);
    const first = (await listed('VIEWER compute')).lastUsedAt;
    expect(Date.parse(first)).toBeGreaterThan(Date.now() - 5_000);
    await Promise.all([use(secret), use(secret), use(secret)]);
    expect(touches().length).toBe(before + 1);
    expect((await listed('VIEWER compute')).lastUsedAt).toBe(first);
    vi.setSystemTime(Date.now() + 61_000);
    await use(secret);
    expect(touches().length).toBe(before + 2);
    expect(Date.parse((await listed('VIEWER compute')).lastUsedAt)).toBe(Date.now());
  });

  it('costs one write for a burst of concurrent first uses', async () => {
    const secret = await tokenFor(t, 'VIEWER', 'growth');
    const before = touches().length;
    await Promise.all(Array.from({ length: 10 }, () => use(secret)));
    expect(touches().length).toBe(before + 1);
  });
});
