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

// JSON is UTF-8: a body read leniently stored a Latin-1 "Müller" as "M\uFFFDller", silently.
describe('a body not in UTF-8', () => {
  const post = (body: Uint8Array) =>
    t.app.fetch('http://orgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body,
    });
  const mutation = (name: string) =>
    JSON.stringify({
      query: `mutation { createPerson(input: { email: "muller@example.com", name: "${name}" }) { userErrors { message } } }`,
    });

  it('is refused with a 400 saying so, writing nothing', async () => {
    const latin1 = Buffer.from(mutation('M\u00fcller'), 'latin1');
    const response = await post(latin1);
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([
      {
        message:
          'The request holds U+FFFD (\uFFFD), what bytes that are not UTF-8 are read as: send the body, and the names in it, in UTF-8.',
        extensions: { code: 'BAD_REQUEST' },
      },
    ]);
    expect((await t.data('{ person(email: "muller@example.com") { name } }')).person).toBeNull();
  });

  it('nor is a name in the variables, sent as a GET', async () => {
    const query =
      'mutation ($n: String!) { createPerson(input: { email: "m@example.com", name: $n }) { userErrors { message } } }';
    // Latin-1's "ü" percent-encoded, as a page in Latin-1 sends a form.
    const url = `http://orgraph.test/graphql?query=${encodeURIComponent('{ person(email: "m@example.com") { name } }')}&variables=%7B%22n%22%3A%22M%FCller%22%7D`;
    const response = await t.app.fetch(url, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(query).toContain('$n');
  });

  it('in UTF-8 the same is written as sent', async () => {
    const response = await post(new TextEncoder().encode(mutation('M\u00fcller')));
    expect(response.status).toBe(200);
    const { person } = await t.data('{ person(email: "muller@example.com") { name } }');
    expect(person).toEqual({ name: 'M\u00fcller' });
  });
});

describe('a query that is no string', () => {
  // The UTF-8 check read `query` as a string: a number was a 500, "Unexpected error." (a review).
  // A list nested 20,000 deep was a 500 too.
  const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
  it.each(['123', 'true', '{}', deep])('%.20s: refused as Yoga refuses it, 400', async (query) => {
    const response = await t.app.fetch('http://orgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: `{"query": ${query}}`,
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].message).toMatch(
      /^Expected "query" param to be a string, but given/,
    );
  });
});
