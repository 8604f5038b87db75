import { aorTable } from '../db/tables.js';
import { unitIdsOfScope } from '../graphql/arg-lookups.js';
import { scopeArg } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import { tablePage } from '../graphql/table-page.js';
import { type AorFilter, aorList } from './list.js';
import { AreaOfResponsibility, CriticalityEnum } from './types.js';

builder.queryFields((t) => ({
  aors: t.connection(
    {
      type: AreaOfResponsibility,
      description: 'Active (not retired) AoRs in slug order, of a scope and a criticality.',
      authScopes: { viewer: true },
      args: {
        scope: scopeArg(t.arg),
        criticality: t.arg({ type: CriticalityEnum, description: 'Only AoRs this critical.' }),
      },
      resolve: async (_root, { scope, criticality, ...page }, context) => {
        const filter: AorFilter = { unitIds: await unitIdsOfScope(context, scope), criticality };
        return tablePage(context.db, aorTable, aorList(filter), page);
      },
    },
    {
      name: 'AreaOfResponsibilityConnection',
      description: 'A page of areas of responsibility.',
    },
    { name: 'AreaOfResponsibilityEdge', description: 'An AoR and its cursor.' },
  ),
}));
