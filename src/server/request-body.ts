import type { FetchAPI, Plugin } from 'graphql-yoga';

/**
 * Reads a request's body before GraphQL does, refusing with a clear error what it should not
 * parse: a body over `maxBytes` with a 413 — by its declared Content-Length, or, sent in chunks
 * without one, by counting while reading, never holding more than the limit (a document too
 * big for a request belongs to the CLI, which the limit never holds back: `unlimited`); and a
 * body that is not UTF-8 with a 400, naming the first byte that is not. JSON is UTF-8: read
 * leniently, as a fetch body is, a name in Latin-1 bytes was stored with U+FFFD in place of
 * its letters, silently (found by an audit).
 */
export function useRequestBody(maxBytes: number, unlimited: (request: Request) => boolean): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, endResponse, fetchAPI }) {
      if (!request.body || !requestParser) return;
      const declared = request.headers.get('content-length');
      // Who sent it is asked only of a body over the limit: it hashes the credential (2% of a
      // small read's CPU). Node's HTTP parser delivers no more than the declared length.
      const limited = (declared === null || Number(declared) > maxBytes) && !unlimited(request);
      if (declared !== null && limited) return endResponse(tooLarge(fetchAPI, maxBytes));
      setRequestParser(async (sent) => {
        const bytes = await readAtMost(sent, limited ? maxBytes : Number.POSITIVE_INFINITY);
        if (bytes === null) return tooLarge(fetchAPI, maxBytes);
        const text = utf8(bytes);
        if (typeof text !== 'string') return notUtf8(fetchAPI, text.at);
        const { url, method, headers } = sent;
        return requestParser(new fetchAPI.Request(url, { method, headers, body: text }));
      });
    },
  };
}

/** The body's bytes, or null once they pass `maxBytes`. */
async function readAtMost(request: Request, maxBytes: number): Promise<Buffer | null> {
  const reader = request.body?.getReader();
  if (!reader) return Buffer.alloc(0);
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
  return Buffer.concat(chunks);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text, or where the bytes stop being UTF-8 (the first byte the lenient reading replaces). */
function utf8(bytes: Buffer): string | { at: number } {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const lenient = bytes.toString('utf8');
    const at = Buffer.byteLength(lenient.slice(0, lenient.indexOf('\uFFFD')), 'utf8');
    return { at };
  }
}

const refusal = (fetchAPI: FetchAPI, status: number, message: string, code: string) =>
  new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

const tooLarge = (fetchAPI: FetchAPI, maxBytes: number) =>
  refusal(
    fetchAPI,
    413,
    `Request body too large: at most ${maxBytes} bytes (ORGRAPH_MAX_BODY_BYTES). ` +
      'Import a bigger org with the CLI: npm run org -- import <file>.',
    'PAYLOAD_TOO_LARGE',
  );

const notUtf8 = (fetchAPI: FetchAPI, at: number) =>
  refusal(
    fetchAPI,
    400,
    `The request body is not UTF-8 (from byte ${at}): send JSON in UTF-8, as every JSON text is.`,
    'BAD_REQUEST',
  );
