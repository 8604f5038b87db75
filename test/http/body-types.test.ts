import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { specDocument } from '../orgdoc/fixtures.js';

// The body's media type: what a client sends when it forgets to say JSON, and how it is told.
const t = useTestOrg(specDocument());

describe('a body not sent as JSON', () => {
  // `curl -d '{"query":…}'` without a content type sends a form: "Must provide query string."
  // said the query was missing; text/plain was a bare 415.
  const send = (contentType: string | null) =>
    t.app.fetch('http://orgraph.test/graphql', {
      method: 'POST',
      headers: {
        ...(contentType && { 'content-type': contentType }),
        accept: 'application/json',
        authorization: `Bearer ${ADMIN_TOKEN}`,
      },
      // Bytes: a string body is given text/plain by fetch itself.
      body: new TextEncoder().encode(JSON.stringify({ query: '{ units { totalCount } }' })),
    });
  const SEND_JSON = `send it as JSON with "content-type: application/json" (curl: -H 'content-type: application/json')`;

  it('sent as a form (curl -d): says how it was sent and how to send it', async () => {
    const response = await send('application/x-www-form-urlencoded');
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([
      {
        message: `Must provide query string: the body was sent as application/x-www-form-urlencoded; ${SEND_JSON}`,
        extensions: { code: 'BAD_REQUEST' },
      },
    ]);
  });

  it.each(['text/plain', null])('sent as %s: 415, saying why', async (type) => {
    const response = await send(type);
    expect(response.status).toBe(415);
    expect((await response.json()).errors).toEqual([
      {
        message: `the body was sent as ${type ?? 'no content type'}, not a type GraphQL is sent as: ${SEND_JSON}`,
        extensions: { code: 'BAD_REQUEST' },
      },
    ]);
  });

  it.each(['Application/JSON', 'APPLICATION/JSON; charset=utf-8'])(
    'sent as %s: read, a media type being caseless (it was a 415)',
    async (type) => {
      const response = await send(type);
      expect(response.status).toBe(200);
      expect((await response.json()).data.units.totalCount).toBeGreaterThan(0);
    },
  );

  it('a form that holds a query is still read', async () => {
    const response = await t.app.fetch('http://orgraph.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        authorization: `Bearer ${ADMIN_TOKEN}`,
      },
      body: new URLSearchParams({ query: '{ units { totalCount } }' }).toString(),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).data.units.totalCount).toBeGreaterThan(0);
  });
});
