import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_LIMITS } from '../../src/orgdoc/file-limits.js';
import { parseOrgFile } from '../../src/orgdoc/parse.js';
import { run, scratchDir } from './processes.js';

/**
 * Hostile import files, through the compiled CLI of every format: each is refused as bad input
 * (exit 2, one line naming the file and the limit), before any database is opened, within two
 * seconds of CPU and 200 MB of memory. The CPU time, not the wall clock, is held to the budget:
 * the machine's two cores are shared, and a start-up alone may wait a second for one.
 */
const dir = scratchDir();
const LEVELS = 100_000;

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** "Billion laughs": nine aliases of nine aliases of … of nine strings. */
function aliasBomb(top: string): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i += 1) {
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  }
  return `${top}\n${lines.join('\n')}\nspec: { members: *a9 }\n`;
}

const ALIASED = /YAML aliases \(\*name, <<\) repeat over the 1,000,000 values allowed/;
const catalogHead = 'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: x }';
const deepFlow = '['.repeat(LEVELS) + ']'.repeat(LEVELS);

const BOMBS: [string, string[], string, RegExp][] = [
  ['a YAML alias bomb', [], aliasBomb('people: []'), ALIASED],
  ['a YAML alias bomb (Backstage)', ['--from', 'backstage'], aliasBomb(catalogHead), ALIASED],
  [
    'YAML of 12,000 aliases',
    [],
    `people:\n  - &a { email: a@example.com }\n${'  - { <<: *a }\n'.repeat(12_000)}`,
    /over the 10,000 YAML aliases \(\*name, <<\) allowed/,
  ],
  ['YAML nested 100k levels', [], `people: ${deepFlow}\n`, /nested over 64 levels/],
  ['YAML "- " nested 100k levels', [], `people:\n${'- '.repeat(LEVELS)}x\n`, /nested over/],
  [
    'YAML nested 100k levels (Backstage)',
    ['--from', 'backstage'],
    `${catalogHead}\nspec: ${deepFlow}\n`,
    /nested over 64 levels/,
  ],
  ['JSON nested 100k levels', [], `{"people": ${deepFlow}}`, /nested over 64 levels/],
];

// One bound for Node 20 and 24: the file is read and refused before drizzle-orm is loaded,
// whose ES modules alone cost about 200 MB on Node 22 and later (src/db/enum-values.ts).
const PEAK_MB = 200;

describe('import limits (the compiled CLI)', () => {
  it.each(BOMBS)('%s: exit 2, within 2 s of CPU and 200 MB', async (_, flags, text, message) => {
    const ext = _.startsWith('JSON') ? 'json' : 'yaml';
    const path = file(`bomb-${BOMBS.findIndex((b) => b[0] === _)}.${ext}`, text);
    const env = { ORGRAPH_DATA_DIR: join(dir, 'never-opened') };
    const cli = run(
      'node',
      ['--import', './test/ops/usage-hook.mjs', 'dist/cli/org.js', 'import', ...flags, path],
      env,
    );
    const code = await cli.exited;
    const output = cli.output();
    expect(code, output).toBe(2);
    // A catalog's files are named as the user wrote them, relative to the catalog.
    expect(output).toContain(basename(path));
    expect(output).toMatch(message);
    expect(output).not.toMatch(/\n\s+at /);
    const usage = JSON.parse(/USAGE (.*)/.exec(output)?.[1] ?? '{}');
    expect(usage.cpuMs).toBeLessThanOrEqual(2000);
    expect(usage.maxRssMb).toBeLessThanOrEqual(PEAK_MB);
  });

  it('refuses a CSV file over the size limit before reading it', async () => {
    const path = join(dir, 'huge.csv');
    writeFileSync(path, '');
    const { truncateSync } = await import('node:fs');
    truncateSync(path, FILE_LIMITS.bytes + 1);
    const cli = run('node', ['dist/cli/org.js', 'import', '--from', 'csv', path]);
    expect(await cli.exited).toBe(2);
    expect(cli.output()).toMatch(/MB is over the 64 MB an import file may have/);
  });

  it.runIf(process.platform === 'linux')(
    'refuses a file with no size to tell (/dev/zero) once the limit is read, not out of memory',
    async () => {
      // Its size read 0, so it was read until the machine ran out (23 GB, the CLI killed).
      const env = { ORGRAPH_DATA_DIR: join(dir, 'never-opened') };
      const args = ['--import', './test/ops/usage-hook.mjs', 'dist/cli/org.js', 'import'];
      const cli = run('node', [...args, '/dev/zero'], env);
      expect(await cli.exited).toBe(2);
      expect(cli.output()).toMatch(/^\/dev\/zero: more than the 64 MB an import file may have$/m);
      const usage = JSON.parse(/USAGE (.*)/.exec(cli.output())?.[1] ?? '{}');
      expect(usage.maxRssMb).toBeLessThanOrEqual(PEAK_MB);
    },
  );
});

