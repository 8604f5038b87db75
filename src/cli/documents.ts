import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseOrgFile, stringifyOrgYaml } from '../orgdoc/parse.js';
import { type Command, reportUserErrors, TODAY_OPTION, withOperator } from './command.js';
import { badInput, badUsage } from './failures.js';

const KINDS = `people units seatAssignments memberships aors aorOwnerships candidates openRoles`;
export const IMPORT = `mutation ($document: JSONObject!) { importOrg(document: $document) {
  created { ${KINDS} } updated { ${KINDS} } unchanged { ${KINDS} }
  userErrors { path message }
} }`;

type Counts = Record<string, number>;
export interface ImportPayload {
  created: Counts;
  updated: Counts;
  unchanged: Counts;
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

function readDocument(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw badInput(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code})`);
  }
  return parseOrgFile(text, file);
}

/** The FILE arguments of import and export, and `--today`. */
function fileArguments(args: string[]) {
  const { positionals, values } = parseArgs({
    args,
    options: TODAY_OPTION,
    allowPositionals: true,
  });
  return { files: positionals, today: values.today };
}

export const importCommand: Command = {
  usage: 'import FILE [--today DATE]',
  summary: 'load an org document (YAML or JSON); prints what changed',
  async run(args, io) {
    const { files, today } = fileArguments(args);
    const [file] = files;
    if (!file || files.length > 1) throw badUsage('import takes exactly one FILE');
    const document = readDocument(file);
    const { importOrg } = await withOperator(io, today, (org) =>
      org.ask<{ importOrg: ImportPayload }>(IMPORT, { document }),
    );
    if (importOrg.userErrors.length > 0) {
      reportUserErrors(io, importOrg.userErrors);
      io.err(`${file}: ${importOrg.userErrors.length} problem(s); nothing was imported.\n`);
      return 2;
    }
    io.out(countsTable(importOrg));
    return 0;
  },
};

export const exportCommand: Command = {
  usage: 'export [FILE] [--today DATE]',
  summary: 'write the current org (YAML for .yaml/.yml, else JSON; stdout without FILE)',
  async run(args, io) {
    const { files, today } = fileArguments(args);
    const [file] = files;
    if (files.length > 1) throw badUsage('export takes at most one FILE');
    const { exportOrg } = await withOperator(io, today, (org) =>
      org.ask<{ exportOrg: unknown }>('{ exportOrg }'),
    );
    const yaml = file !== undefined && /\.ya?ml$/i.test(file);
    const text = yaml ? stringifyOrgYaml(exportOrg) : `${JSON.stringify(exportOrg, null, 2)}\n`;
    if (file === undefined) io.out(text);
    else {
      try {
        writeFileSync(file, text);
      } catch (error) {
        throw badInput(`${file}: cannot write it (${(error as NodeJS.ErrnoException).code})`);
      }
      io.err(`Wrote ${file}\n`);
    }
    return 0;
  },
};
