import { type Plugin, useReadinessCheck } from 'graphql-yoga';

/**
 * Yoga's readiness check at `endpoint`, its hook run only for that path: its own test of
 * every other request's URL against a URLPattern cost 2% of a small read's CPU.
 */
export function useReadiness(endpoint: string, check: () => Promise<boolean>): Plugin {
  const plugin = useReadinessCheck({ endpoint, check });
  const onRequest = plugin.onRequest;
  return {
    ...plugin,
    onRequest: (payload) => (payload.url.pathname === endpoint ? onRequest?.(payload) : undefined),
  };
}
