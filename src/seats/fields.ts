import { latestInForce } from '../core/org/in-force.js';
import { seatsHeldBy } from '../core/org/lookup.js';
import { seatKey } from '../core/org/seats-on.js';
import type { Seat, UnitRow } from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { type OnDay, readFor } from '../graphql/on-day.js';
import { Person } from '../people/types.js';
import {
  assignmentsByPerson,
  assignmentsBySeat,
  assignmentsByUnit,
} from '../store/history-rows.js';
import { OrgUnit } from '../units/types.js';
import { SeatAssignment } from './types.js';

/**
 * The holder of a seat on the unit's day, from the state the coverage answers come from: a
 * dashboard asking for the leads of 2,000 units costs no SQL at all.
 */
function holderOf(context: Context, unit: OnDay<UnitRow>, seat: Seat) {
  return readFor(context, unit, (org) =>
    org.person(org.state.seats.get(unit.id)?.[seat].holder?.personId ?? null),
  );
}

builder.objectFields(OrgUnit, (t) => ({
  engLead: t.field({
    type: Person,
    nullable: true,
    description: 'The Eng Lead on the day (on a Team: the Engineering Manager).',
    resolve: (unit, _args, context) => holderOf(context, unit, 'ENG_LEAD'),
  }),
  techLead: t.field({
    type: Person,
    nullable: true,
    description: 'The Tech Lead on the day.',
    resolve: (unit, _args, context) => holderOf(context, unit, 'TECH_LEAD'),
  }),
  seatHistory: t.field({
    type: [SeatAssignment],
    description: 'Every assignment of both seats, current and ended, newest first.',
    resolve: (unit, _args, context) =>
      readFor(context, unit, (org) =>
        org.datedAll(assignmentsByUnit(org.org.history).get(unit.id) ?? []),
      ),
  }),
}));

builder.objectFields(Person, (t) => ({
  seatHistory: t.field({
    type: [SeatAssignment],
    description: 'Every seat this person has held, current and ended, newest first.',
    resolve: (person, _args, context) =>
      readFor(context, person, (org) =>
        org.datedAll(assignmentsByPerson(org.org.history).get(person.id) ?? []),
      ),
  }),
  seats: t.field({
    type: [SeatAssignment],
    description: 'The seats this person holds on the day, units by slug, Eng Lead first.',
    resolve: (person, _args, context) =>
      readFor(context, person, (org) => {
        const bySeat = assignmentsBySeat(org.org.history);
        return seatsHeldBy(org.state, person.id).flatMap(({ unitId, seat }) => {
          const row = latestInForce(bySeat.get(seatKey(unitId, seat)) ?? [], org.day);
          return row ? [org.dated(row)] : [];
        });
      }),
  }),
}));
