import { layerEnum, type UnitRow } from '../db/tables.js';
import { dayFor, unitOnDay, withOrg } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import { rowId } from '../graphql/node-id.js';
import { unitsByIds } from './data.js';

export const LayerEnum = builder.enumType('Layer', {
  description: 'Where a unit sits: Pillars group Areas, Areas group Teams.',
  values: layerEnum.enumValues,
});

export const OrgUnit = builder.loadableNode('OrgUnit', {
  description: 'One Pillar, Area or Team of the engineering org.',
  id: rowId,
  load: (ids: number[], { db }) => unitsByIds(db, ids),
  sort: (unit: UnitRow) => unit.id,
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable unique key, `[a-z0-9-]+`.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    layer: t.expose('layer', { type: LayerEnum, description: 'PILLAR, AREA or TEAM.' }),
    charter: t.exposeString('charter', { nullable: true, description: 'One-paragraph charter.' }),
    archivedOn: t.expose('archivedOn', {
      type: 'Date',
      nullable: true,
      description: 'The day the unit was archived, if it was.',
    }),
  }),
});

builder.objectFields(OrgUnit, (t) => ({
  ancestors: t.field({
    type: [OrgUnit],
    description: 'The units above this one, top first (a Team: its Pillar, then its Area).',
    // Walks up through the batched unit loader: one statement per layer, not per unit.
    resolve: async (unit, _args, context) => {
      const loader = OrgUnit.getDataloader(context);
      const chain: UnitRow[] = [];
      for (let id = unit.parentId; id !== null; ) {
        const parent = await loader.load(id);
        chain.unshift(parent);
        id = parent.parentId;
      }
      return chain;
    },
  }),
  parent: t.field({
    type: OrgUnit,
    nullable: true,
    description: 'The Area of a Team, the Pillar of an Area; null for a Pillar.',
    resolve: (unit) => unit.parentId,
  }),
  children: t.field({
    type: [OrgUnit],
    description: 'Active units directly below this one, in slug order.',
    // From the shared org snapshot, like the leads: a whole tree costs no SQL per level.
    resolve: (unit, _args, context) =>
      withOrg(context, (org) => {
        const day = dayFor(unit, null);
        const children = org.on(day ?? context.today).childrenOf.get(unit.id) ?? [];
        const rows = org.rows().units;
        return children.flatMap((child) => {
          const row = rows.get(child.id);
          return row ? [unitOnDay(row, day)] : [];
        });
      }),
  }),
}));

/** Every list of units, so clients see one `OrgUnitConnection` type. */
export const OrgUnitConnection = builder.connectionObject(
  { type: OrgUnit, name: 'OrgUnitConnection', description: 'A page of units.' },
  { name: 'OrgUnitEdge', description: 'A unit and its cursor.' },
);
