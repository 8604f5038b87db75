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
    onResultProcess({ result, resultProcessor }) {
      if (resultProcessor || !isStream(result)) return;
      void result[Symbol.asyncIterator]().return?.();
    },
  };
}

const isStream = (value: unknown): value is AsyncIterable<unknown> =>
  typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
