import { engineerCount } from '../core/coverage/coverage.js';
import { reportsOf, seatsHeldBy } from '../core/org/lookup.js';
import type { OrgState } from '../core/org/state.js';
import { builder } from '../graphql/builder.js';
import { nestedDayArg, readAsOf, readFor } from '../graphql/on-day.js';
import { Person } from './types.js';

interface Span {
  directReports: number;
  engineersLedAsTechLead: number;
}

/** Engineers on the teams this person is Tech Lead of, not counting themselves. */
function engineersLedAsTechLead(state: OrgState, personId: number): number {
  return seatsHeldBy(state, personId)
    .filter((s) => s.seat === 'TECH_LEAD' && state.unitsById.get(s.unitId)?.layer === 'TEAM')
    .reduce((sum, { unitId }) => {
      const isMember = state.members.get(unitId)?.includes(personId) ?? false;
      // The engineer count already leaves out the Eng Lead: a TLM is not taken off twice.
      const isEngLead = state.seats.get(unitId)?.ENG_LEAD.holder?.personId === personId;
      return sum + engineerCount(state, unitId) - (isMember && !isEngLead ? 1 : 0);
    }, 0);
}

const SpanOfControl = builder.objectRef<Span>('SpanOfControl').implement({
  description: 'How many people someone leads.',
  fields: (t) => ({
    directReports: t.exposeInt('directReports', { description: 'People reporting to them.' }),
    engineersLedAsTechLead: t.exposeInt('engineersLedAsTechLead', {
      description: 'Engineers on the teams they are Tech Lead of (themselves excluded).',
    }),
  }),
});

builder.objectFields(Person, (t) => ({
  managerChain: t.field({
    type: [Person],
    description:
      'Their manager, their manager’s manager, … up to the top (nearest first), on the day.',
    // Stops at a repeated person rather than looping on bad data.
    resolve: (person, _args, context) =>
      readFor(context, person, (org) => {
        const chain = [];
        const seen = new Set([person.id]);
        for (let manager = org.managerOf(person.id); manager && !seen.has(manager.id); ) {
          seen.add(manager.id);
          chain.push(manager);
          manager = org.managerOf(manager.id);
        }
        return chain;
      }),
  }),
  spanOfControl: t.field({
    type: SpanOfControl,
    description: 'Direct reports, and engineers led as Tech Lead, on a day.',
    args: { asOf: nestedDayArg(t.arg) },
    resolve: (person, { asOf }, context) =>
      readAsOf(context, person, asOf, ({ state }) => ({
        directReports: reportsOf(state, person.id).length,
        engineersLedAsTechLead: engineersLedAsTechLead(state, person.id),
      })),
  }),
}));
