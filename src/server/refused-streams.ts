import type { Plugin } from 'graphql-yoga';

/**
 * A subscription asked with an Accept no stream fits (`application/json`) is refused by Yoga
 * with a 406 once it has started, and Yoga leaves the stream open: subscribed to the org's
 * changes for good, one more on every such request, until the server ran out of memory
 * (about 20,000 requests of one VIEWER). Runs after Yoga's result processors: a result no
 * processor took is a stream no client reads, and is ended here.
 */
export function useRefusedStreamsEnded(): Plugin {
  return {
    onResultProcess({ request, result, resultProcessor, setResultProcessor }) {
      if (resultProcessor) return;
      const stream = isStream(result);
      if (stream) void result[Symbol.asyncIterator]().return?.();
      // Yoga's 406 had no body: said here, in the one type every client reads.
      const text = notAcceptable(stream, request.headers.get('accept') ?? '');
      setResultProcessor(
        (_result, fetchAPI) =>
          new fetchAPI.Response(text, {
            status: 406,
            headers: { 'content-type': 'text/plain; charset=utf-8' },
          }),
        'text/plain',
      );
    },
  };
}

function notAcceptable(stream: boolean, accept: string): string {
  const asked = `(this request accepts ${JSON.stringify(accept.slice(0, 200))})`;
  return stream
    ? `A subscription is answered as a stream: ask it with "Accept: text/event-stream" ${asked}.\n`
    : `Answers are application/graphql-response+json or application/json ${asked}.\n`;
}

const isStream = (value: unknown): value is AsyncIterable<unknown> =>
  typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
