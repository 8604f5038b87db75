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
      'CLI: dashboards refetch on it. A dry run or a refused write sends nothing.',
    authScopes: { viewer: true },
    subscribe: (_root, _args, { changes }) => {
      if (!changes) throw new Error('subscriptions are served by the HTTP server only');
      return changes.subscribe();
    },
    resolve: ([change]: [OrgChange]) => change,
  }),
);
