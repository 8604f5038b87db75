import { builder } from '../builder.js';
import { inForceOn } from '../org/as-of.js';
import { groupBy } from '../pagination.js';
import { Person } from '../people/types.js';
import { OrgUnit } from '../units/types.js';
import { assignmentsOfPeople, assignmentsOfUnits, holdersOf } from './data.js';
import { SeatAssignment } from './types.js';

builder.objectFields(OrgUnit, (t) => ({
  engLead: t.loadable({
    type: Person,
    nullable: true,
    description: "Today's Eng Lead (on a Team: the Engineering Manager).",
    load: (ids: number[], { db, today }) => holderLoad(db, ids, 'ENG_LEAD', today),
    resolve: (unit) => unit.id,
  }),
  techLead: t.loadable({
    type: Person,
    nullable: true,
    description: "Today's Tech Lead.",
    load: (ids: number[], { db, today }) => holderLoad(db, ids, 'TECH_LEAD', today),
    resolve: (unit) => unit.id,
  }),
}));

async function holderLoad(...args: Parameters<typeof holdersOf>) {
  const [, ids] = args;
  const byUnit = new Map((await holdersOf(...args)).map((h) => [h.unitId, h.person]));
  return ids.map((id) => byUnit.get(id) ?? null);
}

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
