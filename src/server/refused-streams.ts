import type { Plugin } from 'graphql-yoga';
import { writtenAccept } from './accept-order.js';

/**
 * A subscription asked with an Accept no stream fits (`application/json`) is refused by Yoga
 * with a 406 once it has started, and Yoga leaves the stream open: subscribed to the org's
 * changes for good, one more on every such request, until the server ran out of memory
 * (about 20,000 requests of one VIEWER). Runs after Yoga's result processors: a result no
 * processor took is a stream no client reads, and is ended here.
 */
export function useRefusedStreamsEnded(): Plugin {
  return {
    onResultProcess({
      request,
      result,
      resultProcessor,
      acceptableMediaTypes,
      setResultProcessor,
    }) {
      if (resultProcessor) return;
      if (isStream(result)) void result[Symbol.asyncIterator]().return?.();
      // Yoga's 406 had no body, only its `accept` header: both here, the body in the one type
      // every client reads.
      // Listed once per type the client accepted: each once.
      const offered = [...new Set(acceptableMediaTypes)];
      const types = offered.join(', ');
      const asked = JSON.stringify(writtenAccept(request).slice(0, 200));
      const text = `This answer can be sent as ${types}; the request accepts ${asked}.\n`;
      setResultProcessor(
        (_result, fetchAPI) =>
          new fetchAPI.Response(text, {
            status: 406,
            headers: {
              'content-type': 'text/plain; charset=utf-8',
              accept: offered.join('; charset=utf-8, '),
            },
          }),
        'text/plain',
      );
    },
  };
}

const isStream = (value: unknown): value is AsyncIterable<unknown> =>
  typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
