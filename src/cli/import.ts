import { located, locatedProblems } from '../adapters/source-map.js';
import { type Command, parseOptions, TODAY_OPTION, withOperator } from './command.js';
import { badUsage } from './failures.js';
import { type ImportPayload, ImportReport } from './import-report.js';
import { fileName } from './source-files.js';
import { readSource, sourceOptions } from './sources.js';

export type { ImportPayload } from './import-report.js';

const KINDS = `people units seatAssignments memberships aors aorOwnerships candidates openRoles policies`;
const importMutation = (
  plan: boolean,
) => `mutation ($document: JSONObject!, $dryRun: Boolean = false) {
  importOrg(document: $document, dryRun: $dryRun) {
    created { ${KINDS} } updated { ${KINDS} } unchanged { ${KINDS} }
    ${plan ? 'plan { summary }' : ''} userErrors { path message }
} }`;
export const IMPORT = importMutation(false);

const OPTIONS = {
  ...TODAY_OPTION,
  from: { type: 'string' },
  'layer-map': { type: 'string' },
  columns: { type: 'string' },
  'date-format': { type: 'string' },
  'dry-run': { type: 'boolean' },
  verbose: { type: 'boolean' },
} as const;

/** Imports a document, a catalog or an HR export: the file's problems and the import's, by place. */
export const importCommand: Command = {
  async run(args, io) {
    const { positionals, values } = parseOptions({
      args,
      options: OPTIONS,
      allowPositionals: true,
    });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw badUsage('import takes exactly one FILE');
    const adapt = await readSource(file, sourceOptions(values));
    const planOnly = values['dry-run'] === true;
    const { adapted, importOrg } = await withOperator(
      io,
      values.today,
      async (org) => {
        const adapted = await adapt(org);
        // A file with problems of its own is still checked whole, but never written.
        const dryRun = planOnly || adapted.problems.length > 0;
        const variables = { document: adapted.document, dryRun };
        const answer = await org.ask<{ importOrg: ImportPayload }>(
          importMutation(dryRun),
          variables,
        );
        return { adapted, importOrg: answer.importOrg };
      },
      { dryRun: planOnly },
    );
    const report = new ImportReport(io, fileName(file), values.verbose === true);
    const problems = locatedProblems(adapted, importOrg.userErrors);
    const warnings = located(adapted.warnings);
    if (problems.length > 0) return report.refused(problems, warnings);
    return report.done(importOrg, warnings, planOnly);
  },
};
