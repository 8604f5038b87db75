import { type DocumentNode, Kind, type OperationDefinitionNode, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { inProcess } from '../../src/cli/operator.js';
import { type CliIo, runOrgCli } from '../../src/cli/org.js';
import { todayUtc } from '../../src/core/org/days.js';
import { loadDemo } from '../../src/demo/load.js';
import { schema } from '../../src/graphql/schema.js';
import { loadConfig } from '../../src/server/config.js';
import type { TestApp } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import {
  type CodeBlock,
  codeBlocks,
  DOCS,
  readDoc,
  readShownOutput,
  showsPartOf,
} from './markdown.js';

// Every example of README.md and docs/ is run on the demo org as `npm start` loads it, and
// must answer what it shows, on the day the suite runs and years later: the demo's history
// is fixed (src/demo/load.ts, DEMO_DAY) and a reader may load it on any day. GraphQL blocks run in document order (a scenario created by one is read
// by the next); a JSON block right after one is its answer, ellipses marking what it trims.
// `$ npm run org -- …` lines run the CLI and must print the lines shown under them.

const DAYS = [todayUtc(), '2031-06-30'];

/** The CLI commands run from the docs: those that read the demo (imports need their files). */
const RUNNABLE_COMMANDS = new Set(['check', 'help']);

const executable = (document: DocumentNode) =>
  document.definitions.every(
    (d) => d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION,
  );

const variablesOf = (document: DocumentNode) =>
  document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .flatMap((d) => d.variableDefinitions ?? [])
    .map((v) => v.variable.name.value);

/** Variables a later example may use: the id of the last scenario an example created. */
function remember(data: unknown, known: Record<string, unknown>): void {
  if (data === null || typeof data !== 'object') return;
  for (const [key, value] of Object.entries(data)) {
    const id = (value as { id?: unknown } | null)?.id;
    if (key === 'scenario' && typeof id === 'string') known.id = id;
    remember(value, known);
  }
}

async function runGraphqlExamples(t: TestApp, blocks: CodeBlock[], where: string) {
  const known: Record<string, unknown> = {};
  for (const [index, block] of blocks.entries()) {
    if (block.lang !== 'graphql') continue;
    const at = `${where}:${block.line}`;
    const document = parse(block.text);
    if (!executable(document)) continue; // the contract's type definitions
    expect(
      validate(schema, document).map((e) => e.message),
      at,
    ).toEqual([]);
    const variables = variablesOf(document);
    if (!variables.every((name) => name in known)) continue; // a form to fill in ($doc)
    const result = await t.gql(block.text, known);
    expect(result.errors, at).toBeUndefined();
    remember(result.data, known);
    const next = blocks[index + 1];
    if (next?.lang !== 'json') continue;
    const shown = readShownOutput(next.text);
    const message = `${where}:${next.line} shows another answer than\n${JSON.stringify(result.data, null, 1)}`;
    expect(showsPartOf(shown, result.data), message).toBe(true);
  }
}

/** `npm run org -- a "b c"` → ['a', 'b c']. */
const argsOf = (line: string) =>
  [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => (m[1] ?? m[2]) as string).slice(3);

async function runCliExamples(t: TestApp, day: string, blocks: CodeBlock[], where: string) {
  for (const block of blocks) {
    const lines = block.text.split('\n');
    for (const [index, line] of lines.entries()) {
      if (!line.startsWith('$ npm run org -- ')) continue;
      const args = argsOf(line.slice(2));
      if (!RUNNABLE_COMMANDS.has(args[0] ?? '')) continue;
      const end = lines.findIndex((l, i) => i > index && l.startsWith('$ '));
      const shown = lines.slice(index + 1, end === -1 ? undefined : end).join('\n');
      const printed: string[] = [];
      const io: CliIo = {
        connect: async () => ({
          ...inProcess(t.database, loadConfig({}), day),
          close: async () => {},
        }),
        out: (text) => void printed.push(text),
        err: (text) => void printed.push(text),
      };
      await runOrgCli(args, io);
      expect(printed.join('').trimEnd(), `${where}:${block.line + index + 1}`).toBe(
        shown.trimEnd(),
      );
    }
  }
}

describe.each(DAYS)('the examples of the docs, asked on %s', (day) => {
  const t = useTestOrg(undefined, {
    today: day,
    setup: (builder) => loadDemo(builder.database.db),
  });

  it.each(DOCS)('%s', async (path) => {
    const blocks = codeBlocks(readDoc(path));
    await runGraphqlExamples(t, blocks, path);
    await runCliExamples(t, day, blocks, path);
  });
});
