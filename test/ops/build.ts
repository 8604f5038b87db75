import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { bundleEntries } from '../../bundle.js';
import { runScratch } from './processes.js';

/**
 * vitest globalSetup: the process tests (test/ops) run the compiled server and CLI, as
 * `npm start` does; compile and bundle first (bundle.ts), so they never run a stale dist/
 * (tsc is a no-op when current, and run by node itself, as npx costs a second of its own).
 * Once the run is over, the data folders its process tests made go.
 */
export default async function build(): Promise<() => void> {
  execFileSync('node', ['node_modules/typescript/bin/tsc', '-b', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
  await bundleEntries(); // as `npm run build` does
  return () => rmSync(runScratch(process.pid), { recursive: true, force: true });
}
