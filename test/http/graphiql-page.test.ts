import { createServer, type ServerResponse } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

/** A browser's visit to GraphiQL, accepting `encoding`. */
const visit = (encoding: string, headers: Record<string, string> = {}) =>
  t.app.fetch('http://orgraph.test/graphql', {
    headers: { accept: 'text/html', 'accept-encoding': encoding, ...headers },
  });

describe('GET /graphql in a browser: GraphiQL', () => {
  let identity: string;
  beforeAll(async () => {
    const response = await visit('identity');
    expect(response.headers.get('content-encoding')).toBeNull();
    identity = await response.text();
  });

  it('is the whole page, inlined, with the schema and orgraph’s first query', () => {
    expect(identity).toContain('<title>orgraph</title>');
    expect(identity).toContain('orgraph: leadership coverage');
    expect(identity).toContain('"__schema"');
    expect(identity).not.toMatch(/<script[^>]+src="https?:/);
  });

  it.each([
    ['br', 'br', brotliDecompressSync],
    ['gzip', 'gzip, deflate', gunzipSync],
    ['br', 'gzip;q=0.5, br', brotliDecompressSync],
    // What browsers send, gzip first: liked as much, ours in our order.
    ['br', 'gzip, deflate, br, zstd', brotliDecompressSync],
  ] as const)('is sent as %s when the browser accepts "%s"', async (sent, accepted, decode) => {
    const response = await visit(accepted);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe(sent);
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeLessThan(identity.length / 3);
    expect(decode(body).toString()).toBe(identity);
  });

  it('may not be framed by another page, load from another host, nor be read as another type', async () => {
    // Sent without any: a page of any site could frame GraphiQL over a signed-in session.
    const { headers } = await visit('gzip');
    const policy = headers.get('content-security-policy')?.split('; ');
    expect(policy).toContain("frame-ancestors 'none'");
    // Offline by policy, not only because the bundle happens to ask nothing elsewhere.
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('has an ETag per encoding: a revalidating browser gets a 304, no body', async () => {
    const first = await visit('gzip');
    const etag = first.headers.get('etag') as string;
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(etag).toMatch(/^".+-gzip"$/);
    await first.arrayBuffer();
    expect((await visit('br')).headers.get('etag')).not.toBe(etag);

    const again = await visit('gzip', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // Rendered once: the same page (same tag) on every visit.
    const later = await visit('gzip');
    expect(later.headers.get('etag')).toBe(etag);
    await later.arrayBuffer();
  });

  it('answers HEAD as GET, headers only; HEAD for GraphQL is 405, allowing GET and POST', async () => {
    // Over a socket: Node leaves a HEAD answer's body out. It was a 406 for a browser's HEAD.
    const server = createServer(t.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const head = (accept: string) =>
      fetch(`http://127.0.0.1:${port}/graphql`, { method: 'HEAD', headers: { accept } });
    try {
      const page = await head('text/html,application/xhtml+xml,*/*;q=0.8');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('etag')).toMatch(/^".+"$/);
      expect(await page.text()).toBe('');
      const api = await head('application/json');
      expect(api.status).toBe(405);
      expect(api.headers.get('allow')).toBe('GET, POST');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('is not served when ORGRAPH_GRAPHIQL is off: a browser is told so, in a line', async () => {
    const off = await startTestApp({ env: { ORGRAPH_GRAPHIQL: 'off' } });
    try {
      const response = await off.app.fetch('http://orgraph.test/graphql', {
        headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
      });
      expect(response.status).toBe(406);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      // It was a bare 406 with an empty page.
      expect(await response.text()).toBe(
        'GraphiQL is off on this server (ORGRAPH_GRAPHIQL=off). Send GraphQL requests to this URL with POST and a bearer token (docs/api.md); the dashboard is at /.\n',
      );
      // GraphQL itself is served as before.
      const post = await off.app.fetch('http://orgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(await post.json()).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await off.close();
    }
  });

  it('is one body for every visit: clients that never read hold no copy each', async () => {
    const server = createServer(t.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const request =
      'GET /graphql HTTP/1.1\r\nHost: orgraph.test\r\nAccept: text/html\r\nAccept-Encoding: identity\r\n\r\n';
    await (await visit('identity')).arrayBuffer(); // rendered and encoded before measuring
    const held = () => process.memoryUsage().arrayBuffers;
    const responses: ServerResponse[] = [];
    server.on('request', (_, response: ServerResponse) => responses.push(response));
    const before = held();
    const stalled: Socket[] = [];
    try {
      for (let i = 0; i < 20; i++) {
        const socket = connect(port, '127.0.0.1');
        socket.pause(); // never reads: the answer waits in the server
        socket.write(request);
        stalled.push(socket);
      }
      // Every answer begun, its body handed to its socket (no one reads it): ~9 MB a copy.
      const begun = () => responses.filter((r) => r.headersSent).length;
      await expect.poll(begun, { timeout: 20_000 }).toBe(20);
      expect(held() - before).toBeLessThan(40 * 1024 * 1024);
    } finally {
      for (const socket of stalled) socket.destroy();
      server.closeAllConnections();
      server.close();
    }
  });
});
