import { unitIn } from '../graphql/arg-lookups.js';
import { asOfArg, keyRule } from '../graphql/args.js';
import { builder, LIST_MULTIPLIER, MAX_PAGE_SIZE, pagePrice } from '../graphql/builder.js';
import { onDay, readOn } from '../graphql/on-day.js';
import { arrayPage } from '../graphql/pagination.js';
import { LayerEnum, OrgUnit, OrgUnitConnection } from './types.js';

builder.queryFields((t) => ({
  unit: t.field({
    type: OrgUnit,
    nullable: true,
    description:
      'One unit by slug (null when there is none), its fields answering for `asOf`. An ' +
      'archived unit is still found: its history stays readable.',
    authScopes: { viewer: true },
    args: { slug: t.arg.string({ required: true, validate: keyRule }), asOf: asOfArg(t.arg) },
    // From the shared org snapshot: a drill-down page costs no statement of its own.
    resolve: (_root, { slug, asOf }, context) =>
      readOn(context, asOf ?? context.today, (org) => {
        const row = org.org.rows().unitsBySlug.get(slug);
        return row ? onDay(row, org.day) : null;
      }),
  }),
  units: t.connection(
    {
      type: OrgUnit,
      description:
        'Units not archived on `asOf`, in slug order, optionally of one layer or under one parent.',
      authScopes: { viewer: true },
      args: {
        layer: t.arg({ type: LayerEnum, description: 'Only units of this layer.' }),
        parent: t.arg.string({
          description:
            'Only the children of the unit with this slug (one not in the org that day: NOT_FOUND).',
          validate: keyRule,
        }),
        asOf: asOfArg(t.arg),
      },
      // Pillars, and the children of one unit, are a handful in any org: priced as ten at most
      // (the dashboard's tree starts from a page of 100 pillars), every other page as it is.
      complexity: ({ first, last, layer, parent }) =>
        pagePrice(first ?? last, layer === 'PILLAR' || parent ? LIST_MULTIPLIER : MAX_PAGE_SIZE),
      resolve: async (_root, { layer, parent, asOf, ...page }, context) => {
        const units = await readOn(context, asOf ?? context.today, (org) => {
          // A parent naming no unit that day is an error, as an unknown team or scope is: an
          // empty page would pass a script's check of a mistyped slug.
          const parentId = parent == null ? undefined : unitIn(org.state, parent, 'parent').id;
          const listed = org.state.units.filter(
            (u) =>
              (!layer || u.layer === layer) && (parentId === undefined || u.parentId === parentId),
          );
          return org.units(listed.map((u) => u.id));
        });
        const of = { list: 'units', day: asOf ?? context.today, chosenBy: { layer, parent } };
        return arrayPage(page, units, of);
      },
    },
    OrgUnitConnection,
  ),
}));
