import type { Plugin } from 'graphql-yoga';
import { writtenAccept } from './accept-order.js';

/**
 * An answer no type of the request's Accept fits: a 406, runs after Yoga's result processors
 * (a result none of them took). Yoga's had no body, only an `accept` header: both are sent
 * here, the body in the one type every client reads. A subscription so refused had started,
 * and Yoga left its stream open: subscribed to the org's changes for good, one more on every
 * such request, until the server ran out of memory (about 20,000 requests of one VIEWER). It
 * is ended here.
 */
export function useNotAcceptableSaid(): Plugin {
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
      // Yoga lists a type once per type the client accepted.
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
