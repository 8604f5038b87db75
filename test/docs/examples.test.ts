import { type DocumentNode, Kind, type OperationDefinitionNode, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { HELP } from '../../src/cli/help.js';
import { inProcess } from '../../src/cli/in-process.js';
import { type CliIo, runOrgCli } from '../../src/cli/org.js';
import { todayUtc } from '../../src/core/org/days.js';
import { loadDemo } from '../../src/demo/load.js';
import { schema } from '../../src/graphql/schema.js';
import { YAML_READ } from '../../src/orgdoc/file-limits.js';
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
// `$ npm run org -- …` lines run the CLI and must print the lines shown under them; a YAML
// org document must import (as a dry run) without a problem.

const DAYS = [todayUtc(), '2031-06-30'];

/** CLI commands the docs show but that are not run: they read and write the reader's files. */
const FILE_COMMANDS = new Set(['import', 'export']);

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

/** One GraphQL example: valid, answered without errors, and as shown by the JSON after it. */
async function runGraphqlExample(
  t: TestApp,
  block: CodeBlock,
  next: CodeBlock | undefined,
  known: Record<string, unknown>,
  where: string,
) {
  const document = parse(block.text);
  if (!executable(document)) return; // the contract's type definitions
  const at = `${where}:${block.line}`;
  expect(
    validate(schema, document).map((e) => e.message),
    at,
  ).toEqual([]);
  if (!variablesOf(document).every((name) => name in known)) return; // a form to fill ($doc)
  const result = await t.gql(block.text, known);
  expect(result.errors, at).toBeUndefined();
  remember(result.data, known);
  if (next?.lang !== 'json') return;
  const message = `${where}:${next.line} shows another answer than\n${JSON.stringify(result.data, null, 1)}`;
  expect(showsPartOf(readShownOutput(next.text), result.data), message).toBe(true);
}

const IMPORT = `mutation ($document: JSONObject!) { importOrg(document: $document, dryRun: true) {
  userErrors { path message }
} }`;
const SECTIONS = ['people', 'units', 'aors', 'succession', 'openRoles', 'policy'];

/** A YAML org document (every key a section of one): it imports, as a dry run, unrefused. */
async function runDocumentExample(t: TestApp, block: CodeBlock, where: string) {
  // Read as the import reads YAML; a block that is no mapping (alert rules, a list) is not one.
  const document: unknown = YAML.parse(block.text, YAML_READ);
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return;
  if (!Object.keys(document).every((key) => SECTIONS.includes(key))) return; // a catalog entity
  const { importOrg } = await t.data(IMPORT, { document });
  expect(importOrg.userErrors, `${where}:${block.line}`).toEqual([]);
}

/** `$ npm run org -- a "b c"` → ['a', 'b c']. */
const argsOf = (line: string) =>
  [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => (m[1] ?? m[2]) as string).slice(5);

/** The `$ npm run org -- …` lines of a block: each prints the lines shown under it. */
async function runCliExamples(t: TestApp, day: string, block: CodeBlock, where: string) {
  const lines = block.text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (!line.startsWith('$ npm run org -- ')) continue;
    const args = argsOf(line);
    // The command: the first word that is no option nor a day (an example may show options
    // put before it, and what that says).
    const command = args.find((word) => !/^(-|\d)/.test(word));
    expect(Object.keys(HELP), `${where}: ${line}`).toContain(command);
    if (FILE_COMMANDS.has(args[0] ?? '')) continue;
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
    const at = `${where}:${block.line + index + 1}`;
    expect(printed.join('').trimEnd(), at).toBe(shown.trimEnd());
  }
}

describe.each(DAYS)('the examples of the docs, asked on %s', (day) => {
  const t = useTestOrg(undefined, {
    today: day,
    setup: (builder) => loadDemo(builder.database.db),
  });

  it.each(DOCS)('%s', async (path) => {
    const blocks = codeBlocks(readDoc(path));
    const known: Record<string, unknown> = {};
    for (const [index, block] of blocks.entries()) {
      if (block.lang === 'graphql') {
        await runGraphqlExample(t, block, blocks[index + 1], known, path);
      } else if (block.lang === 'yaml') await runDocumentExample(t, block, path);
      else await runCliExamples(t, day, block, path);
    }
  });
});
