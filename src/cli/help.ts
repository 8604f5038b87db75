import { wrapped } from '../core/collections.js';
import { FINDING_KINDS, SEVERITIES } from '../core/findings/types.js';

/**
 * What `npm run org -- help [COMMAND]` (and `--help`, `-h`) prints. Kept apart from the
 * commands, and importing nothing heavy, so help answers without loading GraphQL, the
 * database or any parser.
 */
export interface CommandHelp {
  usage: string;
  summary: string;
  /** More about the arguments and options, one line each. */
  details: string[];
  /** Command lines to copy, `npm run org --` left out. */
  examples: string[];
}

const kebab = (value: string) => value.toLowerCase().replaceAll('_', '-');
const DATE = 'DATE is YYYY-MM-DD';

export const HELP: Record<string, CommandHelp> = {
  import: {
    usage: 'import FILE [--from document|backstage|csv] [--dry-run] [--verbose]',
    summary: 'load an org document, a Backstage catalog or an HR export (CSV)',
    details: [
      '--from document    an org document, YAML or JSON (the default)',
      '--from backstage   a catalog file, a Location file or a folder; layers from the',
      '                   tree, or --layer-map type=LAYER,…',
      '--from csv         one person a row; --columns column=Header,… names your headers',
      '                   (column=Header+Header joins two); days are YYYY-MM-DD, or as',
      '                   --date-format MM/DD/YYYY|DD/MM/YYYY|DD.MM.YYYY says',
      '--dry-run          print the plan, write nothing',
      '--verbose          list every line of the plan and every warning',
      'FILE - reads standard input.',
      'Idempotent: importing the same file twice changes nothing.',
    ],
    examples: [
      'import org.yaml',
      'import --from backstage catalog/ --layer-map squad=TEAM --dry-run',
      'import --from csv people.csv --columns "email=Work Email,name=First Name+Last Name"',
    ],
  },
  export: {
    usage: 'export [FILE]',
    summary: 'write the current org as an org document',
    details: ['YAML for a .yaml or .yml FILE, else JSON; to stdout without FILE or for -.'],
    examples: ['export org.yaml', 'export org.json'],
  },
  assign: {
    usage: 'assign UNIT SEAT EMAIL [--since DATE] [--acting]',
    summary: 'put a person in a seat, ending the current holder the day before',
    details: [
      'SEAT is ENG_LEAD or TECH_LEAD (eng-lead, tech-lead too).',
      `--since DATE  their first day in the seat (default today); ${DATE}`,
      '--acting      an interim holder',
    ],
    examples: [
      'assign network TECH_LEAD ola@example.com --since 2026-12-01',
      'assign labs eng-lead vic@example.com --acting',
    ],
  },
  depart: {
    usage: 'depart EMAIL [--on DATE]',
    summary: 'record a departure: ends their seats, AoRs, candidacies and team',
    details: [`--on DATE  their first day gone (default today); ${DATE}`],
    examples: ['depart eli@example.com --on 2026-12-15'],
  },
  check: {
    usage: 'check --fail-on KIND… [--min-severity SEVERITY] [--scope SLUG]',
    summary: 'fail (exit 1) listing what it finds, for CI jobs',
    details: [
      '--fail-on KIND     repeatable: teams-without-tech-lead, or a finding kind:',
      ...wrapped(FINDING_KINDS.map(kebab), '                   '),
      `--min-severity S   findings this severe or more (${SEVERITIES.join(', ')}):`,
      '                   of the --fail-on finding kinds, else of every kind',
      '--scope SLUG       that unit and everything below it',
    ],
    examples: [
      'check --fail-on teams-without-tech-lead',
      'check --fail-on unowned-aor --fail-on no-successor --scope platform',
      'check --min-severity HIGH',
      'check --fail-on no-successor --min-severity HIGH   # Eng Lead seats only',
    ],
  },
  churn: {
    usage: 'churn --from DATE --to DATE [--scope SLUG] [--stats] [--format text|csv]',
    summary: 'the leadership changes of a period, or how long seats stood empty',
    details: [
      `--from DATE --to DATE  the period, both days included; ${DATE}`,
      '--scope SLUG           that unit and everything below it',
      '--stats                per layer and seat: vacancies, days vacant, days to fill, turnover',
      '--format text|csv      a table (the default) or CSV for a spreadsheet',
    ],
    examples: [
      'churn --from 2025-12-01 --to 2026-11-30',
      'churn --from 2025-12-01 --to 2026-11-30 --scope infra --stats --format csv',
    ],
  },
  scenario: {
    usage: 'scenario list | scenario show ID [--as-of DATE]',
    summary: 'planning scenarios: list them, or show what one would change',
    details: [
      'ID is the id `scenario list` prints.',
      `--as-of DATE  evaluate it on that day (default today); ${DATE}`,
    ],
    examples: ['scenario list', 'scenario show U2NlbmFyaW86MzYxMzE2Nzc1 --as-of 2027-01-04'],
  },
  token: {
    usage: 'token create --role ROLE --name NAME [--scope SLUG]',
    summary: 'mint an API token (a lost demo token, a dashboard, a script)',
    details: [
      '--role ROLE   VIEWER, PLANNER or ADMIN',
      '--name NAME   what it is for; the audit log names the token so',
      '--scope SLUG  VIEWER and PLANNER only: confidential reads limited to that unit',
      'The secret is printed once; the token is stored hashed, its creation audited.',
      'Goes through the running server when it holds the data folder, as every command.',
    ],
    examples: [
      'token create --role ADMIN --name "my laptop"',
      'token create --role PLANNER --name "platform planning" --scope platform',
    ],
  },
  help: {
    usage: 'help [COMMAND]',
    summary: 'this help, or a command’s (also COMMAND --help, -h)',
    details: [],
    examples: ['help check', 'check --help'],
  },
};

