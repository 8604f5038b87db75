import {
  FINDING_KINDS,
  type FindingKind,
  SEVERITIES,
  type Severity,
} from '../core/findings/findings.js';
import type { Day } from '../core/org/state.js';
import type { Database } from '../db/client.js';
import type { Config } from '../server/config.js';
import { runAsOperator } from './as-admin.js';

/** What `check` fails on: finding kinds, a minimum severity, teams without a Tech Lead. */
export interface CheckCriteria {
  scope?: string;
  kinds: FindingKind[];
  minSeverity?: Severity;
  teamsWithoutTechLead: boolean;
}

export const TEAMS_WITHOUT_TECH_LEAD = 'teams-without-tech-lead';

/** `no-successor`, `NO_SUCCESSOR` → the kind; anything else is a usage error (null). */
export function parseFailOn(value: string): FindingKind | typeof TEAMS_WITHOUT_TECH_LEAD | null {
  if (value.toLowerCase() === TEAMS_WITHOUT_TECH_LEAD) return TEAMS_WITHOUT_TECH_LEAD;
  const kind = value.toUpperCase().replaceAll('-', '_');
  return (FINDING_KINDS as readonly string[]).includes(kind) ? (kind as FindingKind) : null;
}

export function parseSeverity(value: string): Severity | null {
  const severity = value.toUpperCase();
  return (SEVERITIES as readonly string[]).includes(severity) ? (severity as Severity) : null;
}

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

/** Reads every page of a connection (the API serves at most 100 items a page). */
async function allPages<T>(read: (after: string | null) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let after: string | null = null; ; ) {
    const page: Page<T> = await read(after);
    items.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return items;
    after = page.pageInfo.endCursor;
  }
}

const TEAMS = `query ($scope: String, $after: String) {
  teamsWithoutTechLead(scope: $scope, first: 100, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { slug name engLead { email } }
  }
}`;
const FINDINGS = `query ($scope: String, $kinds: [FindingKind!], $min: Severity, $after: String) {
  singlePointsOfFailure(scope: $scope, kinds: $kinds, minSeverity: $min, first: 100, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { kind severity unit { slug } message }
  }
}`;

/**
 * Runs the check and returns the report lines and whether it failed: the script a team
 * runs in its own CI (`npm run org -- check --fail-on teams-without-tech-lead`).
 */
export async function runCheck(
  database: Database,
  config: Config,
  today: Day,
  criteria: CheckCriteria,
): Promise<{ lines: string[]; failed: boolean }> {
  const ask = <T>(query: string, variables: Record<string, unknown>) =>
    runAsOperator<T>(database, config, today, query, { scope: criteria.scope, ...variables });
  const lines: string[] = [];
  let failed = false;
  if (criteria.teamsWithoutTechLead) {
    const teams = await allPages(
      async (after) =>
        (await ask<{ teamsWithoutTechLead: Page<TeamRow> }>(TEAMS, { after })).teamsWithoutTechLead,
    );
    lines.push(`${teams.length} team(s) without a Tech Lead`);
    for (const team of teams) lines.push(`  ${team.slug}  ${describeTeam(team)}`);
    failed ||= teams.length > 0;
  }
  if (criteria.kinds.length > 0 || criteria.minSeverity) {
    const variables = {
      kinds: criteria.kinds.length > 0 ? criteria.kinds : null,
      min: criteria.minSeverity,
    };
    const findings = await allPages(
      async (after) =>
        (await ask<{ singlePointsOfFailure: Page<FindingRow> }>(FINDINGS, { ...variables, after }))
          .singlePointsOfFailure,
    );
    lines.push(`${findings.length} finding(s)`);
    for (const f of findings)
      lines.push(`  ${f.severity.padEnd(8)} ${f.kind.padEnd(24)} ${f.unit.slug}: ${f.message}`);
    failed ||= findings.length > 0;
  }
  return { lines, failed };
}

interface TeamRow {
  slug: string;
  name: string;
  engLead: { email: string } | null;
}

interface FindingRow {
  kind: string;
  severity: string;
  unit: { slug: string };
  message: string;
}

function describeTeam(team: TeamRow): string {
  return team.engLead
    ? `${team.name}: Tech Lead Manager (${team.engLead.email} holds both roles)`
    : `${team.name}: neither seat held`;
}
