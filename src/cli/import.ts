import { parseArgs } from 'node:util';
import { locatedProblems } from '../adapters/source-map.js';
import { type CliIo, type Command, TODAY_OPTION, withOperator } from './command.js';
import { badUsage } from './failures.js';
import { readSource, sourceOptions } from './sources.js';

const KINDS = `people units seatAssignments memberships aors aorOwnerships candidates openRoles`;
const importMutation = (
  plan: boolean,
) => `mutation ($document: JSONObject!, $dryRun: Boolean = false) {
  importOrg(document: $document, dryRun: $dryRun) {
    created { ${KINDS} } updated { ${KINDS} } unchanged { ${KINDS} }
    ${plan ? 'plan { summary }' : ''} userErrors { path message }
} }`;
export const IMPORT = importMutation(false);

type Counts = Record<string, number>;
export interface ImportPayload {
  created: Counts;
  updated: Counts;
  unchanged: Counts;
  plan?: { summary: string }[];
  userErrors: { path: string | null; message: string }[];
}

function countsTable({ created, updated, unchanged }: ImportPayload): string {
  const pad = (text: string | number, width: number) => String(text).padStart(width);
  const lines = [`${''.padEnd(16)}${pad('created', 9)}${pad('updated', 9)}${pad('unchanged', 11)}`];
  for (const kind of Object.keys(created)) {
    const row = [
      pad(created[kind] ?? 0, 9),
      pad(updated[kind] ?? 0, 9),
      pad(unchanged[kind] ?? 0, 11),
    ];
    lines.push(`${kind.padEnd(16)}${row.join('')}`);
  }
  return `${lines.join('\n')}\n`;
}

const OPTIONS = {
  ...TODAY_OPTION,
  from: { type: 'string' },
  'layer-map': { type: 'string' },
  columns: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

function printPlan(io: CliIo, payload: ImportPayload): void {
  const plan = payload.plan ?? [];
  io.out(plan.length === 0 ? 'Plan: no change.\n' : `Plan (${plan.length} changes):\n`);
  for (const { summary } of plan) io.out(`  ${summary}\n`);
}

/** Imports a document, a catalog or an HR export: the file's problems and the import's, by place. */
export const importCommand: Command = {
  async run(args, io) {
    const { positionals, values } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw badUsage('import takes exactly one FILE');
    const adapt = readSource(file, sourceOptions(values));
    const { adapted, importOrg } = await withOperator(io, values.today, async (org) => {
      const adapted = await adapt(org);
      // A file with problems of its own is still checked whole, but never written.
      const dryRun = values['dry-run'] === true || adapted.problems.length > 0;
      const variables = { document: adapted.document, dryRun };
      const answer = await org.ask<{ importOrg: ImportPayload }>(importMutation(dryRun), variables);
      return { adapted, importOrg: answer.importOrg };
    });
    for (const note of adapted.notes) io.out(`${note}\n`);
    const problems = locatedProblems(adapted, importOrg.userErrors);
    if (problems.length > 0) {
      for (const problem of problems) io.err(`${problem}\n`);
      io.err(`${file}: ${problems.length} problem(s); nothing was imported.\n`);
      return 2;
    }
    if (values['dry-run']) printPlan(io, importOrg);
    io.out(countsTable(importOrg));
    if (values['dry-run']) io.out('Dry run: nothing was written.\n');
    return 0;
  },
};
