import { latestInForce } from '../core/org/in-force.js';
import { comparePeople } from '../core/org/lookup.js';
import { aorOn, aorsOfUnit, aorsOwnedBy } from '../core/org/on-day.js';
import { type AorRow, criticalityEnum, ownershipRoleEnum } from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import { rowId } from '../graphql/node-id.js';
import { type OnDay, readFor, snapshotLoader } from '../graphql/on-day.js';
import { Person } from '../people/types.js';
import { aorRows, ownershipsByPerson } from '../store/history-rows.js';
import { OrgUnit } from '../units/types.js';

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
  // Asked by id for a day before it was created, it names nothing (relay-nodes.ts); retired,
  // it stays readable.
  extensions: { existsOn: (aor: AorRow, day: string) => aor.createdOn <= day },
  load: snapshotLoader((org): ReadonlyMap<number, OnDay<AorRow>> => aorRows(org.history)),
  sort: (aor: OnDay<AorRow>) => aor.id,
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable unique key.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    description: t.exposeString('description', { nullable: true, description: 'What it covers.' }),
    criticality: t.expose('criticality', {
      type: CriticalityEnum,
      description: 'HIGH, MEDIUM, LOW.',
    }),
    unit: t.field({
      type: OrgUnit,
      description: 'The owning unit.',
      resolve: (aor, _args, context) => readFor(context, aor, (org) => org.unitOfAor(aor)),
    }),
    retiredOn: t.expose('retiredOn', {
      type: 'Date',
      nullable: true,
      description: 'The day it was retired, if it was.',
    }),
  }),
});

builder.objectFields(AreaOfResponsibility, (t) => ({
  primaryOwner: t.field({
    type: Person,
    nullable: true,
    description:
      'The AoR holder on the day; null when it is unowned (or retired by then: no owners).',
    resolve: (aor, _args, context) =>
      readFor(context, aor, (org) => org.person(aorOn(org.state, aor.id)?.primaryOwnerId ?? null)),
  }),
  backupOwners: t.field({
    type: [Person],
    description: 'The backup owners on the day, by name.',
    resolve: (aor, _args, context) =>
      readFor(context, aor, (org) =>
        org.people(aorOn(org.state, aor.id)?.backupOwnerIds ?? []).sort(comparePeople),
      ),
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
  aors: t.field({
    type: [AreaOfResponsibility],
    description: "The unit's AoRs on the day (not retired then), by slug.",
    resolve: (unit, _args, context) =>
      readFor(context, unit, (org) => org.aors(aorsOfUnit(org.state, unit.id).map((a) => a.id))),
  }),
}));

builder.objectFields(Person, (t) => ({
  aors: t.field({
    type: [AorOwnership],
    description: 'The AoRs this person owns on the day (primary or backup), by slug.',
    resolve: (person, _args, context) =>
      readFor(context, person, (org) => {
        const rows = ownershipsByPerson(org.org.history).get(person.id) ?? [];
        return aorsOwnedBy(org.state, person.id).flatMap((state) => {
          const role = state.primaryOwnerId === person.id ? 'PRIMARY' : 'BACKUP';
          const mine = rows.filter((r) => r.aorId === state.id && r.role === role);
          const ownership = latestInForce(mine, org.day);
          const [aor] = org.aors([state.id]);
          return aor && ownership ? [{ aor, role, startedOn: ownership.startedOn }] : [];
        });
      }),
  }),
}));
