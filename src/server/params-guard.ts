import { GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** A request refused before it ran: HTTP 400 to a GraphQL-over-HTTP client (Yoga's `spec`). */
export const REFUSED = { status: 400, spec: true } as const;

/** Deeper than any input or org document nests (a document: four levels). */
const MAX_VARIABLE_DEPTH = 32;

/**
 * More variables than any operation declares: 400,000 of them (4.7 MB, no token needed) took
 * 0.7 s each to walk and price, the server answering nothing meanwhile.
 */
const MAX_VARIABLES = 100;

/**
 * Two shapes of request parameters that reached graphql-js and Yoga as faults (HTTP 500,
 * "Unexpected error."), refused here as bad input before anything reads them:
 *
 * - a GET whose `variables` or `extensions` is not JSON (Yoga's GET reader throws), and a body
 *   the client stopped sending (its connection reset: read as a database outage);
 * - variables nested thousands of levels deep (coercing them overflowed the stack): more
 *   than MAX_VARIABLE_DEPTH levels is refused, measured without recursion.
 */
export function useParamsGuard(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (!requestParser) {
        // Yoga's 415 said nothing: a body of a type GraphQL is never sent as (text/plain).
        if (request.method === 'POST') setRequestParser(() => Promise.reject(notJsonBody(request)));
        return;
      }
      setRequestParser(async (request) => {
        try {
          return withQuery(await requestParser(request), request);
        } catch (error) {
          // A body cut short of its Content-Length reads as bad JSON: the client went away.
          if (request.signal?.aborted) throw cutOffError();
          // Yoga's own words on the request, without the parser's error it attaches (its
          // class and message, quoting the body back): a library's text is not an answer.
          if (error instanceof GraphQLError) throw withoutOriginal(error);
          // Reading the request involves no database: a connection reset here is the
          // client's (it went away mid-body), not a database outage to log and alert on.
          if (cutOff(error)) throw cutOffError();
          if (!(error instanceof SyntaxError)) throw error;
          throw createGraphQLError('variables, extensions: must be JSON', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      });
    },
    onParams({ params, setResult }) {
      const count = params.variables ? Object.keys(params.variables).length : 0;
      // Counted first: walking 400,000 variables is what the count spares.
      const { depth, replaced } = count > MAX_VARIABLES ? NOT_WALKED : walk(params.variables);
      const message =
        count > MAX_VARIABLES
          ? `variables: ${count} given, more than ${MAX_VARIABLES}`
          : depth > MAX_VARIABLE_DEPTH
            ? `variables: nested deeper than ${MAX_VARIABLE_DEPTH} levels`
            : null;
      if (message === null) {
        // A query that is no string is Yoga's to refuse (400), after this.
        const inQuery = typeof params.query === 'string' && params.query.includes(REPLACED);
        if (replaced || inQuery) setResult({ errors: [notUtf8()] });
        return;
      }
      setResult({
        errors: [
          createGraphQLError(message, {
            // 400 to a client of the GraphQL-over-HTTP spec, as a validation error is.
            extensions: { code: 'BAD_USER_INPUT', argument: 'variables', http: REFUSED },
          }),
        ],
      });
    },
  };
}

/**
 * Parameters without a `query` are no GraphQL-over-HTTP request: 400 whatever the client
 * accepts, as a misspelt `qeury` is (Yoga answered `{}` 200 to an `application/json` client).
 */
function withQuery<P>(params: P, request: Request): P {
  // A batch (refused later), or an answer another parser gave instead (the body limit's 413).
  const plain = params !== null && Object.getPrototypeOf(params) === Object.prototype;
  if (!plain || (params as { query?: unknown }).query != null) return params;
  // JSON sent as a form, `curl -d`'s default type: "Must provide query string" alone misled.
  const form = request.method === 'POST' && !/json/i.test(contentType(request));
  const message = form
    ? `Must provide query string: the body was sent as ${contentType(request)}; ${SEND_JSON}`
    : 'Must provide query string.';
  throw createGraphQLError(message, {
    extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
  });
}

const SEND_JSON =
  'send it as JSON with "content-type: application/json" (curl: -H \'content-type: application/json\')';

const contentType = (request: Request) => request.headers.get('content-type') || 'no content type';

function notJsonBody(request: Request): GraphQLError {
  const message = `the body was sent as ${contentType(request)}, not a type GraphQL is sent as: ${SEND_JSON}`;
  return createGraphQLError(message, {
    extensions: { code: 'BAD_REQUEST', http: { status: 415 } },
  });
}

const cutOffError = () =>
  createGraphQLError('the request could not be read to its end (the client closed it)', {
    extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
  });

/** A body the client stopped sending: its connection reset or the request aborted. */
function cutOff(error: unknown): boolean {
  const { code, name, message } = (error ?? {}) as {
    code?: string;
    name?: string;
    message?: string;
  };
  return (
    code === 'ECONNRESET' ||
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    name === 'AbortError' ||
    /aborted/i.test(message ?? '')
  );
}

function withoutOriginal(error: GraphQLError): GraphQLError {
  const { originalError, ...extensions } = error.extensions ?? {};
  if (!originalError) return error;
  // A body that is not JSON: 400 whatever the client accepts (GraphQL over HTTP asks it of an
  // `application/json` client too, which Yoga answers 200).
  const notJson = (originalError as { name?: string }).name === 'SyntaxError';
  return createGraphQLError(error.message, {
    extensions: notJson ? { ...extensions, http: { status: 400 } } : extensions,
  });
}

/**
 * U+FFFD, the character bytes that are not UTF-8 are read as: a body in Latin-1 (a name's
 * "ü") was stored with it in place of its letters, silently (an audit). No one means to store
 * it, so a request holding one is refused; checked on the text as read (the query and the
 * variables' strings), as checking the bytes themselves cost a small read a quarter of its time.
 */
const REPLACED = '\uFFFD';

const NOT_WALKED = { depth: 0, replaced: false };

const notUtf8 = () =>
  createGraphQLError(
    'The request holds U+FFFD (\uFFFD), what bytes that are not UTF-8 are read as: send the body, and the names in it, in UTF-8.',
    { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
  );

/**
 * How many objects and lists deep a JSON value goes (stopping past the limit), and whether a
 * string in it holds U+FFFD; walked without recursion.
 */
function walk(value: unknown): { depth: number; replaced: boolean } {
  let depth = 0;
  const pending: Array<[unknown, number]> = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, level] = next;
    if (typeof node === 'string' && node.includes(REPLACED)) return { depth, replaced: true };
    if (node === null || typeof node !== 'object') continue;
    depth = Math.max(depth, level + 1);
    if (depth > MAX_VARIABLE_DEPTH) return { depth, replaced: false };
    for (const child of Object.values(node)) pending.push([child, level + 1]);
  }
  return { depth, replaced: false };
}
