import { groupBy } from '../core/collections.js';
import { inForceOn } from '../core/org/in-force.js';
import { type CandidateRow, readinessEnum } from '../db/tables.js';
import { confidential, revealsOfPerson } from '../graphql/access.js';
import { orgFor } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import { rowId } from '../graphql/node-id.js';
import { Person } from '../people/types.js';
import { SeatEnum } from '../seats/types.js';
import { OrgUnit } from '../units/types.js';
import { candidaciesOfPeople, candidatesByIds } from './data.js';

export const ReadinessEnum = builder.enumType('Readiness', {
  description: 'When a successor could take the seat: now, in about 1–2 years, or 3+ years.',
  values: readinessEnum.enumValues,
});

/** Confidential: PLANNER, and for a scoped caller a seat within its scope. */
const candidateScopes = confidential('PLANNER', (row: CandidateRow) => [row.unitId]);

export const SuccessionCandidate = builder.loadableNode('SuccessionCandidate', {
  description: 'A person named as a possible successor for one seat of one unit (confidential).',
  authScopes: (row, context) => candidateScopes(row, {}, context),
  // One refusal per candidacy (not one per field asked of it).
  runScopesOnType: true,
  id: rowId,
  load: (ids: number[], { db }) => candidatesByIds(db, ids),
  sort: (row: CandidateRow) => row.id,
  fields: (t) => ({
    unit: t.field({ type: OrgUnit, description: 'The unit.', resolve: (c) => c.unitId }),
    seat: t.expose('seat', { type: SeatEnum, description: 'The seat.' }),
    person: t.field({ type: Person, description: 'The candidate.', resolve: (c) => c.personId }),
    readiness: t.expose('readiness', { type: ReadinessEnum, description: 'How ready.' }),
    notes: t.exposeString('notes', { nullable: true, description: 'Private notes.' }),
    startedOn: t.expose('startedOn', { type: 'Date', description: 'Named since.' }),
    endedOn: t.expose('endedOn', {
      type: 'Date',
      nullable: true,
      description: 'Last day named; null while current.',
    }),
  }),
});

builder.objectFields(Person, (t) => ({
  candidacies: t.loadableList({
    type: SuccessionCandidate,
    description:
      'The seats this person is named a successor for today (PLANNER). A scoped token reads ' +
      'them for a person whose seats and team lie within its scope, and only its scope’s seats.',
    // Judged from the person's seats and team, never from where their candidacies lie.
    authScopes: confidential('PLANNER', async (person: { id: number }, _args: unknown, context) =>
      revealsOfPerson(await orgFor(context, null), person.id),
    ),
    load: async (ids: number[], { db, today, viewer }) => {
      const inScope = (c: CandidateRow) => !viewer.scope || viewer.scope.unitIds.has(c.unitId);
      const rows = await candidaciesOfPeople(db, ids);
      const current = rows.filter((c) => inForceOn(c, today) && inScope(c));
      const byPerson = groupBy(current, (c) => c.personId);
      return ids.map((id) => byPerson.get(id) ?? []);
    },
    resolve: (person) => person.id,
  }),
}));
