import { Gauge, type Registry } from 'prom-client';
import { COVERAGE_STATUSES, type CoverageStatus } from '../core/coverage/coverage.js';
import {
  type CoverageRollup,
  coverageRollup,
  type LayerCoverage,
} from '../core/coverage/rollup.js';
import { FINDING_KINDS, findingsFor, SEVERITIES } from '../core/findings/findings.js';
import { type Day, LAYERS, type OrgState } from '../core/org/state.js';
import type { Thresholds } from '../core/policy.js';
import type { LoadedOrg } from '../store/snapshots.js';

/** The rollup row field that counts each status. */
const STATUS_FIELD: Record<CoverageStatus, keyof LayerCoverage> = {
  STAFFED: 'staffed',
  TECH_LEAD_MANAGER: 'techLeadManager',
  MISSING_ENG_LEAD: 'missingEngLead',
  VACANT: 'vacant',
};

interface Answer {
  rollup: CoverageRollup;
  /** Findings by `KIND SEVERITY`. */
  findings: Map<string, number>;
}

function answerOf(state: OrgState, policy: Thresholds): Answer {
  const findings = new Map<string, number>();
  for (const f of findingsFor(state, null, policy)) {
    const key = `${f.kind} ${f.severity}`;
    findings.set(key, (findings.get(key) ?? 0) + 1);
  }
  return { rollup: coverageRollup(state, null, policy), findings };
}

/**
 * The org's health as gauges (SPEC "The org's health as metrics"), worked out when scraped
 * from the org in memory, today, under today's policy: no SQL per scrape, and the work is
 * the store's kept rollup and findings of the day. Every label combination is set, zeros
 * included, so an alert's expression always has a series to compare.
 */
export function orgGauges(registry: Registry, org: () => Promise<LoadedOrg>, today: () => Day) {
  // Kept while the org and the policy of the day are the same objects (the store keeps the
  // day's state until a write): the gauges of one scrape, and scrapes between writes, share it.
  let kept: { state: OrgState; policy: Thresholds; answer: Answer } | null = null;
  const current = async (): Promise<Answer> => {
    const loaded = await org();
    const day = today();
    const state = loaded.on(day);
    const policy = loaded.policyOn(day);
    if (kept?.state !== state || kept.policy !== policy) {
      kept = { state, policy, answer: answerOf(state, policy) };
    }
    return kept.answer;
  };
  const rowOf = (rollup: CoverageRollup, layer: string) =>
    rollup.byLayer.find((row) => row.layer === layer);
  new Gauge({
    name: 'orgraph_units',
    help: 'Units of the org today, by layer and coverage status.',
    labelNames: ['layer', 'status'] as const,
    registers: [registry],
    async collect() {
      const { rollup } = await current();
      for (const layer of LAYERS) {
        for (const status of COVERAGE_STATUSES) {
          this.set({ layer, status }, Number(rowOf(rollup, layer)?.[STATUS_FIELD[status]] ?? 0));
        }
      }
    },
  });
  new Gauge({
    name: 'orgraph_unhealthy_units',
    help: 'Units of the org today that are not healthy, by layer.',
    labelNames: ['layer'] as const,
    registers: [registry],
    async collect() {
      const { rollup } = await current();
      for (const layer of LAYERS) {
        const row = rowOf(rollup, layer);
        this.set({ layer }, row ? row.units - row.healthy : 0);
      }
    },
  });
  new Gauge({
    name: 'orgraph_findings',
    help: "Findings of the whole org today under today's policy, by kind and severity.",
    labelNames: ['kind', 'severity'] as const,
    registers: [registry],
    async collect() {
      const { findings } = await current();
      for (const kind of FINDING_KINDS) {
        for (const severity of SEVERITIES) {
          this.set({ kind, severity }, findings.get(`${kind} ${severity}`) ?? 0);
        }
      }
    },
  });
  new Gauge({
    name: 'orgraph_bench_strength',
    help: 'Share of held seats with a READY_NOW successor today (absent when none is held).',
    registers: [registry],
    async collect() {
      const { rollup } = await current();
      this.reset();
      if (rollup.benchStrength !== null) this.set(rollup.benchStrength);
    },
  });
}
