import { builder } from '../graphql/builder.js';
import type { OrgChange } from './feed.js';

const OrgChangeRef = builder.objectRef<OrgChange>('OrgChange').implement({
  description: 'A write committed to the org: refetch what you show.',
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'The org version the write committed.' }),
    at: t.exposeString('at', { description: 'When it was written (ISO 8601 instant).' }),
  }),
});

builder.subscriptionType({ description: 'Live updates, over GraphQL over SSE.' });

builder.subscriptionField('orgChanged', (t) =>
  t.field({
    type: OrgChangeRef,
    description:
      'An event after every committed write to the org, made on any instance or by the ' +
      'CLI: dashboards refetch on it. A dry run or a refused write sends nothing. The stream ' +
      'ends when the credential does (a token revoked, a JWT expired).',
    authScopes: { viewer: true },
    // The stream ends when the caller's credential does (revoked, expired): see credential-watch.
    subscribe: async (_root, _args, { changes, credentials, viewer }) => {
      if (!changes || !credentials) {
        throw new Error('subscriptions are served by the HTTP server only');
      }
      const { signal, release } = credentials.watch(viewer);
      return changes.subscribe(signal, release).catch((error) => {
        release();
        throw error;
      });
    },
    resolve: ([change]: [OrgChange]) => change,
  }),
);
