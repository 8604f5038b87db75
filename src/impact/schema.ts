import { AreaOfResponsibility } from '../aors/types.js';
import type {
  DepartureImpact as ImpactData,
  SeatVacancy as VacancyData,
} from '../core/impact/departure.js';
import type { CoverageChange as CoverageChangeData } from '../core/impact/org-diff.js';
import type { VacancyStep as StepData } from '../core/impact/vacancy-chain.js';
import { personWithEmail } from '../core/org/on-day.js';
import { CoverageStatusEnum } from '../coverage/schema.js';
import { candidaciesWithin, Finding, findingsWithinScope } from '../findings/schema.js';
import { confidential, revealsOfPerson } from '../graphql/access.js';
import { badArgument, personIn } from '../graphql/arg-lookups.js';
import { asOfArg, keyRule, orgFor } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import { COST, heavy } from '../graphql/costs.js';
import { dayOf, type OnDay, onDay, onDayAll, readFor, unitOf } from '../graphql/on-day.js';
import { Person } from '../people/types.js';
import { plannedOrg } from '../scenarios/planned-org.js';
import { SeatEnum } from '../seats/types.js';
import type { LoadedOrg } from '../store/org-views.js';
import { OrgUnit } from '../units/types.js';
import { DepartureRefused, evaluateDeparture } from './evaluate.js';

const SeatVacancy = builder.objectRef<OnDay<VacancyData>>('SeatVacancy').implement({
  description: 'A seat the departure would empty, and who could fill it.',
  fields: (t) => ({
    unit: t.field({ type: OrgUnit, description: 'The unit.', resolve: unitOf }),
    seat: t.expose('seat', { type: SeatEnum, description: 'The seat.' }),
    readyCandidates: t.field({
      type: [Person],
      description: 'READY_NOW candidates first, then READY_SOON, each by name.',
      resolve: (v, _args, context) => readFor(context, v, (org) => org.people(v.readyCandidateIds)),
    }),
    readyNowCount: t.exposeInt('readyNowCount', {
      description:
        'How many of `readyCandidates`, first, are READY_NOW; the others are READY_SOON (1–2 years).',
    }),
  }),
});

export const CoverageChange = builder
  .objectRef<OnDay<CoverageChangeData>>('CoverageChange')
  .implement({
    description: 'A unit whose coverage status would change.',
    fields: (t) => ({
      unit: t.field({ type: OrgUnit, description: 'The unit.', resolve: unitOf }),
      from: t.expose('from', { type: CoverageStatusEnum, description: 'Status on the day asked.' }),
      to: t.expose('to', {
        type: CoverageStatusEnum,
        description: 'Status after the departure, or the scenario.',
      }),
    }),
  });

const VacancyStep = builder.objectRef<OnDay<StepData>>('VacancyStep').implement({
  description:
    'One seat of the vacancy chain: if the best ready candidate filled each vacated seat, the ' +
    'seats they would leave in turn (depth 0: the departing person’s own seats).',
  fields: (t) => ({
    depth: t.exposeInt('depth', {
      description: '0 for the departing person’s seats, then +1 per move.',
    }),
    unit: t.field({ type: OrgUnit, description: 'The unit.', resolve: unitOf }),
    seat: t.expose('seat', { type: SeatEnum, description: 'The seat.' }),
    vacatedBy: t.field({
      type: Person,
      description: 'Who leaves it.',
      resolve: (s, _args, context) => readFor(context, s, (org) => org.thePerson(s.vacatedById)),
    }),
    successor: t.field({
      type: Person,
      nullable: true,
      description: 'The best ready candidate still free to move; null when none.',
      resolve: (s, _args, context) => readFor(context, s, (org) => org.person(s.successorId)),
    }),
  }),
});

/** A departure's impact on its day, with the org once they have left (what would appear). */
type Impact = OnDay<ImpactData> & { orgAfter: LoadedOrg };

