import { Gauge, type Registry } from 'prom-client';
import { COVERAGE_STATUSES, type CoverageStatus } from '../core/coverage/coverage.js';
import type { CoverageRollup, LayerCoverage } from '../core/coverage/rollup.js';
import { FINDING_KINDS, SEVERITIES } from '../core/findings/findings.js';
import { type FindingKind, REVEALS_CANDIDATES } from '../core/findings/types.js';
import { type Day, LAYERS } from '../core/org/state.js';
import type { LoadedOrg } from '../store/org-views.js';
import { type Answer, answerOf, changedAnswer, turn } from './org-gauge-values.js';

/** The rollup row field that counts each status. */
const STATUS_FIELD: Record<CoverageStatus, keyof LayerCoverage> = {
  STAFFED: 'staffed',
  TECH_LEAD_MANAGER: 'techLeadManager',
  MISSING_ENG_LEAD: 'missingEngLead',
  VACANT: 'vacant',
};

/**
 * How long a scrape waits for values that are not current yet (a write, or a new day, since
 * the last): an org of thousands is worked out again within it, so its scrape tells the org
 * as it is; at 100,000 people (about a second) the scrape serves the values of before rather
 * than miss the 50 ms a scrape is allowed.
 */
const CURRENT_WITHIN_MS = 30;
/**
 * How long a scrape waits for a write's own step (`changedAnswer`): milliseconds at any size,
 * so waited for, up to this on a machine so loaded that 30 ms is not enough.
 */
const STEP_WITHIN_MS = 1_000;
const within = (ms: number) => new Promise<null>((resolve) => setTimeout(resolve, ms, null));

/**
 * The finding kinds gauged. Without a metrics token `/metrics` answers anyone, so the kinds a
 * VIEWER is not shown (those revealing succession candidates) are left out; behind a token
 * the scraper is trusted with all of them.
 */
export const gaugedKinds = (guarded: boolean): readonly FindingKind[] =>
  guarded ? FINDING_KINDS : FINDING_KINDS.filter((kind) => !REVEALS_CANDIDATES.has(kind));

/**
 * The org's health as gauges (SPEC "The org's health as metrics"): the whole org today,
 * under today's policy, from the org this instance holds in memory (a scrape asks only the
 * org's version, as a request does). Every gauge of one scrape tells the same answer
 * (`heldAnswers`). Every label combination is set, zeros included, so an alert's expression
 * always has a series to compare.
 */
export function orgGauges(
  registry: Registry,
  org: () => Promise<LoadedOrg>,
  today: () => Day,
  watch: (watcher: (version: number) => void) => void,
  kinds: readonly FindingKind[] = FINDING_KINDS,
) {
  const answers = heldAnswers(org, today, watch);
  // Every worker of a server holds the same org: its gauges are told once, not added up
  // (server/cluster-metrics.ts), every one of them the same worker's (the first to answer the
  // scrape), so the versions say what the values describe: the versions were once the newest
  // of all workers while the values were one worker's, a version behind.
  const gauge = <L extends string>(
    name: string,
    help: string,
    tell: (gauge: Gauge<L>, answer: Answer) => void,
    labelNames: readonly L[] = [],
  ) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      aggregator: 'first',
      // None worked out yet and the database unreachable: these gauges are left out of the
      // scrape, and the rest (requests, errors, pools: what an outage is read by) served.
      // An unlabelled gauge keeps a 0 through reset(): removed, it has no sample at all.
      async collect() {
        const answer = await answers.current().catch(() => null);
        if (answer) tell(this, answer);
        else if (labelNames.length === 0) this.remove();
        else this.reset();
      },
    });
  const rowOf = (rollup: CoverageRollup, layer: string) =>
    rollup.byLayer.find((row) => row.layer === layer);
  gauge(
    'orgraph_units',
    'Units of the org today, by layer and coverage status.',
    (g, { rollup }) => {
      for (const layer of LAYERS) {
        for (const status of COVERAGE_STATUSES) {
          g.set({ layer, status }, Number(rowOf(rollup, layer)?.[STATUS_FIELD[status]] ?? 0));
        }
      }
    },
    ['layer', 'status'],
  );
  gauge(
    'orgraph_unhealthy_units',
    'Units of the org today that are not healthy, by layer.',
    (g, { rollup }) => {
      for (const layer of LAYERS) {
        const row = rowOf(rollup, layer);
        g.set({ layer }, row ? row.units - row.healthy : 0);
      }
    },
    ['layer'],
  );
  gauge(
    'orgraph_findings',
    "Findings of the whole org today under today's policy, by kind and severity.",
    (g, { findings }) => {
      for (const kind of kinds) {
        for (const severity of SEVERITIES) {
          g.set({ kind, severity }, findings.get(`${kind} ${severity}`) ?? 0);
        }
      }
    },
    ['kind', 'severity'],
  );
  gauge(
    'orgraph_bench_strength',
    'Share of held seats with a READY_NOW successor today (absent when none is held).',
    // No sample at all when no seat is held: prom-client's reset() leaves a 0 behind.
    (g, { rollup }) => (rollup.benchStrength === null ? g.remove() : g.set(rollup.benchStrength)),
  );
  gauge(
    'orgraph_org_gauges_version',
    'The org version the org gauges above describe (behind orgraph_org_version a moment after a write).',
    (g, answer) => g.set(answer.version),
  );
  gauge('orgraph_org_version', 'The newest org version this instance holds.', (g, answer) =>
    g.set(Math.max(answers.latest(), answer.version)),
  );
}

