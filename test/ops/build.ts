import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { runScratch } from './processes.js';

/**
 * vitest globalSetup: the process tests (test/ops) run the compiled server and CLI, as
 * `npm start` does; compile first so they never run a stale dist/ (a no-op when current;
 * tsc run by node itself, as npx costs a second of its own). Once the run is over, the data
 * folders its process tests made go.
 */
export default function build(): () => void {
  execFileSync('node', ['node_modules/typescript/bin/tsc', '-b', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
  return () => rmSync(runScratch(process.pid), { recursive: true, force: true });
}
