import { type ParseArgsConfig, parseArgs } from 'node:util';
import { isDay, isOrgDay, ORG_DAYS } from '../core/org/days.js';
import { badUsage } from './failures.js';
import type { Operator } from './operator.js';

export interface ConnectOptions {
  dryRun?: boolean;
}

/** What a command may use; tests pass their own operator and streams. */
export interface CliIo {
  /**
   * The way to the org (operator.ts); `today` pins the day, when the command was given one;
   * `dryRun`: the command writes nothing, so a folder holding no org is planned against as empty.
   */
  connect: (today?: string, options?: ConnectOptions) => Promise<Operator>;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A command's work; its usage, options and examples are in help.ts. */
export interface Command {
  /** Returns the exit code; throws a CliFailure (or any error: exit 3) otherwise. */
  run: (args: string[], io: CliIo) => Promise<number>;
}

export const TODAY_OPTION = { today: { type: 'string' } } as const;

/**
 * Node's parseArgs, refusing an option of one value given twice: parseArgs keeps the last
 * silently, so `--scope platform --scope payments` answered for payments alone.
 */
export function parseOptions<T extends ParseArgsConfig>(
  config: T,
): ReturnType<typeof parseArgs<T>> {
  const parsed = parseArgs({ ...config, tokens: true });
  const given = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option' || config.options?.[token.name]?.multiple) continue;
    if (given.has(token.name)) throw badUsage(`--${token.name} is given twice: give it once`);
    given.add(token.name);
  }
  return parsed as ReturnType<typeof parseArgs<T>>;
}

/** An option's day (`--on 2026-12-15`), checked here so the refusal names the option. */
export function dayFrom(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return value;
  if (!isDay(value)) {
    throw badUsage(`${option}: malformed date "${value}" (expected an existing day, YYYY-MM-DD)`);
  }
  if (!isOrgDay(value)) {
    throw badUsage(`${option}: ${value} must be between ${ORG_DAYS.first} and ${ORG_DAYS.last}`);
  }
  return value;
}

/** Connects, runs `use`, and always lets go of the database (or the folder's lock). */
export async function withOperator<T>(
  io: CliIo,
  today: string | undefined,
  use: (operator: Operator) => Promise<T>,
  options?: ConnectOptions,
): Promise<T> {
  const operator = await io.connect(dayFrom('--today', today), options);
  try {
    return await use(operator);
  } finally {
    await operator.close();
  }
}

/** A write's userErrors, one line each, and the exit code of refused input. */
export function reportUserErrors(
  io: CliIo,
  userErrors: { path: string | null; message: string }[],
  /** The command's own name of each input field it fills (`input.on` → `--on`). */
  said: Record<string, string> = {},
): number {
  for (const e of userErrors) {
    const where = e.path ? (said[e.path] ?? e.path) : null;
    io.err(`${where ? `${where}: ` : ''}${e.message}\n`);
  }
  return 2;
}