/**
 * An org small enough that its values are worked out anew in a few milliseconds: waited for
 * as a write's step is, so a machine too loaded to do it within CURRENT_WITHIN_MS still
 * answers a new day's scrape with that day (a test's org, a small company's).
 */
const workedOutQuickly = (loaded: LoadedOrg) => loaded.history.people.length <= QUICK_PEOPLE;
const QUICK_PEOPLE = 2_000;

/** Whether `loaded` is one write's step on from the values `answer` holds, on the same day. */
const stepsFrom = (loaded: LoadedOrg, answer: Answer, day: Day) =>
  loaded.step?.from === answer.version &&
  answer.day === day &&
  answer.policy === loaded.policyOn(day);

/**
 * The gauges' answer, kept current: worked out again in the background as soon as the
 * instance holds a newer org version (`watch`) or a scrape sees the day changed: after a write
 * made here, from the values before at the cost of the write (`changedAnswer`); else the whole
 * org, a slice at a time. A scrape finding them behind waits for a write's step (at most
 * STEP_WITHIN_MS), else for the new values `CURRENT_WITHIN_MS` at most (the first scrape,
 * which has none, until they are ready): on a
 * big org it then shows the org of a moment ago (`orgraph_org_gauges_version` behind
 * `orgraph_org_version`).
 */
function heldAnswers(
  org: () => Promise<LoadedOrg>,
  today: () => Day,
  watch: (watcher: (version: number) => void) => void,
) {
  let answer: Answer | null = null;
  let latest = 0;
  let working: Promise<Answer> | null = null;
  const work = async (): Promise<Answer> => {
    await turn(); // after the write or the scrape that asked
    for (;;) {
      const loaded = await org();
      const day = today();
      if (answer?.version === loaded.version && answer.day === day) return answer;
      const [state, policy, step] = [loaded.on(day), loaded.policyOn(day), loaded.step];
      // The write's own step from the values held, when they are of the version before it.
      answer =
        answer && step && stepsFrom(loaded, answer, day)
          ? changedAnswer(answer, loaded.version, state, step.changes)
          : { version: loaded.version, day, state, policy, ...(await answerOf(state, policy)) };
      latest = Math.max(latest, loaded.version);
    }
  };
  const refresh = () => {
    working ??= work().finally(() => {
      working = null;
    });
    return working;
  };
  // A refresh that fails (the database unreachable for a reload) is tried again by the next
  // scrape or write; the values of before are served meanwhile.
  const inBackground = () => void refresh().catch(() => {});
  watch((version) => {
    latest = Math.max(latest, version);
    if (answer) inBackground();
  });
  const served = async (): Promise<Answer> => {
    if (!answer) return refresh();
    const last = answer;
    // The org as it is now (a write of another instance loaded): else they told the org as
    // this instance last heard of it. Unreachable, the values last worked out are served.
    const held = await org().catch(() => null);
    if (held) latest = Math.max(latest, held.version);
    if (last.day === today() && last.version >= latest) return last;
    inBackground();
    const quick = held && (stepsFrom(held, last, today()) || workedOutQuickly(held));
    const patience = quick ? STEP_WITHIN_MS : CURRENT_WITHIN_MS;
    return (await Promise.race([refresh().catch(() => null), within(patience)])) ?? last;
  };
  // The gauges of one scrape are collected together: they share one answer.
  let serving: Promise<Answer> | null = null;
  return {
    current: () => {
      serving ??= served().finally(() => {
        serving = null;
      });
      return serving;
    },
    latest: () => latest,
  };
}
