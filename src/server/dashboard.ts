import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';
import { type Encoding, encodingFor } from './content-encoding.js';

/** Where `npm run build:web` (run by `npm install` through `prepare`) writes the bundle. */
const BUNDLE_DIR = new URL('../../web/dist/', import.meta.url);

const TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' } as const;
type Kind = keyof typeof TYPES;

/** Nothing but this server: a stray asset from another host would be refused by the browser. */
const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

interface Asset {
  type: string;
  /** The body as sent to a browser accepting each encoding (compressed by the build). */
  bodies: Record<Encoding, Uint8Array<ArrayBuffer>>;
}

/** A file of the bundle and its compressed bodies, which web/build.ts writes beside it. */
function asset(file: URL, type: string): Asset {
  // Copied into plain arrays: what a fetch Response takes as a body.
  const read = (suffix: string) => new Uint8Array(readFileSync(fileURLToPath(file) + suffix));
  return { type, bodies: { br: read('.br'), gzip: read('.gz'), identity: read('') } };
}

interface Bundle {
  html: string;
  /** By URL path; each path carries its content hash, so it is cached for good. */
  assets: Map<string, Asset>;
}

function loadBundle(dir: URL): Bundle {
  const assets = new Map<string, Asset>();
  const urls = {} as Record<Kind, string>;
  for (const kind of Object.keys(TYPES) as Kind[]) {
    const found = asset(new URL(`app.${kind}`, dir), TYPES[kind]);
    const hash = createHash('sha256').update(found.bodies.identity).digest('hex').slice(0, 12);
    urls[kind] = `/assets/app.${hash}.${kind}`;
    assets.set(urls[kind], found);
  }
  // Chunks (code loaded when needed) are named by esbuild after their content already.
  for (const chunk of readdirSync(dir).filter((name) => CHUNK.test(name))) {
    assets.set(`/assets/${chunk}`, asset(new URL(chunk, dir), TYPES.js));
  }
  return { html: page(urls), assets };
}

const CHUNK = /^chunk-[A-Z0-9]+\.js$/;

function page(urls: Record<Kind, string>): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>orgraph · leadership coverage</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${urls.css}">
<script type="module" src="${urls.js}"></script>
</head>
<body>
<div id="app"><p>Loading the dashboard…</p></div>
<noscript>The dashboard needs JavaScript. The API itself is at <a href="/graphql">/graphql</a>.</noscript>
</body>
</html>
`;
}

const NOT_BUILT =
  'The dashboard is not built: run "npm run build:web" (npm install does it through "prepare").';

/**
 * Serves the coverage dashboard: `GET /` is the page, `/assets/*` its bundle. The page
 * itself is only a shell; everything it shows comes from the public GraphQL API.
 */
export function useDashboard(dir: URL = BUNDLE_DIR): Plugin {
  let bundle: Bundle | null = null;
  // Read once, on first use: a missing bundle is reported, and found once it is built.
  const current = () => {
    try {
      bundle ??= loadBundle(dir);
    } catch {
      return null;
    }
    return bundle;
  };
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname !== '/' && !url.pathname.startsWith('/assets/')) return;
      const found = current();
      if (!found) {
        endResponse(new fetchAPI.Response(NOT_BUILT, { status: 503, headers: plainText }));
        return;
      }
      if (url.pathname === '/') {
        endResponse(new fetchAPI.Response(found.html, { headers: pageHeaders }));
        return;
      }
      const asset = found.assets.get(url.pathname);
      if (!asset) {
        endResponse(new fetchAPI.Response('Not found', { status: 404, headers: plainText }));
        return;
      }
      const encoding = encodingFor(request);
      const headers = assetHeaders(asset.type, encoding);
      endResponse(new fetchAPI.Response(asset.bodies[encoding], { headers }));
    },
  };
}

const plainText = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };

// The page names the current bundle, so it is revalidated on every visit.
const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache',
  'content-security-policy': PAGE_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const assetHeaders = (type: string, encoding: Encoding) => ({
  'content-type': type,
  ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
  // A cache between keeps one copy per encoding.
  vary: 'Accept-Encoding',
  'cache-control': 'public, max-age=31536000, immutable',
  'x-content-type-options': 'nosniff',
});