describe('a named pipe', () => {
  it.runIf(process.platform === 'linux')(
    'no one writes to is waited for with Ctrl-C heard; one written to is read whole',
    async () => {
      // Opened in the event loop's thread, a pipe with no writer blocked it for good: Ctrl-C
      // went unheard (the process had to be killed).
      const pipe = join(dir, 'org.pipe');
      execFileSync('mkfifo', [pipe]);
      const env = { ORGRAPH_DATA_DIR: join(dir, 'pipe-data') };
      const waiting = run('node', ['dist/cli/org.js', 'import', '--dry-run', pipe], env);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      waiting.child.kill('SIGINT');
      const stopped = await Promise.race([
        waiting.exited.then(() => 'stopped'),
        new Promise((resolve) => setTimeout(() => resolve('still waiting'), 10_000)),
      ]);
      if (stopped !== 'stopped') waiting.child.kill('SIGKILL');
      expect(stopped).toBe('stopped');
      // The same pipe, written to: its document is read and planned.
      const reading = run('node', ['dist/cli/org.js', 'import', '--dry-run', pipe], env);
      // Written from the thread pool: this test's own event loop stays free to time out.
      await writeFile(pipe, JSON.stringify({ people: [{ email: 'p@example.com', name: 'P' }] }));
      expect(await reading.exited, reading.output()).toBe(0);
      expect(reading.output()).toMatch(/1 to create/);
    },
    30_000,
  );
});

describe('the limits leave real files alone', () => {
  it('reads a document nested as deep as an org document goes, comments and quotes aside', () => {
    const yaml = [
      '# people: [[[[[[ (a comment is not nesting)',
      'people:',
      "  - { email: o'brien@example.com, name: \"Tess [the] O'Brien {x\", title: '[[[[' }",
      'units:',
      '  - slug: a',
      '    aors:',
      '      - slug: x',
      '        backups: [a@example.com, [b@example.com]]',
    ].join('\n');
    expect(parseOrgFile(yaml, 'org.yaml')).toMatchObject({ people: [{ title: '[[[[' }] });
    const json = JSON.stringify({ people: [{ name: '[[[[{{{{'.repeat(20) }] });
    expect(parseOrgFile(json, 'org.json')).toMatchObject({ people: [{}] });
  });

  it('reads shared fields merged into every entry, however many entries use them', () => {
    // The `yaml` package's own limit refused a 101st use of an anchor as an attack.
    const people = Array.from(
      { length: 5_000 },
      (_, n) => `  - { <<: *engineer, email: e${n}@example.com, name: E${n} }`,
    );
    const first = '  - &engineer { email: t@example.com, name: T, title: Engineer, level: L4 }';
    const yaml = ['people:', first, ...people].join('\n');
    const { people: read } = parseOrgFile(yaml, 'org.yaml') as { people: unknown[] };
    expect(read).toHaveLength(5_001);
    expect(read.at(-1)).toEqual({
      email: 'e4999@example.com',
      name: 'E4999',
      title: 'Engineer',
      level: 'L4',
    });
  });

  it('refuses an alias inside the value it names, saying so', () => {
    expect(() => parseOrgFile('people: &p [*p]', 'org.yaml')).toThrow(ALIASED);
  });
});
