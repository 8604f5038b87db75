import { keyRule, withOrg } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import { sqlPage } from '../graphql/pagination.js';
import { countUnits, listUnits, unitsBySlugs } from './data.js';
import { LayerEnum, OrgUnit, OrgUnitConnection } from './types.js';

builder.queryFields((t) => ({
  unit: t.field({
    type: OrgUnit,
    nullable: true,
    description: 'One unit by slug (null when there is none).',
    authScopes: { viewer: true },
    args: { slug: t.arg.string({ required: true, validate: keyRule }) },
    // From the shared org snapshot: a drill-down page costs no statement of its own.
    resolve: (_root, { slug }, context) =>
      withOrg(context, (org) => org.rows().unitsBySlug.get(slug) ?? null),
  }),
  units: t.connection(
    {
      type: OrgUnit,
      description: 'Active units in slug order, optionally of one layer or under one parent.',
      authScopes: { viewer: true },
      args: {
        layer: t.arg({ type: LayerEnum, description: 'Only units of this layer.' }),
        parent: t.arg.string({
          description: 'Only the children of the unit with this slug.',
          validate: keyRule,
        }),
      },
      resolve: async (_root, { layer, parent, ...page }, { db }) => {
        const filter = { layer, parentId: undefined as number | undefined };
        if (parent != null) {
          const [parentUnit] = await unitsBySlugs(db, [parent]);
          // An unknown parent has no children: an empty page, not an error.
          filter.parentId = parentUnit?.id ?? -1;
        }
        return sqlPage(
          page,
          () => countUnits(db, filter),
          (offset, limit) => listUnits(db, filter, offset, limit),
        );
      },
    },
    OrgUnitConnection,
  ),
}));
