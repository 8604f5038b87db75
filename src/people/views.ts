import { engineerCount } from '../core/coverage/coverage.js';
import { reportsOf, seatsHeldBy } from '../core/org/lookup.js';
import type { OrgState } from '../core/org/state.js';
import { asOfArg, orgFor } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
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
      return sum + engineerCount(state, unitId) - (isMember ? 1 : 0);
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
    description: 'Their manager, their manager’s manager, … up to the top (nearest first).',
    // Walks up through the batched person loader: one statement per level, for any number
    // of people; stops at a repeated person rather than looping on bad data.
    resolve: async (person, _args, context) => {
      const loader = Person.getDataloader(context);
      const chain = [];
      const seen = new Set([person.id]);
      for (let id = person.managerId; id !== null && !seen.has(id); ) {
        const manager = await loader.load(id);
        seen.add(id);
        chain.push(manager);
        id = manager.managerId;
      }
      return chain;
    },
  }),
  spanOfControl: t.field({
    type: SpanOfControl,
    description: 'Direct reports, and engineers led as Tech Lead, on a day (default: today).',
    args: { asOf: asOfArg(t.arg) },
    resolve: async (person, { asOf }, context) => {
      const state = await orgFor(context, asOf);
      return {
        directReports: reportsOf(state, person.id).length,
        engineersLedAsTechLead: engineersLedAsTechLead(state, person.id),
      };
    },
  }),
}));
