import type { ArgBuilder } from '@pothos/core';
import {
  type LeadershipChange as ChangeData,
  LEADERSHIP_CHANGE_KINDS,
  leadershipChanges,
} from '../core/churn/changes.js';
import type { ChurnPeriod } from '../core/churn/timeline.js';
import {
  type SeatVacancyStats as StatsData,
  seatVacancyStats,
} from '../core/churn/vacancy-stats.js';
import { badArgument, notFound } from '../graphql/arg-lookups.js';
import { scopeArg } from '../graphql/args.js';
import { builder, type Types } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { COST } from '../graphql/costs.js';
import { readOn } from '../graphql/on-day.js';
import { arrayPage } from '../graphql/pagination.js';
import { Person } from '../people/types.js';
import { SeatEnum } from '../seats/types.js';
import { LayerEnum, OrgUnit } from '../units/types.js';

const LeadershipChangeKindEnum = builder.enumType('LeadershipChangeKind', {
  description:
    'FILLED: empty → someone. VACATED: someone → empty. REPLACED: someone → someone else. ' +
    'CONFIRMED: the same holder, acting → permanent.',
  values: LEADERSHIP_CHANGE_KINDS,
});

const LeadershipChange = builder.objectRef<ChangeData>('LeadershipChange').implement({
  description:
    'A day on which a seat’s holder differs from the day before (several writes taking ' +
    'effect on one day are one change).',
  fields: (t) => ({
    unit: t.field({
      type: OrgUnit,
      description:
        'The unit, as it stands today; archived by then, as it stood on its last day (created ' +
        'later, on its first).',
      resolve: (c, _args, context) =>
        readOn(context, context.today, (org) => org.unitLastSeen(c.unitId)),
    }),
    seat: t.expose('seat', { type: SeatEnum, description: 'The seat.' }),
    on: t.expose('on', {
      type: 'Date',
      description: 'The first day with the new holder (or none).',
    }),
    kind: t.expose('kind', { type: LeadershipChangeKindEnum, description: 'What changed.' }),
    before: t.field({
      type: Person,
      nullable: true,
      description: 'The holder the day before (null: the seat was empty).',
      resolve: (c) => c.beforeId,
    }),
    beforeActing: t.exposeBoolean('beforeActing', { description: 'The holder before was acting.' }),
    after: t.field({
      type: Person,
      nullable: true,
      description: 'The holder from that day (null: the seat is empty).',
      resolve: (c) => c.afterId,
    }),
    afterActing: t.exposeBoolean('afterActing', { description: 'The holder after is acting.' }),
  }),
});

const SeatVacancyStats = builder.objectRef<StatsData>('SeatVacancyStats').implement({
  description:
    'How one seat of one layer stood empty in a period, over the scope’s units on the days ' +
    'they existed. A vacancy is a run of days on which the unit exists and the seat has no ' +
    'holder (an acting holder fills it), from its first empty day to the day it is filled.',
  fields: (t) => ({
    layer: t.expose('layer', { type: LayerEnum, description: 'The layer.' }),
    seat: t.expose('seat', { type: SeatEnum, description: 'The seat.' }),
    began: t.exposeInt('began', {
      description: 'Vacancies whose first empty day is in the period.',
    }),
    ended: t.exposeInt('ended', { description: 'Vacancies filled in the period.' }),
    medianDaysVacant: t.exposeFloat('medianDaysVacant', {
      nullable: true,
      description:
        'Median days vacant of those that ended (first empty day to the day before filled).',
    }),
    longestDaysVacant: t.exposeInt('longestDaysVacant', {
      nullable: true,
      description: 'Longest days vacant of those that ended.',
    }),
    stillOpen: t.exposeInt('stillOpen', { description: 'Vacancies open on `to`.' }),
    oldestOpenDays: t.exposeInt('oldestOpenDays', {
      nullable: true,
      description: 'The oldest open vacancy’s age: `to` minus its first empty day.',
    }),
    medianDaysToFill: t.exposeFloat('medianDaysToFill', {
      nullable: true,
      description:
        'Median days from `openedOn` to FILLED of the seat’s roles filled in the period.',
    }),
    turnover: t.exposeFloat('turnover', {
      nullable: true,
      description:
        'Holders who left a seat in the period (VACATED and REPLACED changes) ÷ the seats of ' +
        'that layer and kind on `to` (null: none).',
    }),
  }),
});

/** A heavy field (it waits its turn), priced the same whatever the period's length. */
const churnCost = { complexity: COST.churn, extensions: { heavy: true } };

/** The period arguments of both churn queries. */
const periodArgs = (arg: ArgBuilder<Types>) => ({
  scope: scopeArg(arg),
  from: arg({ type: 'Date', required: true, description: 'The period’s first day.' }),
  to: arg({ type: 'Date', required: true, description: 'The period’s last day (included).' }),
});

/** The period asked, checked: the scope a unit (archived ones too), `from` not after `to`. */
async function periodOf(
  context: Context,
  args: { scope?: string | null; from: string; to: string },
): Promise<ChurnPeriod> {
  if (args.from > args.to) throw badArgument('from', `must not be after to (${args.to})`);
  if (args.scope == null) return { scopeUnitId: null, from: args.from, to: args.to };
  const unit = (await context.org.rows()).unitsBySlug.get(args.scope);
  if (!unit) notFound('scope', `no unit "${args.scope}"`);
  return { scopeUnitId: unit.id, from: args.from, to: args.to };
}

builder.queryFields((t) => ({
  leadershipChanges: t.connection(
    {
      type: LeadershipChange,
      description:
        'Every change of a seat’s holder in the period (`from` to `to`, both included) in the ' +
        'scope, oldest first; on one day by layer, unit slug, then Eng Lead first.',
      authScopes: { viewer: true },
      ...churnCost,
      args: periodArgs(t.arg),
      resolve: async (_root, { scope, from, to, ...page }, context) =>
        arrayPage(
          page,
          leadershipChanges(
            await context.org.history(),
            await periodOf(context, { scope, from, to }),
          ),
          // A period's cursors are its own: the same list of another period is another list.
          { list: 'leadershipChanges', day: `${from}..${to}`, chosenBy: { scope } },
        ),
    },
    { name: 'LeadershipChangeConnection', description: 'A page of leadership changes.' },
    { name: 'LeadershipChangeEdge', description: 'A leadership change and its cursor.' },
  ),
  seatVacancyStats: t.field({
    type: [SeatVacancyStats],
    description:
      'How long seats stood empty in the period, per layer and seat: always six rows, ' +
      'PILLAR, AREA, TEAM, each Eng Lead then Tech Lead.',
    authScopes: { viewer: true },
    ...churnCost,
    args: periodArgs(t.arg),
    resolve: async (_root, args, context) =>
      seatVacancyStats(await context.org.history(), await periodOf(context, args)),
  }),
}));
