import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { todayUtc } from '../core/org/days.js';
import type { Database } from '../db/client.js';
import { openConfiguredDatabase } from '../db/open.js';
import { daySchema } from '../orgdoc/document.js';
import { exportOrgDocument } from '../orgdoc/export.js';
import type { Counts, ImportResult } from '../orgdoc/import.js';
import { importOrgDocument } from '../orgdoc/import.js';
import { OrgFileError, parseOrgFile, stringifyOrgYaml } from '../orgdoc/parse.js';
import { type Config, loadConfig } from '../server/config.js';
import { runAsOperator } from './as-admin.js';
import {
  type CheckCriteria,
  parseFailOn,
  parseSeverity,
  runCheck,
  TEAMS_WITHOUT_TECH_LEAD,
} from './check.js';

/** What a command may use; tests pass their own database and streams. */
export interface CliIo {
  open: () => Promise<Database>;
  /** Thresholds and the like; default: the environment's configuration. */
  config?: Config;
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

async function checkCommand(args: string[], io: CliIo): Promise<number> {
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
  if (positionals.length > 0) throw new UsageError('check takes no positional arguments');
  const criteria: CheckCriteria = { scope: values.scope, kinds: [], teamsWithoutTechLead: false };
  for (const value of values['fail-on'] ?? []) {
    const parsed = parseFailOn(value);
    if (parsed === null) {
      throw new UsageError(
        `--fail-on: "${value}" is not ${TEAMS_WITHOUT_TECH_LEAD} or a finding kind`,
      );
    }
    if (parsed === TEAMS_WITHOUT_TECH_LEAD) criteria.teamsWithoutTechLead = true;
    else criteria.kinds.push(parsed);
  }
  if (values['min-severity'] !== undefined) {
    const severity = parseSeverity(values['min-severity']);
    if (!severity)
      throw new UsageError(`--min-severity: unknown severity "${values['min-severity']}"`);
    criteria.minSeverity = severity;
  }
  if (!criteria.teamsWithoutTechLead && criteria.kinds.length === 0 && !criteria.minSeverity) {
    throw new UsageError('check needs --fail-on KIND (repeatable) and/or --min-severity SEVERITY');
  }
  const today = todayFrom(values.today);
  const { lines, failed } = await withDatabase(io, (database) =>
    runCheck(database, io.config ?? loadConfig(), today, criteria),
  );
  (failed ? io.err : io.out)(`${lines.join('\n')}\n`);
  return failed ? 1 : 0;
}

async function assignCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { ...TODAY_OPTION, since: { type: 'string' }, acting: { type: 'boolean' } },
    allowPositionals: true,
  });
  const [unit, seat, person] = positionals;
  if (!unit || !seat || !person || positionals.length > 3) {
    throw new UsageError('assign takes UNIT SEAT EMAIL');
  }
  const input = {
    unit,
    seat: seat.toUpperCase().replaceAll('-', '_'),
    person,
    startedOn: values.since ?? null,
    acting: values.acting ?? false,
  };
  return reportWrite<AssignPayload>(io, values.today, ASSIGN, { input }, 'assignSeat', (p) => {
    const ended = p.ended ? `; ${p.ended.person.email} ended on ${p.ended.endedOn}` : '';
    return `${p.assignment.person.email} is ${input.seat} of ${unit} from ${p.assignment.startedOn}${ended}`;
  });
}

async function departCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { ...TODAY_OPTION, on: { type: 'string' } },
    allowPositionals: true,
  });
  const [email] = positionals;
  if (!email || positionals.length > 1) throw new UsageError('depart takes EMAIL');
  const input = { email, on: values.on ?? null };
  return reportWrite<DepartPayload>(io, values.today, DEPART, { input }, 'recordDeparture', (p) => {
    const seats = p.endedSeats.map((s) => `${s.seat} of ${s.unit.slug}`).join(', ') || 'no seat';
    return `${p.person.email} departed on ${p.person.departedOn}; ended: ${seats}`;
  });
}

const ASSIGN = `mutation ($input: AssignSeatInput!) { assignSeat(input: $input) {
  assignment { person { email } startedOn } ended { person { email } endedOn }
  userErrors { path message }
} }`;
const DEPART = `mutation ($input: RecordDepartureInput!) { recordDeparture(input: $input) {
  person { email departedOn } endedSeats { seat unit { slug } }
  userErrors { path message }
} }`;

interface WritePayload {
  userErrors: { path: string | null; message: string }[];
}
interface AssignPayload extends WritePayload {
  assignment: { person: { email: string }; startedOn: string };
  ended: { person: { email: string }; endedOn: string } | null;
}
interface DepartPayload extends WritePayload {
  person: { email: string; departedOn: string };
  endedSeats: { seat: string; unit: { slug: string } }[];
}

/** Runs one mutation as the operator and prints its outcome or its userErrors (exit 1). */
async function reportWrite<P extends WritePayload>(
  io: CliIo,
  today: string | undefined,
  mutation: string,
  variables: Record<string, unknown>,
  field: string,
  describe: (payload: P) => string,
): Promise<number> {
  const data = await withDatabase(io, (database) =>
    runAsOperator<Record<string, P>>(
      database,
      io.config ?? loadConfig(),
      todayFrom(today),
      mutation,
      variables,
    ),
  );
  const payload = data[field];
  if (!payload) throw new Error(`no ${field} in the answer`);
  if (payload.userErrors.length > 0) {
    for (const e of payload.userErrors) io.err(`${e.path ? `${e.path}: ` : ''}${e.message}\n`);
    return 1;
  }
  io.out(`${describe(payload)}\n`);
  return 0;
}

async function helpCommand(_args: string[], io: CliIo): Promise<number> {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length)) + 2;
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}${c.summary}`);
  io.out(`Usage: npm run org -- <command>\n\nCommands:\n${lines.join('\n')}\n`);
  return 0;
}

/** One entry per command. */
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
  assign: {
    usage: 'assign UNIT SEAT EMAIL [--since DATE] [--acting]',
    summary: 'put a person in a seat (ENG_LEAD or TECH_LEAD), ending the current holder',
    run: assignCommand,
  },
  depart: {
    usage: 'depart EMAIL [--on DATE]',
    summary: 'record a departure: ends their seats, AoRs, candidacies and team',
    run: departCommand,
  },
  check: {
    usage: 'check --fail-on KIND… [--min-severity S] [--scope SLUG]',
    summary: `exit 1 listing what is found (KIND: ${TEAMS_WITHOUT_TECH_LEAD} or a finding kind)`,
    run: checkCommand,
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
