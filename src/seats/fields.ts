import { groupBy } from '../core/collections.js';
import { inForceOn } from '../core/org/in-force.js';
import type { Seat } from '../db/tables.js';
import { dayFor, type UnitOnDay, withOrg } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { Person } from '../people/types.js';
import { OrgUnit } from '../units/types.js';
import { assignmentsOfPeople, assignmentsOfUnits } from './data.js';
import { SeatAssignment } from './types.js';

/**
 * The holder of a seat (today, or on the day of the list the unit came in), from the shared
 * org snapshot — the read model the coverage answers come from: a dashboard asking for the
 * leads of 2,000 units costs no SQL at all.
 */
function holderOf(context: Context, unit: UnitOnDay, seat: Seat) {
  return withOrg(context, (org) => {
    const holder = org.on(dayFor(unit, null) ?? context.today).seats.get(unit.id)?.[seat].holder;
    return holder ? (org.rows().people.get(holder.personId) ?? null) : null;
  });
}

builder.objectFields(OrgUnit, (t) => ({
  engLead: t.field({
    type: Person,
    nullable: true,
    description:
      "Today's Eng Lead (on a Team: the Engineering Manager); in a list asked `asOf` a day, that day's.",
    resolve: (unit, _args, context) => holderOf(context, unit, 'ENG_LEAD'),
  }),
  techLead: t.field({
    type: Person,
    nullable: true,
    description: "Today's Tech Lead; in a list asked `asOf` a day, that day's.",
    resolve: (unit, _args, context) => holderOf(context, unit, 'TECH_LEAD'),
  }),
}));

builder.objectFields(OrgUnit, (t) => ({
  seatHistory: t.loadableList({
    type: SeatAssignment,
    description: 'Every assignment of both seats, current and ended, newest first.',
    load: async (ids: number[], { db }) => {
      const byUnit = groupBy(await assignmentsOfUnits(db, ids), (a) => a.unitId);
      return ids.map((id) => byUnit.get(id) ?? []);
    },
    resolve: (unit) => unit.id,
  }),
}));

builder.objectFields(Person, (t) => ({
  seatHistory: t.loadableList({
    type: SeatAssignment,
    description: 'Every seat this person has held, current and ended, newest first.',
    load: async (ids: number[], { db }) => {
      const byPerson = groupBy(await assignmentsOfPeople(db, ids), (a) => a.personId);
      return ids.map((id) => byPerson.get(id) ?? []);
    },
    resolve: (person) => person.id,
  }),
  seats: t.loadableList({
    type: SeatAssignment,
    description: 'The seats this person holds today.',
    load: async (ids: number[], { db, today }) => {
      const current = (await assignmentsOfPeople(db, ids)).filter((a) => inForceOn(a, today));
      const byPerson = groupBy(current, (a) => a.personId);
      return ids.map((id) => byPerson.get(id) ?? []);
    },
    resolve: (person) => person.id,
  }),
}));
