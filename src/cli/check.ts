import { parseArgs } from 'node:util';
import {
  FINDING_KINDS,
  type FindingKind,
  SEVERITIES,
  type Severity,
} from '../core/findings/findings.js';
import { type Command, TODAY_OPTION, withOperator } from './command.js';
import { badUsage } from './failures.js';
import type { Operator } from './operator.js';

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

export interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

/** Reads every page of a connection (the API serves at most 100 items a page). */
export async function allPages<T>(read: (after: string | null) => Promise<Page<T>>): Promise<T[]> {
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
  org: Operator,
  criteria: CheckCriteria,
): Promise<{ lines: string[]; failed: boolean }> {
  const ask = <T>(query: string, variables: Record<string, unknown>) =>
    org.ask<T>(query, { scope: criteria.scope, ...variables });
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

/** Reads `--fail-on` (repeatable), `--min-severity` and `--scope` into criteria. */
function criteriaFrom(args: string[]): { criteria: CheckCriteria; today?: string } {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...TODAY_OPTION,
      scope: { type: 'string' },
      'fail-on': { type: 'string', multiple: true },
      'min-severity': { type: 'string' },
    },
    allowPositionals: false,
  });
  if (positionals.length > 0) throw badUsage('check takes no positional arguments');
  const criteria: CheckCriteria = { scope: values.scope, kinds: [], teamsWithoutTechLead: false };
  for (const value of values['fail-on'] ?? []) {
    const parsed = parseFailOn(value);
    if (parsed === null) {
      throw badUsage(`--fail-on: "${value}" is not ${TEAMS_WITHOUT_TECH_LEAD} or a finding kind`);
    }
    if (parsed === TEAMS_WITHOUT_TECH_LEAD) criteria.teamsWithoutTechLead = true;
    else criteria.kinds.push(parsed);
  }
  const severity = values['min-severity'];
  if (severity !== undefined) {
    criteria.minSeverity = parseSeverity(severity) ?? undefined;
    if (!criteria.minSeverity) throw badUsage(`--min-severity: unknown severity "${severity}"`);
  }
  if (!criteria.teamsWithoutTechLead && criteria.kinds.length === 0 && !criteria.minSeverity) {
    throw badUsage('check needs --fail-on KIND (repeatable) and/or --min-severity SEVERITY');
  }
  return { criteria, today: values.today };
}

export const checkCommand: Command = {
  usage: 'check --fail-on KIND… [--min-severity S] [--scope SLUG]',
  summary: `exit 1 listing what is found (KIND: ${TEAMS_WITHOUT_TECH_LEAD} or a finding kind)`,
  async run(args, io) {
    const { criteria, today } = criteriaFrom(args);
    const { lines, failed } = await withOperator(io, today, (org) => runCheck(org, criteria));
    (failed ? io.err : io.out)(`${lines.join('\n')}\n`);
    return failed ? 1 : 0;
  },
};
