import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The dashboard's bundle, as src/server/dashboard.ts serves it: dist/app.js, app.css,
 * chunk-*.js, each beside its brotli (.br) and gzip (.gz) bodies.
 */
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
  for (const file of files) compressBeside(outdir + file);
  return Object.fromEntries(files.map((f) => [f, statSync(outdir + f).size]));
}

/**
 * The best ratio once, here: at brotli's top quality 111 KB take about 200 ms, which a server
 * compressing at its first visit spent with its event loop blocked.
 */
function compressBeside(path: string): void {
  const body = readFileSync(path);
  const quality = { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY };
  writeFileSync(`${path}.br`, brotliCompressSync(body, { params: quality }));
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = await buildDashboard();
  const line = Object.entries(sizes).map(
    ([file, bytes]) => `${file} ${(bytes / 1024).toFixed(1)} KiB`,
  );
  console.log(`web/dist: ${line.join(', ')}`);
}
