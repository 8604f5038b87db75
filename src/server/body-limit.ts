import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * Refuses a request body over `maxBytes` with a 413 before it is parsed: by its declared
 * Content-Length, or — sent in chunks, without one — by counting while reading, never
 * holding more than the limit. A document too big for a request belongs to the CLI, which
 * the limit never holds back (`unlimited`). Thrown as a GraphQL error, so it is answered, and
 * counted by its code, as Yoga's own refusals of a body are.
 */
export function useBodyLimit(maxBytes: number, unlimited: (request: Request) => boolean): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        // Node's HTTP parser delivers no more than the declared length. Who sent it is asked
        // only of a body over the limit: it hashes the credential (2% of a small read's CPU).
        if (Number(declared) > maxBytes && !unlimited(request)) throw tooLarge(maxBytes);
        return;
      }
      if (!request.body || !requestParser || unlimited(request)) return;
      setRequestParser(async (streamed) => {
        const body = await readAtMost(streamed, maxBytes);
        if (body === null) throw tooLarge(maxBytes);
        const { url, method, headers } = streamed;
        return requestParser(new fetchAPI.Request(url, { method, headers, body }));
      });
    },
  };
}

/** The body as text (GraphQL requests are JSON or text), or null once it passes `maxBytes`. */
async function readAtMost(request: Request, maxBytes: number): Promise<string | null> {
  const reader = request.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(maxBytes: number) {
  const message =
    `Request body too large: at most ${maxBytes} bytes (ORGRAPH_MAX_BODY_BYTES). ` +
    'Import a bigger org with the CLI: npm run org -- import <file>.';
  return createGraphQLError(message, {
    extensions: { code: 'PAYLOAD_TOO_LARGE', http: { status: 413 } },
  });
}
