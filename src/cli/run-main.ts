import { setFlagsFromString } from 'node:v8';
import { OrgFileError } from '../orgdoc/file-error.js';
import { type Config, loadConfig } from '../server/config.js';
import { describeFailure, type Setting } from '../server/failures.js';
import { badInput, badUsage, CliFailure } from './failures.js';

/** Any error a command ends with, as one line and an exit code: never a stack. */
export function failureOf(error: unknown, setting: Setting): CliFailure {
  if (error instanceof CliFailure) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    return badUsage(parseArgsMessage(error as Error));
  }
  if (error instanceof OrgFileError) return badInput(error.message);
  const { line, exitCode } = describeFailure(error, setting);
  return new CliFailure(line, exitCode);
}

/**
 * Node's parseArgs explains itself to programmers ("To specify a positional argument starting
 * with a '-', place it at the end of the command after '--'…"), over several lines: keep its
 * first sentence, and for an option followed by another (`--scope --fail-on x`) the question
 * that matters.
 */
function parseArgsMessage(error: Error): string {
  const first = error.message.split(/\.\s/)[0]?.replace(/\.$/, '') ?? '';
  return /Did you forget to specify the option argument/.test(error.message)
    ? `${first}: did you forget its value?`
    : first;
}

/**
 * Runs a CLI entry point with the environment's configuration; sets the exit code. A command
 * lives a second or two: the embedded database's WebAssembly is compiled by V8's baseline
 * compiler alone, not again by its optimising one (which cost a command on the embedded
 * folder 0.6–0.8 s of its 2.5 s, and on Node 24 some 500 MB; an import of 20,000 people takes
 * as long either way). The npm scripts give node `--liftoff-only`: on Node 24 the flag set
 * here, at run time, no longer reaches the compiler (Node 20's `node dist/cli/org.js` alone).
 */
export async function runMain(main: (config: Config) => Promise<number>): Promise<void> {
  setFlagsFromString('--liftoff-only');
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
