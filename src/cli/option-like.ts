import { suggestionList } from 'graphql/jsutils/suggestionList.js';
import { HELP, HELP_FLAGS, TODAY } from './help.js';

/** Options people reach for from other tools, and the command's own that does it. */
const MEANT: Record<string, readonly string[]> = {
  '--csv': ['--format'],
  '--json': ['--format'],
  '--start': ['--since', '--on'],
  '--date': ['--on', '--since'],
  '--as-of': ['--today'],
};

/**
 * The option of `command` that `option` looks like: a typo (`--fial-on`: `--fail-on`), by the
 * distance graphql-js measures for its own "Did you mean", of an option with the same first
 * letter (short names are all near each other: `--format` is no typo of `--today`); or the
 * command's option for what another tool calls `--csv` or `--start`.
 */
export function optionLike(command: string, option: string): string | undefined {
  if (!HELP[command]) return undefined;
  const options = [...optionsOf(command), ...HELP_FLAGS];
  const meant = MEANT[option]?.find((name) => options.includes(name));
  return meant ?? suggestionList(option, options).find((name) => name[2] === option[2]);
}

/** The options `command` takes, as its help writes them (`--today` too). */
export function optionsOf(command: string): string[] {
  const help = HELP[command];
  if (!help) return [];
  const text = [help.usage, ...help.details, TODAY.option].join(' ');
  return [...new Set(text.match(/--[a-z][a-z-]*/g))];
}
