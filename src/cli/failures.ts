import { OrgFileError } from '../orgdoc/parse.js';
import { type Config, loadConfig } from '../server/config.js';
import { describeFailure, type Setting } from '../server/failures.js';

/**
 * The CLI's exit codes: 0 ok; 1 `check` found what it was asked to fail on; 2 bad usage or
 * input (an unknown command, option, unit, seat or person, a bad date or file, a write the
 * rules refuse); 3 could not run (database, data folder, the running server).
 */
export const EXIT = { ok: 0, found: 1, badInput: 2, cannotRun: 3 } as const;

/** A failure with its one line for the user and its exit code. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: 2 | 3,
    /** The command line itself is wrong: point to the help. */
    readonly usage = false,
  ) {
    super(message);
  }
}

export const badUsage = (message: string) => new CliFailure(message, EXIT.badInput, true);
export const badInput = (message: string) => new CliFailure(message, EXIT.badInput);
export const cannotRun = (message: string) => new CliFailure(message, EXIT.cannotRun);

/** Any error a command ends with, as one line and an exit code: never a stack. */
export function failureOf(error: unknown, setting: Setting): CliFailure {
  if (error instanceof CliFailure) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    return badUsage((error as Error).message);
  }
  if (error instanceof OrgFileError) return badInput(error.message);
  const { line, exitCode } = describeFailure(error, setting);
  return new CliFailure(line, exitCode);
}

/** Runs a CLI entry point with the environment's configuration; sets the exit code. */
export async function runMain(main: (config: Config) => Promise<number>): Promise<void> {
  let config: Config | undefined;
  try {
    config = loadConfig();
    process.exitCode = await main(config);
  } catch (error) {
    const failure = failureOf(error, config ?? {});
    console.error(failure.message);
    process.exitCode = failure.exitCode;
  }
}
