import { execFileSync } from 'node:child_process';

/**
 * vitest globalSetup: the process tests (test/ops) run the compiled server and CLI, as
 * `npm start` does; compile first so they never run a stale dist/ (a no-op when current).
 */
export default function build(): void {
  execFileSync('npx', ['tsc', '-b', 'tsconfig.build.json'], { stdio: 'inherit' });
}
