import { describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/help.js';
import { type CliIo, runOrgCli } from '../../src/cli/org.js';

// Help for every command, and usage errors in the CLI's own words: all answered before the
// command connects to anything (connecting fails this test).

async function org(...argv: string[]) {
  const printed: string[] = [];
  const io: CliIo = {
    connect: () => Promise.reject(new Error('connected: help and usage errors must not')),
    out: (text) => void printed.push(text),
    err: (text) => void printed.push(text),
  };
  const code = await runOrgCli(argv, io);
  return { code, output: printed.join('') };
}

const COMMANDS = Object.keys(HELP);

describe('npm run org -- help', () => {
  it('knows every command', () => {
    expect(COMMANDS).toEqual([
      'import',
      'export',
      'assign',
      'depart',
      'check',
      'churn',
      'scenario',
      'token',
      'help',
    ]);
  });

  it.each(COMMANDS)(
    '%s: help COMMAND, COMMAND --help and -h give its usage and examples',
    async (name) => {
      const help = await org('help', name);
      expect(help.code).toBe(0);
      expect(help.output).toMatch(new RegExp(`^Usage: npm run org -- ${name}`));
      expect(help.output).toMatch(/\nExamples:\n {2}npm run org -- \w/);
      expect(await org(name, '--help')).toEqual(help);
      expect(await org(name, '-h')).toEqual(help);
      // Every command but help takes --today (docs/cli.md): its help says so.
      expect(help.output.includes('\n  --today DATE  ')).toBe(name !== 'help');
    },
  );

  it('--help, -h, help and nothing list every command', async () => {
    const list = await org('--help');
    expect(list.code).toBe(0);
    for (const name of COMMANDS) expect(list.output).toMatch(new RegExp(`\n {2}${name} +\\w`));
    for (const argv of [['-h'], ['help'], []]) expect(await org(...argv)).toEqual(list);
  });
});

describe('npm run org -- usage errors, in the CLI’s own words', () => {
  it.each([
    [
      ['check', '--fail-on', 'bogus'],
      /^--fail-on: "bogus" is not one of teams-without-tech-lead, vacant-seat, .*, unowned-aor, successor-concentration, tech-lead-off-team, tech-lead-reports-elsewhere, wide-span, long-acting\n/,
    ],
    [
      ['check', '--min-severity', 'dire'],
      /^--min-severity: "dire" is not one of CRITICAL, HIGH, MEDIUM, LOW\n/,
    ],
    [
      ['assign', 'labs', 'CTO', 'vic@example.com'],
      /^SEAT: "CTO" is not one of ENG_LEAD, TECH_LEAD\n/,
    ],
    [
      ['assign', 'labs', 'ENG_LEAD', 'vic@example.com', '--since', 'monday'],
      /^--since: malformed date "monday"/,
    ],
    [
      ['depart', 'vic@example.com', '--on', '2026-02-30'],
      /^--on: malformed date "2026-02-30" \(expected an existing day, YYYY-MM-DD\)\n/,
    ],
    [['scenario', 'show', '1', '--as-of', '1st'], /^--as-of: malformed date "1st"/],
    [
      ['token', 'create', '--role', 'boss', '--name', 'x'],
      /^--role: "boss" is not one of VIEWER, PLANNER, ADMIN\n/,
    ],
    [['token', 'create', '--name', 'x'], /^--role is needed: one of VIEWER, PLANNER, ADMIN\n/],
    [['token', 'create', '--role', 'ADMIN'], /^--name is needed: what the token is for\n/],
    [
      ['import', '--from', 'ldap', 'org.ldif'],
      /^--from: "ldap" is not one of document, backstage, csv\n/,
    ],
    [['import', '--bogus', 'org.yaml'], /^Unknown option '--bogus'\n/],
    [
      ['scenario', 'list', '--as-of', '2026-01-01'],
      /^--as-of is for "scenario show ID": a list of scenarios has no day\n/,
    ],
    // An option followed by another: one line, not Node's three (its first ended ".\nDid you…").
    [
      ['check', '--scope', '--fail-on', 'unowned-aor'],
      /^Option '--scope' argument is ambiguous: did you forget its value\?\nRun /,
    ],
    // An option of one value given twice: the last one won silently.
    [
      ['check', '--scope', 'platform', '--scope=payments'],
      /^--scope is given twice: give it once\n/,
    ],
    [['export', '--today', '2026-12-01', '--today', '2026-12-02'], /^--today is given twice/],
    // A typo of one of the command's options names it (there was no hint).
    [['check', '--fial-on', 'unowned-aor'], /^Unknown option '--fial-on' \(--fail-on\?\)\n/],
    [['import', 'org.yaml', '--dryrun'], /^Unknown option '--dryrun' \(--dry-run\?\)\n/],
    // Not an option of another letter (they were: --today?, --to?), and what other tools call
    // an option named as this one calls it.
    [['export', 'org.yaml', '--format', 'yaml'], /^Unknown option '--format'\n/],
    [
      ['churn', '--from', '2025-12-01', '--to', '2026-11-30', '--csv'],
      /^Unknown option '--csv' \(--format\?\)\n/,
    ],
    [
      ['assign', 'network', 'TECH_LEAD', 'ola@example.com', '--start', '2026-12-01'],
      /^Unknown option '--start' \(--since\?\)\n/,
    ],
    [
      ['depart', 'eli@example.com', '--todya=2026-12-01'],
      /^Unknown option '--todya' \(--today\?\)\n/,
    ],
    [
      ['churn', '--from', '2026-13-01', '--to', '2026-11-30'],
      /^--from: malformed date "2026-13-01"/,
    ],
    // A well-formed day the org cannot mean is not "malformed".
    [
      ['depart', 'vic@example.com', '--on', '1800-01-01'],
      /^--on: 1800-01-01 must be between 1900-01-01 and 2999-12-31\n/,
    ],
    // Said in the options' own names, before anything is asked.
    [
      ['churn', '--from', '2026-12-01', '--to', '2026-11-30'],
      /^--from: 2026-12-01 is after --to 2026-11-30\n/,
    ],
  ])('%j', async (args, message) => {
    const { code, output } = await org(...args);
    expect(code).toBe(2);
    expect(output).toMatch(message);
    expect(output).toContain(`Run \`npm run org -- help ${args[0]}\` for usage and examples.\n`);
    expect(output).not.toMatch(/Variable "\$|GraphQL|To specify a positional/);
  });

  it.each([[['frobnicate']], [['help', 'frobnicate']]])(
    'an unknown command lists the commands, asked to run or for its help: %j',
    async (args) => {
      const { code, output } = await org(...args);
      expect(code).toBe(2);
      expect(output).toBe(
        `unknown command "frobnicate": the commands are ${COMMANDS.join(', ')}\n` +
          'Run `npm run org -- help` for usage and examples.\n',
      );
    },
  );

  it.each([
    [
      ['--today', '2026-05-01', 'check', '--fail-on', 'unowned-aor'],
      '--today: options come after the command: npm run org -- check --today 2026-05-01 --fail-on unowned-aor',
    ],
    [
      ['--today', '2026-05-01'],
      '--today: options come after the command (npm run org -- COMMAND OPTIONS…)',
    ],
    [['help', 'assign', 'extra'], 'help takes one COMMAND: "extra" is more'],
  ])('a line in the wrong order is refused, saying which: %j', async (args, message) => {
    const { code, output } = await org(...args);
    expect(code).toBe(2);
    expect(output).toBe(`${message}\nRun \`npm run org -- help\` for usage and examples.\n`);
  });
});
