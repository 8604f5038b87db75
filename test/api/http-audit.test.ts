import { serverAudits } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';

// The GraphQL-over-HTTP spec audit of the graphql-http package, run against the real app
// (an authenticated client: the audits are about HTTP, not about access).
const t = useTestOrg();

const authenticatedFetch = (input: RequestInfo | URL, init: RequestInit = {}) => {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${ADMIN_TOKEN}`);
  return t.app.fetch(input as string, { ...init, headers });
};

describe('GraphQL over HTTP conformance', () => {
  const audits = serverAudits({ url: 'http://orgraph.test/graphql', fetchFn: authenticatedFetch });
  for (const audit of audits.filter((a) => a.name.startsWith('MUST'))) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect(result.status === 'ok' ? 'ok' : result.reason).toBe('ok');
    });
  }
});
