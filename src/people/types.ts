import { comparePeople, reportsOf } from '../core/org/lookup.js';
import type { PersonRow } from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import { rowId } from '../graphql/node-id.js';
import { type OnDay, readFor, snapshotLoader } from '../graphql/on-day.js';
import { placeholdersOf } from '../graphql/placeholders.js';

export const Person = builder.loadableNode('Person', {
  description:
    'Someone in the org: an engineer, a lead, a manager. Their team, seats, AoRs and reports ' +
    'answer for the day of the answer they came in (the root field’s `asOf`, default today).',
  id: rowId,
  // A scenario's hires exist only in its evaluation, under negative ids.
  load: snapshotLoader((org, context) => ({
    get: (id): OnDay<PersonRow> | undefined =>
      org.rows().people.get(id) ?? placeholdersOf(context).get(id),
  })),
  sort: (person: OnDay<PersonRow>) => person.id,
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
      description: 'First day gone, once their departure is recorded (it may lie ahead).',
    }),
  }),
});

builder.objectFields(Person, (t) => ({
  manager: t.field({
    type: Person,
    nullable: true,
    description: 'Who this person reports to on the day.',
    resolve: (person, _args, context) =>
      readFor(context, person, (org) => org.managerOf(person.id)),
  }),
  directReports: t.field({
    type: [Person],
    description: 'People who report to this person on the day (not departed by then), by name.',
    resolve: (person, _args, context) =>
      readFor(context, person, (org) =>
        org.people(reportsOf(org.state, person.id).map((p) => p.id)).sort(comparePeople),
      ),
  }),
}));
