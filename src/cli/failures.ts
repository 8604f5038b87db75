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
