import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import type { PersonRow, Seat } from '../db/tables.js';
import { inForceOn } from '../org/as-of.js';
import { groupBy } from '../pagination.js';
import { Person } from '../people/types.js';
import { OrgUnit } from '../units/types.js';
import { assignmentsOfPeople, assignmentsOfUnits, holdersOf } from './data.js';
import { SeatAssignment } from './types.js';

/**
 * Today's holders of both seats of each unit, one statement per batch: a dashboard asking
 * for `engLead` and `techLead` of every unit pays once, not once per seat.
 */
const leadsOf = createContextCache(
  ({ db, today }: Context) =>
    new DataLoader<number, Partial<Record<Seat, PersonRow>>>(async (unitIds) => {
      const byUnit = groupBy(await holdersOf(db, unitIds, today), (h) => h.unitId);
      return unitIds.map((id) =>
        Object.fromEntries((byUnit.get(id) ?? []).map((h) => [h.seat, h.person])),
      );
    }),
);

builder.objectFields(OrgUnit, (t) => ({
  engLead: t.field({
    type: Person,
    nullable: true,
    description: "Today's Eng Lead (on a Team: the Engineering Manager).",
    resolve: async (unit, _args, context) =>
      (await leadsOf(context).load(unit.id)).ENG_LEAD ?? null,
  }),
  techLead: t.field({
    type: Person,
    nullable: true,
    description: "Today's Tech Lead.",
    resolve: async (unit, _args, context) =>
      (await leadsOf(context).load(unit.id)).TECH_LEAD ?? null,
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
