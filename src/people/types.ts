import { groupBy } from '../core/collections.js';
import type { PersonRow } from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import { rowId } from '../graphql/node-id.js';
import { placeholdersOf } from '../graphql/placeholders.js';
import { peopleByIds, reportsOf } from './data.js';

export const Person = builder.loadableNode('Person', {
  description: 'Someone in the org: an engineer, a lead, a manager.',
  id: rowId,
  load: async (ids: number[], context) => {
    // A scenario's hires exist only in its evaluation, under negative ids.
    const placeholders = placeholdersOf(context);
    const stored = await peopleByIds(
      context.db,
      ids.filter((id) => id > 0),
    );
    return [...stored, ...ids.flatMap((id) => placeholders.get(id) ?? [])];
  },
  sort: (person: PersonRow) => person.id,
  fields: (t) => ({
    email: t.exposeString('email', { description: 'Unique, case-insensitive.' }),
    name: t.exposeString('name', { description: 'Full name.' }),
    title: t.exposeString('title', { nullable: true, description: 'Job title.' }),
    level: t.exposeString('level', { nullable: true, description: 'Career level, e.g. L6, M2.' }),
    startedOn: t.expose('startedOn', {
      type: 'Date',
      nullable: true,
      description: 'First day at the company.',
    }),
    departedOn: t.expose('departedOn', {
      type: 'Date',
      nullable: true,
      description: 'Last day at the company, once they have left.',
    }),
  }),
});

builder.objectFields(Person, (t) => ({
  manager: t.field({
    type: Person,
    nullable: true,
    description: 'Who this person reports to.',
    resolve: (person) => person.managerId,
  }),
  directReports: t.loadableList({
    type: Person,
    description: 'People who report to this person (not departed), by name.',
    load: async (ids: number[], { db, today }) => {
      const byManager = groupBy(await reportsOf(db, ids, today), (p) => p.managerId);
      return ids.map((id) => byManager.get(id) ?? []);
    },
    resolve: (person) => person.id,
  }),
}));
