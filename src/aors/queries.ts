import { unitsOfScope } from '../graphql/arg-lookups.js';
import { asOfArg, scopeArg } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import { readOn } from '../graphql/on-day.js';
import { arrayPage } from '../graphql/pagination.js';
import { AreaOfResponsibility, CriticalityEnum } from './types.js';

builder.queryFields((t) => ({
  aors: t.connection(
    {
      type: AreaOfResponsibility,
      description:
        'AoRs in force on `asOf` (not retired, their unit not archived) in slug order, of a ' +
        'scope and a criticality.',
      authScopes: { viewer: true },
      args: {
        scope: scopeArg(t.arg),
        criticality: t.arg({ type: CriticalityEnum, description: 'Only AoRs this critical.' }),
        asOf: asOfArg(t.arg),
      },
      resolve: async (_root, { scope, criticality, asOf, ...page }, context) => {
        const aors = await readOn(context, asOf ?? context.today, (org) => {
          const units = unitsOfScope(org.state, scope);
          const listed = org.state.aors.filter(
            (a) =>
              (!units || units.has(a.unitId)) && (!criticality || a.criticality === criticality),
          );
          return org.aors(listed.map((a) => a.id));
        });
        const of = { list: 'aors', day: asOf ?? context.today, chosenBy: { scope, criticality } };
        return arrayPage(page, aors, of);
      },
    },
    {
      name: 'AreaOfResponsibilityConnection',
      description: 'A page of areas of responsibility.',
    },
    { name: 'AreaOfResponsibilityEdge', description: 'An AoR and its cursor.' },
  ),
}));
