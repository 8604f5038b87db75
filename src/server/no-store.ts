import type { Plugin } from 'graphql-yoga';
import { isGraphQLAnswer } from './graphql-answer.js';

/**
 * GraphQL answers are never kept by a cache: a PLANNER's bench read by GET (a plain URL) would
 * otherwise sit in the browser's disk cache, or a proxy's, after the tab or the token is gone
 * (a stream's own `no-cache` still lets it be stored). Pages (GraphiQL's, the dashboard's)
 * keep their own policy.
 */
export function useNoStore(): Plugin {
  return {
    onResponse: ({ response }) => {
      if (isGraphQLAnswer(response.headers.get('content-type'))) {
        response.headers.set('cache-control', 'no-store');
      }
    },
  };
}
