import type { Plugin } from 'graphql-yoga';

/**
 * Media types are case-insensitive (RFC 9110 §8.3.1), but Yoga matches `Content-Type` as
 * written: `Application/JSON` was refused with a 415. The type and subtype are lower-cased
 * before Yoga reads them; parameters (a boundary) keep their case.
 */
export function useCaselessContentType(): Plugin {
  return {
    onRequest({ request }) {
      const type = request.headers.get('content-type');
      if (!type) return;
      const [media = '', ...parameters] = type.split(';');
      const lower = media.trim().toLowerCase();
      if (lower !== media) request.headers.set('content-type', [lower, ...parameters].join(';'));
    },
  };
}
