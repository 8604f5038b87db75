import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { buildPgliteTemplate } from './src/db/pglite-template.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** What `npm start`, the CLI and the process tests run (package.json scripts, test/ops). */
const ENTRIES = ['server/main.ts', 'cli/org.ts', 'cli/migrate.ts', 'cli/seed.ts'];

/**
 * Packages stay in node_modules (PGlite finds its WebAssembly beside its own code), except
 * drizzle-orm: Node 24 reads a package's package.json again for every import inside it, and
 * drizzle's is 179 KB, which cost each process two seconds of CPU; bundled, it is read never.
 */
const packagesButDrizzle: Plugin = {
  name: 'packages-but-drizzle',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path }) =>
      /^drizzle-orm(\/|$)/.test(path) ? undefined : { path, external: true },
    );
  },
};

/**
 * Bundles our code into one file per entry point over tsc's dist/ (run after `tsc -b`): a
 * process loads a few dozen files instead of 250 of ours and 150 of drizzle's. Code a
 * command loads when it runs (`await import`) goes to dist/chunks, named by content; the
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
    plugins: [packagesButDrizzle],
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
