import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useDashboard } from '../../src/server/dashboard.js';
import { startTestApp } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';

// Tags that make a browser fetch something as the page loads: none may name another host.
const FETCHING = /<(?:script|link|img|iframe)\b[^>]*?\s(?:src|href)\s*=\s*["']?([^"'\s>]+)/g;
/** What the page's tags fetch (inline scripts and styles left out: they fetch nothing). */
const fetched = (html: string) => {
  const tags = html.replace(/(<(script|style)\b[^>]*>)[\s\S]*?<\/\2>/g, '$1');
  return [...tags.matchAll(FETCHING)].map((m) => m[1] ?? '');
};

describe('the dashboard over HTTP', () => {
  const api = useTestOrg();

  const get = (path: string, headers: Record<string, string> = {}) =>
    api.app.fetch(`http://orgraph.test${path}`, { headers });

  it('serves the page, revalidated each visit, and only from this server', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const urls = fetched(await page.text());
    expect(urls.filter((url) => url.startsWith('/assets/'))).toHaveLength(2);
    expect(urls.every((url) => url.startsWith('/') || url.startsWith('data:'))).toBe(true);
  });

  it('serves the bundle under content-hashed names, cached for good', async () => {
    const urls = fetched(await (await get('/')).text()).filter((u) => u.startsWith('/assets/'));
    const types = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
    for (const url of urls) {
      const asset = await get(url);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toBe(types[url.endsWith('.js') ? 'js' : 'css']);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await asset.text()).length).toBeGreaterThan(1000);
    }
    // The script's chunks (shared code, the trend chart) come the same way.
    const script = await (await get(urls.find((u) => u.endsWith('.js')) ?? '')).text();
    const chunks = [...new Set(script.match(/chunk-[A-Z0-9]+\.js/g))];
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) {
      const asset = await get(`/assets/${chunk}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toBe(types.js);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    const stale = await get('/assets/app.000000000000.js');
    expect(stale.status).toBe(404);
  });

  it('sends the bundle compressed to a browser taking it: brotli, else gzip, else as is', async () => {
    // 111 KB sent as is to every browser (41 KB in brotli) on every first visit.
    const url = fetched(await (await get('/')).text()).find((u) => u.endsWith('.js')) ?? '';
    const plain = await get(url);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const original = Buffer.from(await plain.arrayBuffer());
    const cases = [
      ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
      ['gzip, br;q=0.5', 'gzip', gunzipSync],
      ['gzip;q=0', null, (b: Buffer) => b],
    ] as const;
    for (const [accepted, encoding, decode] of cases) {
      const answer = await get(url, { 'accept-encoding': accepted });
      expect(answer.headers.get('content-encoding'), accepted).toBe(encoding);
      expect(answer.headers.get('vary')).toBe('Accept-Encoding');
      const body = Buffer.from(await answer.arrayBuffer());
      if (encoding) expect(body.length).toBeLessThan(original.length / 2);
      expect(decode(body).equals(original), accepted).toBe(true);
    }
  });

  it('says how to build the page when the bundle is missing', async () => {
    const yoga = createYoga({
      schema: createSchema({ typeDefs: 'type Query { ok: Boolean }' }),
      plugins: [useDashboard(new URL('file:///nonexistent/orgraph-web/'))],
    });
    const page = await yoga.fetch('http://orgraph.test/');
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build:web');
  });

  it('takes its compressed bodies from the build, and an older build without them as not built', async () => {
    // The server compressed the bundle itself at the first visit: some 200 ms of brotli's
    // best quality with its event loop blocked, every request waiting.
    const dir = mkdtempSync(join(tmpdir(), 'orgraph-web-'));
    try {
      const dist = new URL('../../web/dist/', import.meta.url);
      cpSync(fileURLToPath(dist), dir, { recursive: true, filter: (f) => !f.endsWith('.br') });
      const yoga = createYoga({
        schema: createSchema({ typeDefs: 'type Query { ok: Boolean }' }),
        plugins: [useDashboard(pathToFileURL(`${dir}/`))],
      });
      const page = await yoga.fetch('http://orgraph.test/');
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('npm run build:web');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('renders GraphiQL with its assets inline, on orgraph’s query and a token placeholder', async () => {
    const graphiql = await get('/graphql', { accept: 'text/html' });
    expect(graphiql.status).toBe(200);
    expect(graphiql.headers.get('content-type')).toContain('text/html');
    const html = await graphiql.text();
    expect(fetched(html).every((url) => url.startsWith('data:'))).toBe(true);
    expect(html).toContain('orgraph: leadership coverage');
    expect(html).toContain('Bearer PASTE_YOUR_TOKEN_HERE');
    expect(html).not.toContain('<your token>');
    // The schema is in the page: GraphiQL needs no introspection request.
    expect(html).toContain('"__schema"');
  });
});

describe('GraphiQL with open read access', () => {
  it('sends no Authorization header at all', async () => {
    const api = await startTestApp({ env: { ORGRAPH_OPEN_READ: 'VIEWER' } });
    try {
      const html = await (
        await api.app.fetch('http://orgraph.test/graphql', { headers: { accept: 'text/html' } })
      ).text();
      expect(html).not.toContain('PASTE_YOUR_TOKEN_HERE');
      expect(html).toContain('"defaultHeaders":"{}"');
    } finally {
      await api.close();
    }
  });
});
