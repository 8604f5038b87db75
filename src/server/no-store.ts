import type { Plugin } from 'graphql-yoga';

/**
 * GraphQL answers are never kept by a cache: a PLANNER's bench read by GET (a plain URL) would
 * otherwise sit in the browser's disk cache, or a proxy's, after the tab or the token is gone.
 * Pages that set their own policy (GraphiQL's, revalidated) keep it.
 */
export function useNoStore(): Plugin {
  return {
    onResponse: ({ request, response }) => {
      const { pathname } = new URL(request.url);
      if (pathname !== '/graphql' && pathname !== '/graphql/') return;
      if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
    },
  };
}
