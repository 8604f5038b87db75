import {
  FINDING_KINDS,
  type FindingKind,
  SEVERITIES,
  type Severity,
} from '../core/findings/types.js';
import { type Command, parseOptions, TODAY_OPTION, withOperator } from './command.js';
import { badUsage, cannotRun, oneOf } from './failures.js';
import type { Operator } from './operator.js';

/** The kinds' column, as wide as the widest (TECH_LEAD_REPORTS_ELSEWHERE): one per line. */
const KIND_WIDTH = Math.max(...FINDING_KINDS.map((kind) => kind.length));

/** What `check` fails on: finding kinds, a minimum severity, teams without a Tech Lead. */
export interface CheckCriteria {
  scope?: string;
  kinds: FindingKind[];
  minSeverity?: Severity;
  teamsWithoutTechLead: boolean;
}

const TEAMS_WITHOUT_TECH_LEAD = 'teams-without-tech-lead';

/** What `--fail-on` takes: the list, or a finding kind as `no-successor` or `NO_SUCCESSOR`. */
const FAIL_ON = [
  TEAMS_WITHOUT_TECH_LEAD,
  ...FINDING_KINDS.map((k) => k.toLowerCase().replaceAll('_', '-')),
];

/** `no-successor`, `NO_SUCCESSOR` → the kind; anything else is a usage error listing them. */
function parseFailOn(value: string): FindingKind | typeof TEAMS_WITHOUT_TECH_LEAD {
  if (value.toLowerCase() === TEAMS_WITHOUT_TECH_LEAD) return TEAMS_WITHOUT_TECH_LEAD;
  const kind = value.toUpperCase().replaceAll('-', '_');
  if ((FINDING_KINDS as readonly string[]).includes(kind)) return kind as FindingKind;
  throw badUsage(`--fail-on: "${value}" is not one of ${FAIL_ON.join(', ')}`);
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
async function runCheck(
  org: Operator,
  criteria: CheckCriteria,
): Promise<{ lines: string[]; failed: boolean }> {
  const ask = <T>(query: string, variables: Record<string, unknown>) =>
    org.ask<T>(query, { scope: criteria.scope, ...variables });
  await refuseEmptyOrg(org, criteria);
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
      lines.push(
        `  ${f.severity.padEnd(8)} ${f.kind.padEnd(KIND_WIDTH)} ${f.unit.slug}: ${f.message}`,
      );
    failed ||= findings.length > 0;
  }
  return { lines, failed };
}

/**
 * A gate on an org without a unit passes nothing real: it was pointed at another database (a
 * new folder, an empty one), so it cannot run rather than pass. A scope names its unit.
 */
async function refuseEmptyOrg(org: Operator, criteria: CheckCriteria): Promise<void> {
  if (criteria.scope) return;
  const { units } = await org.ask<{ units: { totalCount: number } }>(
    '{ units(first: 1) { totalCount } }',
  );
  if (units.totalCount === 0) {
    throw cannotRun(
      'the org has no units today: nothing was checked (is ORGRAPH_DATA_DIR or DATABASE_URL the one that holds your org?)',
    );
  }
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
  const { values, positionals } = parseOptions({
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
    if (parsed === TEAMS_WITHOUT_TECH_LEAD) criteria.teamsWithoutTechLead = true;
    else criteria.kinds.push(parsed);
  }
  const severity = values['min-severity'];
  if (severity !== undefined) criteria.minSeverity = oneOf('--min-severity', severity, SEVERITIES);
  if (!criteria.teamsWithoutTechLead && criteria.kinds.length === 0 && !criteria.minSeverity) {
    throw badUsage('check needs --fail-on KIND (repeatable) and/or --min-severity SEVERITY');
  }
  return { criteria, today: values.today };
}

export const checkCommand: Command = {
  async run(args, io) {
    const { criteria, today } = criteriaFrom(args);
    const { lines, failed } = await withOperator(io, today, (org) => runCheck(org, criteria));
    (failed ? io.err : io.out)(`${lines.join('\n')}\n`);
    return failed ? 1 : 0;
  },
};
