import { pathToFileURL } from 'node:url';
import type { Config } from '../server/config.js';
import { checkCommand } from './check.js';
import { churnCommand } from './churn.js';
import type { CliIo, Command } from './command.js';
import { exportCommand } from './export.js';
import { badUsage, EXIT, failureOf, runMain } from './failures.js';
import { importCommand } from './import.js';
import { scenarioCommand } from './scenario.js';
import { assignCommand, departCommand } from './writes.js';

export type { CliIo } from './command.js';

const helpCommand: Command = {
  usage: 'help',
  summary: 'show this help',
  async run(_args, io) {
    const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length)) + 2;
    const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}${c.summary}`);
    io.out(`Usage: npm run org -- <command>\n\nCommands:\n${lines.join('\n')}\n`);
    io.out('\nExit codes: 0 ok, 1 check found something, 2 bad usage or input, 3 could not run.\n');
    return EXIT.ok;
  },
};

const COMMANDS: Record<string, Command> = {
  import: importCommand,
  export: exportCommand,
  assign: assignCommand,
  depart: departCommand,
  check: checkCommand,
  churn: churnCommand,
  scenario: scenarioCommand,
  help: helpCommand,
};

/** Runs one CLI command; returns its exit code (failures.ts), having printed why. */
export async function runOrgCli(argv: string[], io: CliIo, config?: Config): Promise<number> {
  const [name = 'help', ...args] = argv;
  try {
    const command = COMMANDS[name];
    if (!command) throw badUsage(`unknown command "${name}"`);
    return await command.run(args, io);
  } catch (error) {
    const failure = failureOf(error, config ?? {});
    io.err(`${failure.message}\n`);
    if (failure.usage) io.err('Run `npm run org -- help` for usage.\n');
    return failure.exitCode;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  // `npm run org -- …`: the configured database, or the server holding the embedded one.
  await runMain((config) => {
    // Loaded on demand: `help` and usage errors answer without loading the schema.
    const connect = async (today?: string) =>
      (await import('./operator.js')).connect(config, argv[0] ?? 'help', today);
    const out = (text: string) => void process.stdout.write(text);
    const err = (text: string) => void process.stderr.write(text);
    return runOrgCli(argv, { connect, out, err }, config);
  });
}