const PREFIX = 'npm run org -- ';
const EXIT_CODES =
  'Exit codes: 0 done, 1 check found what it fails on, 2 bad usage or input, 3 could not run,\n' +
  '130 stopped by Ctrl-C (a write already sent is waited for and reported).';

/** The list of commands. */
function overview(): string {
  const lines = Object.entries(HELP).map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`);
  return [
    `Usage: ${PREFIX}COMMAND [ARGUMENTS]`,
    '',
    'Commands:',
    ...lines,
    '',
    `Options and examples of one: ${PREFIX}help COMMAND (or COMMAND --help).`,
    'Beside a running server on the embedded database, commands go through that server.',
    EXIT_CODES,
    '',
  ].join('\n');
}

/** The option every command but `help` takes (command.ts), said in each one's help. */
export const TODAY = {
  option: '--today DATE',
  words: 'run as if DATE (YYYY-MM-DD) were today; not beside a running server',
};

/**
 * The command's details with `--today` after its last option, its words in the options'
 * column (or last, when it has none).
 */
function withTodayLine(details: readonly string[]): string[] {
  const last = details.findLastIndex((line) => line.startsWith('--'));
  const column = /^--\S+(?: \S+)?\s+/.exec(details[last] ?? '')?.[0].length ?? 0;
  const line = `${TODAY.option.padEnd(Math.max(column, TODAY.option.length + 2))}${TODAY.words}`;
  const after = last + 1 || details.length;
  return [...details.slice(0, after), line, ...details.slice(after)];
}

/** One command's help: usage, what it does, its options, examples. */
function commandHelp(name: string): string {
  const help = HELP[name];
  if (!help) return overview();
  const details = name === 'help' ? help.details : withTodayLine(help.details);
  return [
    `Usage: ${PREFIX}${help.usage}`,
    '',
    `${help.summary[0]?.toUpperCase()}${help.summary.slice(1)}.`,
    ...(details.length > 0 ? ['', ...details.map((line) => `  ${line}`)] : []),
    '',
    'Examples:',
    ...help.examples.map((example) => `  ${PREFIX}${example}`),
    '',
  ].join('\n');
}

export const HELP_FLAGS = new Set(['--help', '-h']);

/** A name given where a command is expected that is none of them (a flag is not a name). */
export const isUnknownCommand = (name: string | undefined): name is string =>
  name !== undefined && !name.startsWith('-') && !HELP[name];

/** The words of `help WORD…` past the one COMMAND it takes (`help assign extra`: extra). */
export const extraHelpWords = (args: string[]): string[] =>
  args.filter((arg) => !HELP_FLAGS.has(arg)).slice(1);

/**
 * The help a command line asks for — `help`, `help COMMAND`, `--help`, `-h`, `COMMAND --help`
 * — or null when it asks for something else.
 */
export function helpAskedFor(argv: string[]): string | null {
  const [name, ...args] = argv;
  // `help frobnicate` is refused as running it is (org.ts), not answered with the overview;
  // `help assign extra` too, rather than the extra word passed over in silence.
  if (name === 'help' && (isUnknownCommand(args[0]) || extraHelpWords(args).length > 0)) {
    return null;
  }
  if (name === undefined || name === 'help' || HELP_FLAGS.has(name)) {
    if (args[0] && HELP[args[0]]) return commandHelp(args[0]);
    return name === 'help' && args.some((arg) => HELP_FLAGS.has(arg))
      ? commandHelp('help')
      : overview();
  }
  if (HELP[name] && args.some((arg) => HELP_FLAGS.has(arg))) return commandHelp(name);
  return null;
}
