import { groupBy } from '../core/collections.js';
import { comparePeople } from '../core/org/lookup.js';
import { withOrg } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import { OrgUnit } from '../units/types.js';
import { membershipsOf, teamsOf } from './data.js';
import { Person } from './types.js';
import { TeamMembership } from './write-types.js';

builder.objectFields(Person, (t) => ({
  team: t.loadable({
    type: OrgUnit,
    nullable: true,
    description: 'The team this person is a member of today.',
    load: async (ids: number[], { db, today }) => {
      const byPerson = new Map((await teamsOf(db, ids, today)).map((m) => [m.personId, m.unit]));
      return ids.map((id) => byPerson.get(id) ?? null);
    },
    resolve: (person) => person.id,
  }),
  teamHistory: t.loadableList({
    type: TeamMembership,
    description: 'Every team this person has been on, current and ended, newest first.',
    load: async (ids: number[], { db }) => {
      const byPerson = groupBy(await membershipsOf(db, ids), (m) => m.personId);
      return ids.map((id) => byPerson.get(id) ?? []);
    },
    resolve: (person) => person.id,
  }),
}));

builder.objectFields(OrgUnit, (t) => ({
  // From the shared org snapshot, like the leads: a drill-down into a team costs no SQL.
  members: t.field({
    type: [Person],
    description: "The team's members today, by name (the Tech Lead included).",
    resolve: (unit, _args, context) =>
      withOrg(context, (org) => {
        const { people } = org.rows();
        const ids = org.on(context.today).members.get(unit.id) ?? [];
        return ids.flatMap((id) => people.get(id) ?? []).sort(comparePeople);
      }),
  }),
}));
