import { allPages, type Page } from './check.js';
import { type Command, dayFrom, parseOptions, TODAY_OPTION, withOperator } from './command.js';
import { badInput, badUsage } from './failures.js';

const FINDING = 'kind severity unit { slug } seat message';
const ROLLUP = 'benchStrength byLayer { layer units healthy staffed vacant }';
const SHOW = `query ($id: ID!, $asOf: Date) { node(id: $id) { __typename ... on Scenario {
  name description applied
  changes {
    depart { person on } assignSeat { unit seat person acting } vacateSeat { unit seat }
    setTeam { person team } moveUnit { unit parent } addCandidate { unit seat person readiness }
    hire { unit seat name }
    setPolicy { on tlmTeamSize longTlmDays spanLimit actingDays kinds { kind severity off } }
  }
  evaluation(asOf: $asOf) {
    asOf conflicts { index message }
    coverageChanges { unit { slug layer } from to }
    newFindings { ${FINDING} } resolvedFindings { ${FINDING} }
    before { ${ROLLUP} } after { ${ROLLUP} }
  }
} } }`;
const LIST = `query ($after: String) { scenarios(first: 100, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id name applied createdAt }
} }`;

type PolicyKind = { kind: string; severity: string | null; off: boolean };
type Fields = Record<string, string | number | boolean | PolicyKind[] | null>;
type Change = Record<string, Fields | null>;
interface Finding {
  kind: string;
  severity: string;
  unit: { slug: string };
  seat: string | null;
  message: string;
}
interface Rollup {
  benchStrength: number | null;
  byLayer: { layer: string; units: number; healthy: number; staffed: number; vacant: number }[];
}
interface Shown {
  __typename: string;
  name: string;
  description: string | null;
  applied: boolean;
  changes: Change[];
  evaluation: {
    asOf: string;
    conflicts: { index: number; message: string }[];
    coverageChanges: { unit: { slug: string; layer: string }; from: string; to: string }[];
    newFindings: Finding[];
    resolvedFindings: Finding[];
    before: Rollup;
    after: Rollup;
  };
}

/** A change in words: `assignSeat ana@example.com → payments ENG_LEAD`. */
function changeLine(change: Change): string {
  const [kind, fields] = Object.entries(change).find(([, f]) => f !== null) ?? ['?', {}];
  const { person, unit, seat, team, parent, on, readiness, name } = fields ?? {};
  const words: Record<string, string> = {
    depart: `${person} leaves${on ? ` on ${on}` : ''}`,
    assignSeat: `${person} takes ${unit} ${seat}`,
    vacateSeat: `${unit} ${seat} is left empty`,
    setTeam: team ? `${person} moves to team ${team}` : `${person} leaves their team`,
    moveUnit: `${unit} moves under ${parent}`,
    addCandidate: `${person} becomes a ${readiness} candidate for ${unit} ${seat}`,
    hire: name ? `${name} is hired into ${unit} ${seat}` : `someone is hired into ${unit} ${seat}`,
    setPolicy: `the policy becomes ${policyWords(fields ?? {})}${on ? ` from ${on}` : ''}`,
  };
  return words[kind] ?? kind;
}

/** A policy change in words: `spanLimit 8, WIDE_SPAN HIGH, LONG_RUNNING_TLM off`. */
function policyWords(fields: Fields): string {
  const { on: _on, kinds, ...thresholds } = fields;
  const words = Object.entries(thresholds).flatMap(([name, value]) =>
    value === null ? [] : [`${name} ${value}`],
  );
  for (const k of (kinds ?? []) as PolicyKind[]) {
    words.push(`${k.kind} ${k.off ? 'off' : (k.severity ?? 'as SPEC says')}`);
  }
  return words.join(', ') || 'as it is';
}

const findingLine = (f: Finding) =>
  `${f.severity.padEnd(8)} ${f.kind} ${f.unit.slug}${f.seat ? ` ${f.seat}` : ''}: ${f.message}`;

const percent = (value: number | null) =>
  value === null ? 'n/a' : `${Math.round(value * 1000) / 10}%`;

/** What a person reads: the diff of the org without and with the scenario. */
function describeScenario(s: Shown): string {
  const e = s.evaluation;
  const lines = [
    `Scenario "${s.name}"${s.applied ? ' (applied)' : ''}, evaluated on ${e.asOf}`,
    ...(s.description ? [s.description] : []),
    '',
    'Changes:',
    ...s.changes.map((c, i) => `  ${i + 1}. ${changeLine(c)}`),
  ];
  const section = (title: string, items: string[]) =>
    items.length > 0 ? ['', `${title}:`, ...items.map((item) => `  ${item}`)] : [];
  lines.push(
    ...section(
      'Conflicts (skipped)',
      e.conflicts.map((c) => `change ${c.index + 1}: ${c.message}`),
    ),
    ...section(
      'Coverage changes',
      e.coverageChanges.map((c) => `${c.unit.slug} (${c.unit.layer}): ${c.from} → ${c.to}`),
    ),
    ...section('Findings that appear', e.newFindings.map(findingLine)),
    ...section('Findings that disappear', e.resolvedFindings.map(findingLine)),
    '',
    `Bench strength: ${percent(e.before.benchStrength)} → ${percent(e.after.benchStrength)}`,
    'Healthy units by layer:',
    ...e.after.byLayer.map((row) => {
      const was = e.before.byLayer.find((b) => b.layer === row.layer);
      return `  ${row.layer.padEnd(7)} ${was?.healthy ?? 0}/${was?.units ?? 0} → ${row.healthy}/${row.units}`;
    }),
  );
  return `${lines.join('\n')}\n`;
}

export const scenarioCommand: Command = {
  run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      options: { ...TODAY_OPTION, 'as-of': { type: 'string' } },
      allowPositionals: true,
    });
    const [action, id] = positionals;
    if (action === 'list' && values['as-of'] !== undefined) {
      // Taken and ignored, it told a script the list was of that day.
      throw badUsage('--as-of is for "scenario show ID": a list of scenarios has no day');
    }
    if (action === 'list' && positionals.length === 1) {
      return withOperator(io, values.today, async (org) => {
        type Listed = { id: string; name: string; applied: boolean; createdAt: string };
        const scenarios = await allPages(async (after) => {
          const answer = await org.ask<{ scenarios: Page<Listed> }>(LIST, { after });
          return answer.scenarios;
        });
        // Said on stderr: a script reading the list reads no line.
        if (scenarios.length === 0) io.err('no scenarios yet (createScenario makes one)\n');
        for (const s of scenarios) {
          io.out(
            `${s.id}  ${s.createdAt.slice(0, 10)}  ${s.applied ? 'applied ' : 'draft   '}${s.name}\n`,
          );
        }
        return 0;
      });
    }
    if (action !== 'show' || !id || positionals.length !== 2) {
      throw badUsage('scenario takes "list", or "show ID"');
    }
    const asOf = dayFrom('--as-of', values['as-of']) ?? null;
    return withOperator(io, values.today, async (org) => {
      const { node } = await org.ask<{ node: Shown | null }>(SHOW, { id, asOf });
      // Another object's id (a person's) answers that object, none of a scenario's fields.
      if (node?.__typename !== 'Scenario') throw badInput(`no scenario with the id "${id}"`);
      io.out(describeScenario(node));
      return 0;
    });
  },
};
