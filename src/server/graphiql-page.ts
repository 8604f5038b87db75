import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config.js';
import { type Encoding, encodingFor } from './content-encoding.js';
import { graphiqlPage } from './graphiql.js';

// Some 9 MB of HTML (GraphiQL's bundle and the schema, inlined), compressed off the event
// loop at levels that take a second or two, not the best ratio at ten times the time.
const compress: Record<Exclude<Encoding, 'identity'>, (html: string) => Promise<Body>> = {
  br: (html) =>
    promisify(brotliCompress)(html, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 4,
        [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(html),
      },
    }).then((body) => new Uint8Array(body)),
  gzip: (html) => promisify(gzip)(html).then((body) => new Uint8Array(body)),
};

// Bytes, made once: a page sent as text was encoded again for each response, some 9 MB a
// visit held until its client read it (a hundred clients that never read held a gigabyte).
type Body = Uint8Array<ArrayBuffer>;

interface Page {
  html: string;
  hash: string;
  /** Each encoding's body, made on the first visit that asks for it, then kept. */
  bodies: Map<Encoding, Promise<Body>>;
}

/**
 * Nothing but this server (the page works offline: a stray asset from another host is refused
 * by the browser, as on the dashboard), not to be framed (clickjacking a signed-in page), nor
 * read as another type. GraphiQL's page is inline and its editor (Monaco) adds styles and runs
 * workers from `blob:` URLs: those are let in, and nothing from elsewhere.
 */
const POLICY = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-inline' blob:",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const FRAMING = {
  'content-security-policy': POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * A browser asking for the page at this URL: GET, or HEAD (a link checker, a monitor), answered
 * alike but for the body, which Node leaves out (Yoga's own check, GET only, left HEAD the 406
 * of a request it could not answer).
 */
const asksForPage = (request: Request) =>
  (request.method === 'GET' || request.method === 'HEAD') &&
  request.headers.get('accept')?.includes('text/html') === true;

/**
 * `GET /graphql` from a browser: GraphiQL, rendered on the first visit and kept (it only
 * changes with the schema and the configuration, i.e. with a restart). Sent compressed
 * when the browser accepts br or gzip, with an ETag per encoding: a browser revalidates on
 * each visit and gets a 304 while the page is the same.
 */
export function useGraphiQLPage(schema: GraphQLSchema, config: Config): Plugin {
  let page: Page | undefined;
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (!asksForPage(request)) return;
      if (url.pathname !== '/graphql' && url.pathname !== '/graphql/') return;
      page ??= render(schema, config);
      const encoding = encodingFor(request);
      const etag = `"${page.hash}-${encoding}"`;
      const common = { etag, 'cache-control': 'no-cache', vary: 'Accept-Encoding', ...FRAMING };
      if (request.headers.get('if-none-match')?.includes(etag)) {
        endResponse(new fetchAPI.Response(null, { status: 304, headers: common }));
        return;
      }
      const body = await bodyOf(page, encoding);
      endResponse(
        new fetchAPI.Response(body, {
          headers: {
            ...common,
            'content-type': 'text/html; charset=utf-8',
            ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
          },
        }),
      );
    },
  };
}

const GRAPHIQL_OFF =
  'GraphiQL is off on this server (ORGRAPH_GRAPHIQL=off). Send GraphQL requests to this URL ' +
  'with POST and a bearer token (docs/api.md); the dashboard is at /.\n';

/**
 * `GET /graphql` from a browser with GraphiQL off: a line saying so, with the 406 a browser
 * gets (this URL has no page to show), rather than the bare status with an empty page.
 */
export function useGraphiQLOff(): Plugin {
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (!asksForPage(request)) return;
      if (url.pathname !== '/graphql' && url.pathname !== '/graphql/') return;
      const headers = { 'content-type': 'text/plain; charset=utf-8', ...FRAMING };
      endResponse(new fetchAPI.Response(GRAPHIQL_OFF, { status: 406, headers }));
    },
  };
}

function render(schema: GraphQLSchema, config: Config): Page {
  const html = graphiqlPage(schema, config);
  const hash = createHash('sha256').update(html).digest('base64url').slice(0, 16);
  return { html, hash, bodies: new Map() };
}

function bodyOf(page: Page, encoding: Encoding): Promise<Body> {
  let body = page.bodies.get(encoding);
  if (!body) {
    body =
      encoding === 'identity'
        ? Promise.resolve(new Uint8Array(Buffer.from(page.html)))
        : compress[encoding](page.html);
    page.bodies.set(encoding, body);
  }
  return body;
}
