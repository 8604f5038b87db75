import { openRoleTable } from '../db/tables.js';
import { unitIdsOfScope } from '../graphql/arg-lookups.js';
import { scopeArg } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import { tablePage } from '../graphql/table-page.js';
import { type OpenRoleFilter, openRoleList } from './list.js';
import { OpenRole, OpenRoleStatusEnum } from './types.js';

builder.queryFields((t) => ({
  openRoles: t.connection(
    {
      type: OpenRole,
      description: 'Hiring requisitions, newest first, of a scope and a status (default: all).',
      authScopes: { viewer: true },
      args: {
        scope: scopeArg(t.arg),
        status: t.arg({ type: OpenRoleStatusEnum, description: 'Only roles in this status.' }),
      },
      resolve: async (_root, { scope, status, ...page }, context) => {
        const filter: OpenRoleFilter = { unitIds: await unitIdsOfScope(context, scope), status };
        return tablePage(context.db, openRoleTable, openRoleList(filter), page);
      },
    },
    { name: 'OpenRoleConnection', description: 'A page of open roles.' },
    { name: 'OpenRoleEdge', description: 'An open role and its cursor.' },
  ),
}));
