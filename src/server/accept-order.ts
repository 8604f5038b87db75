import type { Plugin } from 'graphql-yoga';
import Negotiator from 'negotiator';

const written = new WeakMap<Request, string>();

/** The request's `Accept` as the client wrote it (this plugin reorders it for Yoga). */
export const writtenAccept = (request: Request): string =>
  written.get(request) ?? request.headers.get('accept') ?? '';

/**
 * Yoga answers in the first media type an `Accept` header lists that it can serve, whatever
 * their q-values: `application/json;q=0.5, application/graphql-response+json` got JSON, where
 * GraphQL over HTTP asks for the client's highest priority. The header is put in the client's
 * order of preference (q-value, then the more specific type, then as written; q=0 left out)
 * before Yoga reads it.
 */
export function useAcceptByPreference(): Plugin {
  return {
    onRequest({ request }) {
      const accept = request.headers.get('accept');
      if (!accept?.includes('q=')) return;
      written.set(request, accept);
      const preferred = new Negotiator({ headers: { accept } }).mediaTypes();
      request.headers.set('accept', preferred.length > 0 ? preferred.join(', ') : accept);
    },
  };
}
