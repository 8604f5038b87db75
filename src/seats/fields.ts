import { builder } from '../builder.js';
import { Person } from '../people/types.js';
import { OrgUnit } from '../units/types.js';
import { holdersOf } from './data.js';

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
