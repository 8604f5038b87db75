import { readdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The dashboard's bundle, as src/server/dashboard.ts serves it: dist/app.js, app.css, chunk-*.js. */
export async function buildDashboard(): Promise<Record<string, number>> {
  const outdir = here('./dist/');
  rmSync(outdir, { recursive: true, force: true }); // no chunk of an older build lingers
  await build({
    entryPoints: [
      { in: here('./src/main.tsx'), out: 'app' },
      { in: here('./src/style.css'), out: 'app' },
    ],
    outdir,
    bundle: true,
    minify: true,
    format: 'esm',
    // Code loaded only when needed (the trend chart) goes to chunks named by their content.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    // Browsers of the last few years; nothing is polyfilled or fetched at run time.
    target: ['es2022', 'chrome111', 'firefox111', 'safari16.4'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const files = readdirSync(outdir).filter((f) => !f.endsWith('.map'));
  return Object.fromEntries(files.map((f) => [f, statSync(outdir + f).size]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = await buildDashboard();
  const line = Object.entries(sizes).map(
    ([file, bytes]) => `${file} ${(bytes / 1024).toFixed(1)} KiB`,
  );
  console.log(`web/dist: ${line.join(', ')}`);
}
