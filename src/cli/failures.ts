/**
 * The CLI's exit codes: 0 ok; 1 `check` found what it was asked to fail on; 2 bad usage or
 * input (an unknown command, option, unit, seat or person, a bad date or file, a write the
 * rules refuse); 3 could not run (database, data folder, the running server).
 *
 * This file imports nothing: `help` and usage errors answer before any library is loaded.
 */
export const EXIT = { ok: 0, found: 1, badInput: 2, cannotRun: 3 } as const;

/** A failure with its one line for the user and its exit code. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: 2 | 3,
    /** The command line itself is wrong: point to the command's help. */
    readonly usage = false,
  ) {
    super(message);
  }
}

export const badUsage = (message: string) => new CliFailure(message, EXIT.badInput, true);
export const badInput = (message: string) => new CliFailure(message, EXIT.badInput);
export const cannotRun = (message: string) => new CliFailure(message, EXIT.cannotRun);

/**
 * `value` as one of `valid` (any case, dashes for underscores: `eng-lead` is ENG_LEAD), or a
 * usage error naming the option and listing every valid value.
 */
export function oneOf<T extends string>(option: string, value: string, valid: readonly T[]): T {
  const normal = value.toUpperCase().replaceAll('-', '_');
  const found = valid.find((v) => v === normal);
  if (found) return found;
  throw badUsage(`${option}: "${value}" is not one of ${valid.join(', ')}`);
}

/**
 * A reader that stops early (`| head -1`) closes the pipe: the rest is not wanted, so the CLI
 * ends quietly, as Unix tools do, rather than with a stack trace.
 */
export function endQuietlyWhenReaderGoes(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(EXIT.ok);
  });
}

/** The commands' options that are npm settings too (npm 11's `npm config ls -l`). */
const NPM_SETTINGS = new Set(['--dry-run', '--name', '--scope']);

/**
 * `npm run org import org.yaml --dry-run`, the `--` that hands options to a script left out:
 * npm keeps the options for itself. `--dry-run` is its own setting, and the import wrote; one
 * it does not know it keeps too — as `true`, its value left behind as an argument, or with its
 * value (`--since=2026-12-01`) — and the command ran without it. It tells the script in
 * `npm_config_<name>`: an option of the command's there, and not in the words the command got,
 * was typed for it and never reached it, so the command is refused before it does anything.
 * Of npm's own settings only a flag it took counts (`true`): an .npmrc's `name=laptop` is
 * npm's business (a review).
 */
export function keptByNpm(
  script: string,
  options: readonly string[],
  words: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): CliFailure | null {
  if (env.npm_lifecycle_event !== script) return null;
  const given = (option: string) => words.some((w) => w === option || w.startsWith(`${option}=`));
  const kept = options.filter((option) => {
    const value = env[`npm_config_${option.slice(2).replaceAll('-', '_')}`];
    if (value === undefined || given(option)) return false;
    return value === 'true' || !NPM_SETTINGS.has(option);
  });
  if (kept.length === 0) return null;
  const them = kept.length > 1 ? 'them' : 'it';
  const example = script === 'org' ? `${words[0]} …` : `${kept[0]} …`;
  return badUsage(
    `npm took ${kept.join(', ')} as its own (typed before --, or set by an .npmrc or ` +
      `npm_config_ variable) and did not pass ${them} on: put -- before the command's words ` +
      `(npm run ${script} -- ${example}); nothing was done`,
  );
}
