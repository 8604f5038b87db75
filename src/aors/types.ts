import { groupBy } from '../core/collections.js';
import { type AorRow, criticalityEnum, ownershipRoleEnum } from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { rowId } from '../graphql/node-id.js';
import { Person } from '../people/types.js';
import { OrgUnit } from '../units/types.js';
import { aorsByIds, aorsOfUnits, ownershipsOfAors, ownershipsOfPeople } from './data.js';

export const CriticalityEnum = builder.enumType('Criticality', {
  description: 'How much it hurts when an AoR is dropped.',
  values: criticalityEnum.enumValues,
});

export const OwnershipRoleEnum = builder.enumType('OwnershipRole', {
  description: 'PRIMARY: the AoR holder. BACKUP: can stand in.',
  values: ownershipRoleEnum.enumValues,
});

export const AreaOfResponsibility = builder.loadableNode('AreaOfResponsibility', {
  description: 'A system or domain owned inside a unit, with a primary owner and backups.',
  id: rowId,
  load: (ids: number[], { db }) => aorsByIds(db, ids),
  sort: (aor: AorRow) => aor.id,
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable unique key.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    description: t.exposeString('description', { nullable: true, description: 'What it covers.' }),
    criticality: t.expose('criticality', {
      type: CriticalityEnum,
      description: 'HIGH, MEDIUM, LOW.',
    }),
    unit: t.field({ type: OrgUnit, description: 'The owning unit.', resolve: (aor) => aor.unitId }),
    retiredOn: t.expose('retiredOn', {
      type: 'Date',
      nullable: true,
      description: 'The day it was retired, if it was.',
    }),
  }),
});

/** Today's owners of each AoR in one role: one statement for any number of AoRs. */
async function ownersOf(ids: number[], { db, today }: Context, role: 'PRIMARY' | 'BACKUP') {
  const rows = (await ownershipsOfAors(db, ids, today)).filter((o) => o.ownership.role === role);
  const byAor = groupBy(rows, (o) => o.ownership.aorId);
  return ids.map((id) => (byAor.get(id) ?? []).map((o) => o.person));
}

builder.objectFields(AreaOfResponsibility, (t) => ({
  primaryOwner: t.loadable({
    type: Person,
    nullable: true,
    description: "Today's AoR holder; null when it is unowned.",
    load: async (ids: number[], context) =>
      (await ownersOf(ids, context, 'PRIMARY')).map((owners) => owners[0] ?? null),
    resolve: (aor) => aor.id,
  }),
  backupOwners: t.loadableList({
    type: Person,
    description: "Today's backup owners.",
    load: (ids: number[], context) => ownersOf(ids, context, 'BACKUP'),
    resolve: (aor) => aor.id,
  }),
}));

const AorOwnership = builder
  .objectRef<{ aor: AorRow; role: 'PRIMARY' | 'BACKUP'; startedOn: string }>('AorOwnership')
  .implement({
    description: 'One AoR a person owns, and how.',
    fields: (t) => ({
      aor: t.field({ type: AreaOfResponsibility, description: 'The AoR.', resolve: (o) => o.aor }),
      role: t.expose('role', { type: OwnershipRoleEnum, description: 'Primary or backup.' }),
      startedOn: t.expose('startedOn', { type: 'Date', description: 'Owner since.' }),
    }),
  });

builder.objectFields(OrgUnit, (t) => ({
  aors: t.loadableList({
    type: AreaOfResponsibility,
    description: "The unit's active AoRs, by slug.",
    load: async (ids: number[], { db }) => {
      const byUnit = groupBy(await aorsOfUnits(db, ids), (a) => a.unitId);
      return ids.map((id) => byUnit.get(id) ?? []);
    },
    resolve: (unit) => unit.id,
  }),
}));

builder.objectFields(Person, (t) => ({
  aors: t.loadableList({
    type: AorOwnership,
    description: 'The AoRs this person owns today (primary or backup), by slug.',
    load: async (ids: number[], { db, today }) => {
      const rows = await ownershipsOfPeople(db, ids, today);
      const byPerson = groupBy(rows, (r) => r.ownership.personId);
      return ids.map((id) =>
        (byPerson.get(id) ?? []).map(({ aor, ownership }) => ({ aor, ...ownership })),
      );
    },
    resolve: (person) => person.id,
  }),
}));