const DepartureImpact = builder.objectRef<Impact>('DepartureImpact').implement({
  description: 'What one person leaving would do, computed without changing anything.',
  fields: (t) => ({
    person: t.field({
      type: Person,
      description: 'The person.',
      resolve: (i, _args, context) => readFor(context, i, (org) => org.thePerson(i.personId)),
    }),
    vacatedSeats: t.field({
      type: [SeatVacancy],
      description: 'Seats they would empty.',
      resolve: (i, _args, context) => onDayAll(i.vacatedSeats, dayOf(i, context)),
    }),
    unownedAors: t.field({
      type: [AreaOfResponsibility],
      description: 'AoRs they hold as primary owner: left without one.',
      resolve: (i, _args, context) => readFor(context, i, (org) => org.aors(i.unownedAorIds)),
    }),
    aorsWithoutBackup: t.field({
      type: [AreaOfResponsibility],
      description: 'AoRs where they are the only backup.',
      resolve: (i, _args, context) =>
        readFor(context, i, (org) => org.aors(i.aorsWithoutBackupIds)),
    }),
    orphanedReports: t.field({
      type: [Person],
      description: 'Their direct reports, left without a manager.',
      resolve: (i, _args, context) => readFor(context, i, (org) => org.people(i.orphanedReportIds)),
    }),
    coverageChanges: t.field({
      type: [CoverageChange],
      description: 'Units whose coverage status would change.',
      resolve: (i, _args, context) => onDayAll(i.coverageChanges, dayOf(i, context)),
    }),
    newFindings: t.field({
      type: [Finding],
      description:
        'Findings that would appear, their units and people as the org would be once they left ' +
        '(a scoped token: of units within its scope).',
      resolve: (i, _args, context) =>
        onDayAll(findingsWithinScope(i.newFindings, context.viewer), dayOf(i, context), i.orgAfter),
    }),
    resolvedFindings: t.field({
      type: [Finding],
      description: 'Findings that would disappear (a scoped token: of units within its scope).',
      resolve: (i, _args, context) =>
        onDayAll(findingsWithinScope(i.resolvedFindings, context.viewer), dayOf(i, context)),
    }),
    vacancyChain: t.field({
      type: [VacancyStep],
      // Each step names the best candidate of its seat, which may lie beyond the person's units.
      authScopes: confidential('PLANNER', (i: ImpactData) => i.vacancyChain.map((s) => s.unitId)),
      description: 'The chain of moves if each seat went to its best ready candidate.',
      resolve: (i, _args, context) => onDayAll(i.vacancyChain, dayOf(i, context)),
    }),
  }),
});

builder.queryFields((t) => ({
  departureImpact: t.field({
    type: DepartureImpact,
    description:
      '"What if this person left?" Nothing is changed. Confidential: PLANNER; a scoped token ' +
      'only for a person whose seats and team all lie within its scope.',
    authScopes: confidential('PLANNER', async (_root, { email, asOf }, context) => {
      const state = await orgFor(context, asOf);
      return revealsOfPerson(state, personWithEmail(state, email)?.id);
    }),
    ...heavy(COST.departureImpact),
    args: {
      email: t.arg.string({ required: true, description: 'The person.', validate: keyRule }),
      asOf: asOfArg(t.arg),
    },
    resolve: async (_root, { email, asOf }, context) => {
      const state = await orgFor(context, asOf);
      const person = personIn(state, email, 'email');
      const history = await context.org.history();
      const policy = await context.org.policyOn(state.asOf);
      const scope = { candidaciesWithin: candidaciesWithin(context.viewer) };
      try {
        const { plan, ...impact } = evaluateDeparture(history, state, person.id, policy, scope);
        const orgAfter = plannedOrg(context.org.loaded() as LoadedOrg, plan);
        return { ...onDay(impact, state.asOf), orgAfter };
      } catch (error) {
        if (!(error instanceof DepartureRefused)) throw error;
        throw badArgument('asOf', `"${email}" cannot leave on ${state.asOf}: ${error.message}`);
      }
    },
  }),
}));
