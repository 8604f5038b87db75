import {
  type SeverityCount as CountData,
  INTERVALS,
  MAX_TREND_POINTS,
  type CoveragePoint as PointData,
  trendDays,
} from '../core/coverage/trend.js';
import { trendPoints } from '../core/coverage/trend-points.js';
import type { Day } from '../core/org/state.js';
import type { Policy } from '../core/policy.js';
import { candidaciesWithin, SeverityEnum, visibleFindings } from '../findings/schema.js';
import { badArgument, notFound } from '../graphql/arg-lookups.js';
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

const CoveragePoint = builder.objectRef<PointData>('CoveragePoint').implement({
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

builder.queryFields((t) => ({
  coverageTrend: t.field({
    type: [CoveragePoint],
    description:
      'Coverage of a scope over time, for a line chart: a point every `every` from `from`, ' +
      '`to` always the last, each equal to `coverage(asOf:)` and the findings of that day. At ' +
      `most ${MAX_TREND_POINTS} points. On days the scope unit is archived, or not yet created, its point is empty.`,
    authScopes: { viewer: true },
    // One org in full, then each point from its neighbour by what changed in between.
    complexity: (args) =>
      COST.trend +
      (trendDays(args.from, args.to, args.every ?? 'MONTH')?.length ?? 1) * COST.trendPoint,
    extensions: { heavy: true },
    args: {
      scope: scopeArg(t.arg),
      from: t.arg({ type: 'Date', required: true, description: 'The first day.' }),
      to: t.arg({ type: 'Date', required: true, description: 'The last day (always a point).' }),
      // SPEC §3: `every: Interval = MONTH`, so an explicit null means the default too.
      every: t.arg({
        type: IntervalEnum,
        defaultValue: 'MONTH',
        description: 'How far apart the points are.',
      }),
    },
    resolve: async (_root, { scope, from, to, every: asked }, context) => {
      const every = asked ?? 'MONTH';
      if (from > to) throw badArgument('from', `must not be after to (${to})`);
      const days = trendDays(from, to, every);
      if (!days) {
        const remedy =
          every === 'QUARTER' ? 'a shorter range' : 'a longer interval, or a shorter range';
        const message = `gives more than ${MAX_TREND_POINTS} points from ${from} to ${to}; take ${remedy}`;
        throw badArgument('every', message);
      }
      const rows = await context.org.rows();
      const scopeUnit = scope == null ? null : rows.unitsBySlug.get(scope);
      if (scope != null && !scopeUnit) notFound('scope', `no unit "${scope}"`);
      await context.org.ready();
      const org = context.org.loaded();
      if (!org) throw new Error('the org snapshot is not loaded');
      const scopeUnitId = scopeUnit?.id ?? null;
      const history = await context.org.history();
      // Each run of days under one policy is one walk: the first point in full, the rest
      // from their neighbours (a policy change reshapes every finding, so it starts anew).
      return policyRuns(days, (day) => org.policyOn(day)).flatMap(({ policy, days: run }) =>
        trendPoints(
          {
            history,
            stateOn: (day) => org.on(day),
            scopeUnitId,
            thresholds: policy,
            visible: (findings) => visibleFindings(findings, context),
            candidaciesWithin: candidaciesWithin(context.viewer),
          },
          run,
        ),
      );
    },
  }),
}));

/** The days in runs of one policy each, in order (a run starts where `since` changes). */
function policyRuns(days: readonly Day[], policyOn: (day: Day) => Policy) {
  const runs: { policy: Policy; days: Day[] }[] = [];
  for (const day of days) {
    const policy = policyOn(day);
    const last = runs.at(-1);
    if (last && last.policy.since === policy.since) last.days.push(day);
    else runs.push({ policy, days: [day] });
  }
  return runs;
}
