import { compareText } from '../core/org/as-of.js';
import { latestInForce } from '../core/org/in-force.js';
import { candidaciesOf } from '../core/org/lookup.js';
import { type Day, SEATS } from '../core/org/state.js';
import { type CandidateRow, readinessEnum } from '../db/tables.js';
import { confidential, revealsOfPerson } from '../graphql/access.js';
import { orgFor } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import { rowId } from '../graphql/node-id.js';
import { dayOf, endedAsRecorded, type OnDay, readFor, snapshotLoader } from '../graphql/on-day.js';
import { Person } from '../people/types.js';
import { SeatEnum } from '../seats/types.js';
import { candidaciesByPerson, candidateRows } from '../store/history-rows.js';
import { OrgUnit } from '../units/types.js';

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
  load: snapshotLoader(
    (org): ReadonlyMap<number, OnDay<CandidateRow>> => candidateRows(org.history),
  ),
  sort: (row: OnDay<CandidateRow>) => row.id,
  // `node(id:, asOf:)` names nothing before it starts, as the candidacies of that day do not.
  extensions: { existsOn: (row: CandidateRow, day: string) => row.startedOn <= day },
  fields: (t) => ({
    unit: t.field({
      type: OrgUnit,
      description: 'The unit.',
      resolve: (c, _args, context) => readFor(context, c, (org) => org.theUnit(c.unitId)),
    }),
    seat: t.expose('seat', { type: SeatEnum, description: 'The seat.' }),
    person: t.field({
      type: Person,
      description: 'The candidate.',
      resolve: (c, _args, context) => readFor(context, c, (org) => org.thePerson(c.personId)),
    }),
    readiness: t.expose('readiness', { type: ReadinessEnum, description: 'How ready.' }),
    notes: t.exposeString('notes', { nullable: true, description: 'Private notes.' }),
    startedOn: t.expose('startedOn', { type: 'Date', description: 'Named since.' }),
    endedOn: t.expose('endedOn', {
      type: 'Date',
      nullable: true,
      description: endedAsRecorded('named'),
    }),
  }),
});

builder.objectFields(Person, (t) => ({
  candidacies: t.field({
    type: [SuccessionCandidate],
    description:
      'The seats this person is named a successor for on the day, units by slug, Eng Lead first ' +
      '(PLANNER). A scoped token reads them for a person whose seats and team lie within its ' +
      'scope, and only its scope’s seats.',
    // Judged from the person's seats and team on the answer's day (as their departure impact
    // that day is), never from where their candidacies lie.
    authScopes: confidential(
      'PLANNER',
      async (person: { id: number; day?: Day }, _args: unknown, context) =>
        revealsOfPerson(await orgFor(context, dayOf(person, context)), person.id),
    ),
    resolve: (person, _args, context) =>
      readFor(context, person, (org) => {
        const rows = candidaciesByPerson(org.org.history).get(person.id) ?? [];
        const { scope } = context.viewer;
        const inScope = ({ unitId }: { unitId: number }) => !scope || scope.unitIds.has(unitId);
        // By slug, as a person's seats: unit ids follow the order units were first written,
        // so two servers holding the same org (an export imported) listed them differently.
        const slug = ({ unitId }: { unitId: number }) =>
          org.state.unitsById.get(unitId)?.slug ?? '';
        return candidaciesOf(org.state, person.id)
          .filter(inScope)
          .sort(
            (a, b) =>
              compareText(slug(a), slug(b)) || SEATS.indexOf(a.seat) - SEATS.indexOf(b.seat),
          )
          .flatMap(({ unitId, seat }) => {
            const mine = rows.filter((r) => r.unitId === unitId && r.seat === seat);
            const row = latestInForce(mine, org.day);
            return row ? [org.dated(row)] : [];
          });
      }),
  }),
}));
