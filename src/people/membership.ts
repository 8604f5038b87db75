import { comparePeople } from '../core/org/lookup.js';
import { teamOf } from '../core/org/on-day.js';
import { builder } from '../graphql/builder.js';
import { readFor } from '../graphql/on-day.js';
import { membershipsByPerson } from '../store/history-rows.js';
import { OrgUnit } from '../units/types.js';
import { Person } from './types.js';
import { TeamMembership } from './write-types.js';

builder.objectFields(Person, (t) => ({
  team: t.field({
    type: OrgUnit,
    nullable: true,
    description: 'The team this person is a member of on the day.',
    resolve: (person, _args, context) =>
      readFor(context, person, (org) => org.unit(teamOf(org.state, person.id))),
  }),
  teamHistory: t.field({
    type: [TeamMembership],
    description: 'Every team this person has been on, current and ended, newest first.',
    resolve: (person, _args, context) =>
      readFor(context, person, (org) =>
        org.datedAll(membershipsByPerson(org.org.history).get(person.id) ?? []),
      ),
  }),
}));

builder.objectFields(OrgUnit, (t) => ({
  // The day's members, from the same state as the day's coverage: a drill-down costs no SQL.
  members: t.field({
    type: [Person],
    description: "The team's members on the day, by name (the Tech Lead included).",
    resolve: (unit, _args, context) =>
      readFor(context, unit, (org) =>
        org.people(org.state.members.get(unit.id) ?? []).sort(comparePeople),
      ),
  }),
}));
