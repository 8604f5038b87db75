import { GraphQLError } from 'graphql';
import {
  type SeverityCount as CountData,
  INTERVALS,
  MAX_TREND_POINTS,
  type CoveragePoint as PointData,
  trendDays,
} from '../core/coverage/trend.js';
import { trendPoints } from '../core/coverage/trend-points.js';
import { SeverityEnum, visibleFindings } from '../findings/schema.js';
import { type Reveals, revealsOfScope } from '../graphql/access.js';
import { scopeArg } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import { COST } from '../graphql/costs.js';
import { benchStrengthField, LayerCoverage } from './schema.js';

const IntervalEnum = builder.enumType('Interval', {
  description: 'How far apart the points of a trend are.',
  values: INTERVALS,
});

const SeverityCount = builder.objectRef<CountData>('SeverityCount').implement({
  description: 'How many findings of one severity.',
  fields: (t) => ({
    severity: t.expose('severity', { type: SeverityEnum, description: 'The severity.' }),
    count: t.exposeInt('count', { description: 'How many findings.' }),
  }),
});

/** A point and the units its bench strength covers (absent: the whole org). */
type ScopedPoint = PointData & { reveals?: Reveals };

const CoveragePoint = builder.objectRef<ScopedPoint>('CoveragePoint').implement({
  description:
    'The coverage of a scope on one day: what `coverage(asOf:)` answers, and its findings.',
  fields: (t) => ({
    on: t.expose('on', { type: 'Date', description: 'The day.' }),
    byLayer: t.expose('byLayer', {
      type: [LayerCoverage],
      description: 'PILLAR, AREA, TEAM rows, only for layers with units in scope that day.',
    }),
    benchStrength: benchStrengthField(t),
    findings: t.expose('findings', {
      type: [SeverityCount],
      description:
        'The scope’s findings that day, by severity (CRITICAL first), as you may read them.',
    }),
  }),
});

const badArgument = (argument: string, message: string) =>
  new GraphQLError(`${argument}: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', argument },
  });

builder.queryFields((t) => ({
  coverageTrend: t.field({
    type: [CoveragePoint],
    description:
      'Coverage of a scope over time, for a line chart: a point every `every` from `from`, ' +
      '`to` always the last, each equal to `coverage(asOf:)` and the findings of that day. At ' +
      `most ${MAX_TREND_POINTS} points. On days the scope unit is archived its point is empty.`,
    authScopes: { viewer: true },
    // One org in full, then each point from its neighbour by what changed in between.
    complexity: (args) =>
      COST.trend + (trendDays(args.from, args.to, args.every)?.length ?? 1) * COST.trendPoint,
    extensions: { heavy: true },
    args: {
      scope: scopeArg(t.arg),
      from: t.arg({ type: 'Date', required: true, description: 'The first day.' }),
      to: t.arg({ type: 'Date', required: true, description: 'The last day (always a point).' }),
      every: t.arg({
        type: IntervalEnum,
        required: true,
        defaultValue: 'MONTH',
        description: 'How far apart the points are.',
      }),
    },
    resolve: async (_root, { scope, from, to, every }, context) => {
      if (from > to) throw badArgument('from', `must not be after to (${to})`);
      const days = trendDays(from, to, every);
      if (!days) {
        const message = `gives more than ${MAX_TREND_POINTS} points from ${from} to ${to}; take a longer interval`;
        throw badArgument('every', message);
      }
      const rows = await context.org.rows();
      const scopeUnit = scope == null ? null : rows.unitsBySlug.get(scope);
      if (scope != null && !scopeUnit) {
        throw new GraphQLError(`scope: no unit "${scope}"`, {
          extensions: { code: 'NOT_FOUND', argument: 'scope' },
        });
      }
      await context.org.ready();
      const org = context.org.loaded();
      if (!org) throw new Error('the org snapshot is not loaded');
      const scopeUnitId = scopeUnit?.id ?? null;
      return trendPoints(
        {
          history: await context.org.history(),
          stateOn: (day) => org.on(day),
          scopeUnitId,
          thresholds: context.config.thresholds,
          visible: (findings) => visibleFindings(findings, context),
        },
        days,
      ).map(
        ({ state, inScope, ...point }): ScopedPoint =>
          inScope ? { ...point, reveals: revealsOfScope(state, scopeUnitId) } : point,
      );
    },
  }),
}));
