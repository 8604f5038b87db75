import { beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../src/demo/generate.js';
import { identityProvider, ssoEnv, tokenFor } from '../access/credentials.js';
import { ADMIN_TOKEN } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';

// Every refusal path names the caller whose credential was checked: refused before execution
// (no GraphQL context was ever built) as much as during it.
const provider = await identityProvider();
const app = useTestOrg(generateOrg({ teams: 4, teamSize: 2, teamsPerArea: 2, areasPerPillar: 1 }), {
  env: ssoEnv(provider.jwksPath),
});

const REFUSED_EARLY: Record<string, string> = {
  'a syntax error': '{ units { totalCount }',
  'an unknown field': '{ units { nope } }',
  'too many aliases': `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
  'a body over the limit (6 MiB)': `{ units { totalCount } } # ${'x'.repeat(7 * 1024 * 1024)}`,
};

/** The request log's one line for `query` sent with `authorization`. */
async function logLine(query: string, authorization?: string) {
  const before = app.logs.length;
  const response = await app.app.fetch('http://orgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query }),
  });
  const entries = app.logs.slice(before).map((line) => JSON.parse(line));
  const requests = entries.filter((entry) => entry.requestId !== undefined);
  expect(requests).toHaveLength(1);
  return { status: response.status, entry: requests[0] };
}

describe('the request log names the caller of a refused request', () => {
  let callers: Array<{ authorization?: string; token: string | null; via: string }>;
  beforeAll(async () => {
    const jwt = await provider.sign({ sub: 'ana@sso', orgraph_role: 'planner' });
    callers = [
      { authorization: `Bearer ${ADMIN_TOKEN}`, token: 'ORGRAPH_ADMIN_TOKEN', via: 'TOKEN' },
      { authorization: `Bearer ${jwt}`, token: 'ana@sso', via: 'JWT' },
      { token: null, via: 'OPEN' },
    ];
  });

  for (const [refusal, query] of Object.entries(REFUSED_EARLY)) {
    it(`${refusal}: the token's name, the JWT's subject, or open`, async () => {
      for (const { authorization, token, via } of callers) {
        const { status, entry } = await logLine(query, authorization);
        expect(entry).toMatchObject({ level: 'warn', msg: 'request refused', token, via, status });
      }
    });
  }

  it('an API token refused for its scope, and one refused before execution', async () => {
    const token = await tokenFor(app, 'PLANNER', 'pillar-0000');
    const authorization = `Bearer ${token}`;
    const forbidden = await logLine('{ successionBench { acting } }', authorization);
    expect(forbidden.entry).toMatchObject({ token: 'PLANNER pillar-0000', via: 'TOKEN' });
    expect(forbidden.entry.error.code).toBe('FORBIDDEN');
    const invalid = await logLine(REFUSED_EARLY['an unknown field'] as string, authorization);
    expect(invalid.entry).toMatchObject({ token: 'PLANNER pillar-0000', via: 'TOKEN' });
  });

  it('a refused credential names no one, with or without an early refusal', async () => {
    for (const query of ['{ units { totalCount } }', '{ units { totalCount }']) {
      const { entry } = await logLine(query, 'Bearer orgraph_not-a-real-secret-0123');
      expect(entry).toMatchObject({ token: null, via: null });
    }
  });
});
