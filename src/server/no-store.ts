import type { Plugin } from 'graphql-yoga';

/** What a GraphQL answer is sent as: JSON, GraphQL's own JSON, or a stream of events. */
const GRAPHQL_ANSWER = /^(application\/(graphql-response\+)?json|text\/event-stream)\b/i;

/**
 * GraphQL answers are never kept by a cache: a PLANNER's bench read by GET (a plain URL) would
 * otherwise sit in the browser's disk cache, or a proxy's, after the tab or the token is gone.
 * Told by what is sent, not by the path: Yoga answers GraphQL at any URL whose text ends in
 * `/graphql`, the query string's too; and a stream's `no-cache` would still let it be stored.
 * Pages (GraphiQL's, the dashboard's) keep their own policy.
 */
export function useNoStore(): Plugin {
  return {
    onResponse: ({ response }) => {
      if (GRAPHQL_ANSWER.test(response.headers.get('content-type') ?? '')) {
        response.headers.set('cache-control', 'no-store');
      }
    },
  };
}
