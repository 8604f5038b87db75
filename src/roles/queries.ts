import { unitsOfScope } from '../graphql/arg-lookups.js';
import { asOfArg, scopeArg } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import { readOn } from '../graphql/on-day.js';
import { arrayPage } from '../graphql/pagination.js';
import { rolesNewestFirst } from '../store/history-rows.js';
import { OpenRole, OpenRoleStatusEnum, rolesOn } from './types.js';

builder.queryFields((t) => ({
  openRoles: t.connection(
    {
      type: OpenRole,
      description:
        'Hiring requisitions opened by `asOf`, newest first, of a scope and a status that day ' +
        '(default: all).',
      authScopes: { viewer: true },
      args: {
        scope: scopeArg(t.arg),
        status: t.arg({ type: OpenRoleStatusEnum, description: 'Only roles in this status.' }),
        asOf: asOfArg(t.arg),
      },
      resolve: async (_root, { scope, status, asOf, ...page }, context) => {
        const roles = await readOn(context, asOf ?? context.today, (org) => {
          // The units of the scope that day, or every unit that exists that day: not the
          // roles of one archived by then (or created later), as `units` and `aors` leave it.
          const units = unitsOfScope(org.state, scope) ?? org.state.unitsById;
          const all = rolesNewestFirst(org.org.history).filter((r) => units.has(r.unitId));
          return rolesOn(all, org, status);
        });
        const of = { list: 'openRoles', day: asOf ?? context.today, chosenBy: { scope, status } };
        return arrayPage(page, roles, of);
      },
    },
    { name: 'OpenRoleConnection', description: 'A page of open roles.' },
    { name: 'OpenRoleEdge', description: 'An open role and its cursor.' },
  ),
}));
