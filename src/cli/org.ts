import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Database } from '../db/client.js';
import { todayUtc } from '../org/days.js';
import type { Counts, ImportResult } from '../orgdoc/counts.js';
import { daySchema } from '../orgdoc/document.js';
import { exportOrgDocument } from '../orgdoc/export.js';
import { importOrgDocument } from '../orgdoc/import.js';
import { OrgFileError, parseOrgFile, stringifyOrgYaml } from '../orgdoc/parse.js';
import { openConfiguredDatabase } from './open.js';

/** What a command may use; tests pass their own database and streams. */
export interface CliIo {
  open: () => Promise<Database>;
  out: (text: string) => void;
  err: (text: string) => void;
}

interface Command {
  usage: string;
  summary: string;
  /** Returns the exit code. */
  run: (args: string[], io: CliIo) => Promise<number>;
}

const TODAY_OPTION = { today: { type: 'string' } } as const;

/** `--today YYYY-MM-DD` (default: today, UTC): the day the document's changes take effect. */
function todayFrom(value: string | undefined): string {
  if (value === undefined) return todayUtc();
  if (!daySchema.safeParse(value).success)
    throw new UsageError(`--today: malformed date "${value}"`);
  return value;
}

class UsageError extends Error {}

async function withDatabase<T>(io: CliIo, use: (database: Database) => Promise<T>): Promise<T> {
  const database = await io.open();
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

function countsTable(result: ImportResult): string {
  const kinds = Object.keys(result.created) as (keyof Counts)[];
  const pad = (text: string | number, width: number) => String(text).padStart(width);
  const lines = [`${''.padEnd(16)}${pad('created', 9)}${pad('updated', 9)}${pad('unchanged', 11)}`];
  for (const kind of kinds) {
    const row = [
      pad(result.created[kind], 9),
      pad(result.updated[kind], 9),
      pad(result.unchanged[kind], 11),
    ];
    lines.push(`${kind.padEnd(16)}${row.join('')}`);
  }
  return `${lines.join('\n')}\n`;
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    options: TODAY_OPTION,
    allowPositionals: true,
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError('import takes exactly one FILE');
  const document = parseOrgFile(readFileSync(file, 'utf8'), file);
  const today = todayFrom(values.today);
  const result = await withDatabase(io, ({ db }) => importOrgDocument(db, document, { today }));
  if (result.userErrors.length > 0) {
    for (const e of result.userErrors) io.err(`${e.path ? `${e.path}: ` : ''}${e.message}\n`);
    io.err(`${file}: ${result.userErrors.length} problem(s); nothing was imported.\n`);
    return 1;
  }
  io.out(countsTable(result));
  return 0;
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    options: TODAY_OPTION,
    allowPositionals: true,
  });
  const [file] = positionals;
  if (positionals.length > 1) throw new UsageError('export takes at most one FILE');
  const today = todayFrom(values.today);
  const document = await withDatabase(io, ({ db }) => exportOrgDocument(db, { today }));
  const yaml = file !== undefined && /\.ya?ml$/i.test(file);
  const text = yaml ? stringifyOrgYaml(document) : `${JSON.stringify(document, null, 2)}\n`;
  if (file === undefined) io.out(text);
  else {
    writeFileSync(file, text);
    io.err(`Wrote ${file}\n`);
  }
  return 0;
}

async function helpCommand(_args: string[], io: CliIo): Promise<number> {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(36)}${c.summary}`);
  io.out(`Usage: npm run org -- <command>\n\nCommands:\n${lines.join('\n')}\n`);
  return 0;
}

/** One entry per command; later commands (assign, depart, check) are added here. */
const COMMANDS: Record<string, Command> = {
  import: {
    usage: 'import FILE [--today DATE]',
    summary: 'load an org document (YAML or JSON); prints what changed',
    run: importCommand,
  },
  export: {
    usage: 'export [FILE] [--today DATE]',
    summary: 'write the current org (YAML for .yaml/.yml, else JSON; stdout without FILE)',
    run: exportCommand,
  },
  help: { usage: 'help', summary: 'show this help', run: helpCommand },
};

const defaultIo: CliIo = {
  open: () => openConfiguredDatabase(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Runs one CLI command; returns the exit code (2 for a usage error). */
export async function runOrgCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [name = 'help', ...args] = argv;
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    return await command.run(args, io);
  } catch (error) {
    const exitCode = expectedFailure(error);
    if (exitCode === null) throw error;
    io.err(`${(error as Error).message}\n`);
    if (exitCode === 2) io.err('Run `npm run org -- help` for usage.\n');
    return exitCode;
  }
}

/** The exit code of a failure the user can fix (bad usage, file), or null for a real fault. */
function expectedFailure(error: unknown): number | null {
  const code = (error as { code?: unknown }).code;
  if (error instanceof UsageError) return 2;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return 2;
  if (error instanceof OrgFileError) return 1;
  // File system errors (ENOENT, EACCES…) carry the path in their message.
  if (typeof code === 'string' && (error as { syscall?: unknown }).syscall) return 1;
  return null;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runOrgCli(process.argv.slice(2));
}
