import { pathToFileURL } from 'node:url';
import type { Config } from '../server/config.js';
import type { CliIo, Command, ConnectOptions } from './command.js';
import { badUsage, CliFailure, EXIT, endQuietlyWhenReaderGoes, keptByNpm } from './failures.js';
import { extraHelpWords, HELP, helpAskedFor, isUnknownCommand } from './help.js';
import { optionLike, optionsOf } from './option-like.js';

export type { CliIo } from './command.js';

// Each command is loaded when it runs: help, and a command sent through the running server,
// never load what they do not use (the schema, the database, the file parsers).
const COMMANDS: Record<string, () => Promise<Command>> = {
  import: async () => (await import('./import.js')).importCommand,
  export: async () => (await import('./export.js')).exportCommand,
  assign: async () => (await import('./writes.js')).assignCommand,
  depart: async () => (await import('./writes.js')).departCommand,
  check: async () => (await import('./check.js')).checkCommand,
  churn: async () => (await import('./churn.js')).churnCommand,
  scenario: async () => (await import('./scenario.js')).scenarioCommand,
  token: async () => (await import('./token.js')).tokenCommand,
};

const unknownCommand = (name: string) =>
  badUsage(`unknown command "${name}": the commands are ${Object.keys(HELP).join(', ')}`);

/** `org --today D check`: options belong to a command, so they come after its name. */
function optionFirst(argv: string[]) {
  const command = argv.find((word) => COMMANDS[word]);
  const rest = argv.filter((word) => word !== command);
  const instead = command
    ? `: npm run org -- ${[command, ...rest].join(' ')}`
    : ' (npm run org -- COMMAND OPTIONS…)';
  return badUsage(`${argv[0]}: options come after the command${instead}`);
}

/** `help frobnicate` is refused as running it is; `help assign extra` names the extra. */
function helpRefusal([name, ...args]: string[]) {
  if (name !== 'help') return null;
  if (isUnknownCommand(args[0])) return unknownCommand(args[0]);
  const extra = extraHelpWords(args);
  return extra.length > 0 ? badUsage(`help takes one COMMAND: "${extra.join(' ')}" is more`) : null;
}

/** ` (--fail-on?)` after node's "Unknown option '--fial-on'", when the command has one like it. */
function unknownOptionHint(error: unknown, command: string): string {
  if ((error as { code?: unknown }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return '';
  const option = /'(-[^']*)'/.exec((error as Error).message)?.[1];
  const like = option && optionLike(command, option.split('=')[0] as string);
  return like ? ` (${like}?)` : '';
}

/** Runs one CLI command; returns its exit code (failures.ts), having printed why. */
export async function runOrgCli(argv: string[], io: CliIo, config?: Config): Promise<number> {
  const [name = 'help', ...args] = argv;
  try {
    const refused =
      (COMMANDS[name] ? keptByNpm('org', optionsOf(name), argv) : null) ?? helpRefusal(argv);
    if (refused) throw refused;
    const help = helpAskedFor(argv);
    if (help !== null) {
      io.out(help);
      return EXIT.ok;
    }
    const load = COMMANDS[name];
    if (!load) throw name.startsWith('-') ? optionFirst(argv) : unknownCommand(name);
    return await (await load()).run(args, io);
  } catch (error) {
    const failure =
      error instanceof CliFailure
        ? error
        : (await import('./run-main.js')).failureOf(error, config ?? {});
    io.err(`${failure.message}${unknownOptionHint(error, name)}\n`);
    if (failure.usage) {
      const topic = COMMANDS[name] ? `help ${name}` : 'help';
      io.err(`Run \`npm run org -- ${topic}\` for usage and examples.\n`);
    }
    return failure.exitCode;
  }
}

/**
 * `npm run org -- …` runs in the package's folder, not the caller's, so `import org.yaml` read
 * the package's org.yaml: the files a command names are the caller's (npm says where it was
 * run from in INIT_CWD). Called once the configuration is read, so the data folder stays the
 * one `npm start` uses (resolved in the package's folder).
 */
function inCallersFolder(): void {
  const from = process.env.INIT_CWD;
  if (process.env.npm_lifecycle_event === 'org' && from) process.chdir(from);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  endQuietlyWhenReaderGoes();
  const out = (text: string) => void process.stdout.write(text);
  const err = (text: string) => void process.stderr.write(text);
  const help = helpAskedFor(argv);
  if (help !== null) out(help);
  else {
    // Heard from here on: a Ctrl-C while a command loads or reads `import -`'s standard input
    // says that nothing was written, as it does once the org is open.
    (await import('./interrupt.js')).ctrlC();
    // `npm run org -- …`: the configured database, or the server holding the embedded one.
    const { runMain } = await import('./run-main.js');
    await runMain((config) => {
      inCallersFolder();
      const connect = async (today?: string, options?: ConnectOptions) =>
        (await import('./operator.js')).connect(config, argv[0] ?? 'help', today, options);
      return runOrgCli(argv, { connect, out, err }, config);
    });
  }
}
