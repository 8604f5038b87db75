import { layerEnum, type UnitRow } from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import { rowId } from '../graphql/node-id.js';
import { type OnDay, readFor, snapshotLoader } from '../graphql/on-day.js';
import { inTurn } from '../graphql/turn-budget.js';

export const LayerEnum = builder.enumType('Layer', {
  description: 'Where a unit sits: Pillars group Areas, Areas group Teams.',
  values: layerEnum.enumValues,
});

export const OrgUnit = builder.loadableNode('OrgUnit', {
  description:
    'One Pillar, Area or Team of the engineering org. Its fields answer for the day of the ' +
    'answer it came in (the root field’s `asOf`, default today).',
  id: rowId,
  load: snapshotLoader((org): ReadonlyMap<number, OnDay<UnitRow>> => org.rows().units),
  sort: (unit: OnDay<UnitRow>) => unit.id,
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
    resolve: (unit, _args, context) =>
      readFor(context, unit, (org) => {
        const chain: OnDay<UnitRow>[] = [];
        for (let parent = org.parentOf(unit.id); parent; parent = org.parentOf(parent.id)) {
          chain.unshift(parent);
        }
        return chain;
      }),
  }),
  parent: t.field({
    type: OrgUnit,
    nullable: true,
    description: 'The Area of a Team, the Pillar of an Area, on the day; null for a Pillar.',
    resolve: (unit, _args, context) => readFor(context, unit, (org) => org.parentOf(unit.id)),
  }),
  children: t.field({
    type: [OrgUnit],
    description: 'Units directly below this one on the day (not archived then), in slug order.',
    // A tree fans out here: computed a slice per event-loop turn (turn-budget.ts).
    resolve: (unit, _args, context) =>
      inTurn(context, () =>
        readFor(context, unit, (org) =>
          org.units((org.state.childrenOf.get(unit.id) ?? []).map((child) => child.id)),
        ),
      ),
  }),
}));

/** Every list of units, so clients see one `OrgUnitConnection` type. */
export const OrgUnitConnection = builder.connectionObject(
  { type: OrgUnit, name: 'OrgUnitConnection', description: 'A page of units.' },
  { name: 'OrgUnitEdge', description: 'A unit and its cursor.' },
);
