import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { bundleEntries } from '../../bundle.js';
import { runScratch } from './processes.js';

/**
 * Part of the global setup (test/helpers/global-setup.ts): the process tests (test/ops) run the compiled server and CLI, as
 * `npm start` does; compile and bundle first (bundle.ts), so they never run a stale dist/
 * (tsc is a no-op when current, and run by node itself, as npx costs a second of its own).
 * Once the run is over, the data folders its process tests made go.
 */
export default async function build(): Promise<() => void> {
  // A child process, awaited: the global setup's other parts go on beside it.
  await promisify(execFile)('node', [
    'node_modules/typescript/bin/tsc',
    '-b',
    'tsconfig.build.json',
  ]);
  await bundleEntries(); // as `npm run build` does
  return () => rmSync(runScratch(process.pid), { recursive: true, force: true });
}
