import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { buildPgliteTemplate } from './src/db/pglite-template.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** What `npm start`, the CLI and the process tests run (package.json scripts, test/ops). */
const ENTRIES = ['server/main.ts', 'cli/org.ts', 'cli/migrate.ts', 'cli/seed.ts'];

/**
 * Every package is bundled in but three. Loading a package costs Node a resolution, a read
 * and a parse per file (and on Node 24 its package.json again for every import inside it:
 * drizzle-orm's is 179 KB): graphql-yoga alone took 0.6 s of a start; bundled, a server
 * starts about 0.6 s sooner (Node 20) and 1 s (Node 24). Left out: PGlite, which finds its
 * WebAssembly beside its own code; GraphiQL's page, 9 MB that only `GET /graphql` in a
 * browser loads; and pg-native, which `pg` tries only when asked. (jsonc-parser, required
 * at run time by src/orgdoc/json-text.ts, is not imported, so not bundled either.)
 */
const LEFT_OUT = /^@electric-sql\/pglite(\/|$)|^@graphql-yoga\/render-graphiql$|^pg-native$/;
const packagesBundled: Plugin = {
  name: 'packages-bundled',
  setup(build) {
    build.onResolve({ filter: LEFT_OUT }, ({ path }) => ({ path, external: true }));
  },
};

/**
 * Bundles our code and the packages into one file per entry point over tsc's dist/ (run
 * after `tsc -b`): a process loads a few files instead of nearly 300 of ours and hundreds of the
 * packages'. Code a command loads when it runs (`await import`) goes to dist/chunks, named by content; the
 * bundles sit where tsc's files did, so `new URL('../../…', import.meta.url)` still resolves.
 */
export async function bundleEntries(): Promise<void> {
  const { outputFiles } = await build({
    entryPoints: ENTRIES.map((entry) => here(`./src/${entry}`)),
    outbase: here('./src/'),
    outdir: here('./dist/'),
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    plugins: [packagesBundled],
    // The CommonJS packages bundled in still `require` Node's own modules.
    banner: {
      js: "import { createRequire as __orgraphRequire } from 'node:module'; const require = __orgraphRequire(import.meta.url);",
    },
    logLevel: 'warning',
    write: false,
  });
  // Only what changed is written and only chunks no longer made go: a process test of another
  // vitest run in this checkout never finds a file missing.
  for (const { path, contents } of outputFiles) {
    if (existsSync(path) && readFileSync(path).equals(contents)) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, contents);
  }
  const made = new Set(outputFiles.map(({ path }) => path));
  const chunks = here('./dist/chunks/');
  for (const file of existsSync(chunks) ? readdirSync(chunks) : []) {
    if (!made.has(join(chunks, file))) rmSync(join(chunks, file));
  }
}

// `npm run build`: the bundles, and the migrated cluster a new data folder starts from.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleEntries();
  await buildPgliteTemplate();
}
