import type { Finding, FindingKind, Severity } from './findings/types.js';

/** A policy's word on one kind of finding: another severity than SPEC's own, or none at all. */
export interface KindRule {
  /** Null: SPEC's own severity. */
  severity: Severity | null;
  /** The kind is not reported at all. */
  off: boolean;
}

/**
 * The org's policy: the thresholds that shape coverage health and findings, and per kind a
 * severity override or `off` (SPEC "Policies"). Passed to the analysis as data; the store
 * answers the one in force on a day. Kept as one object per policy in force, so what is
 * worked out with it (coverage, tallies) is kept once per (state, policy).
 */
export interface Thresholds {
  /** A TLM team with this many engineers or more is beyond the threshold (tlmTeamSize). */
  tlmEngineers: number;
  /** A team in TLM for more than this many days is long-running. */
  longTlmDays: number;
  /** A manager with more direct reports than this has a WIDE_SPAN. */
  spanLimit: number;
  /** A seat held by an acting holder for more than this many days is LONG_ACTING. */
  actingDays: number;
  /** The kinds the policy overrides; a kind absent keeps SPEC's severity. */
  kinds?: Readonly<Partial<Record<FindingKind, KindRule>>>;
}

/** SPEC's defaults: what a new database starts with unless the environment says otherwise. */
export const defaultThresholds: Thresholds = {
  tlmEngineers: 4,
  longTlmDays: 180,
  spanLimit: 10,
  actingDays: 90,
};

/** The findings as the policy reports them: kinds turned off left out, severities overridden. */
export function underPolicy(findings: Finding[], policy: Thresholds): Finding[] {
  const kinds = policy.kinds;
  if (!kinds) return findings;
  return findings.flatMap((f) => {
    const rule = kinds[f.kind];
    if (!rule) return [f];
    if (rule.off) return [];
    return rule.severity === null || rule.severity === f.severity
      ? [f]
      : [{ ...f, severity: rule.severity }];
  });
}
