import { defineConfig } from 'vitest/config';
import { ProcessTestsFirst } from './test/helpers/sequencer.js';

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS and ESM copies: Node (and the libraries vitest leaves external)
    // load the CJS one, so the code under test must use it too, or `instanceof` checks
    // between two `graphql` realms fail.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // The browser tests serve a fresh bundle of web/; the process tests (test/ops) run the
    // compiled server and CLI, as `npm start` does: build both first (no-ops when current).
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: more workers than that only makes PGlite start-ups fight.
    maxWorkers: 2,
    // A worker runs its files one after the other in one process: the app's modules (the
    // schema) are loaded once, and a file's PGlite goes, emptied, to the next file
    // (test/helpers/pglite.ts). A new process per file cost seconds of CPU each.
    isolate: false,
    // Each test stands alone (test/helpers/test-org.ts): every run takes a file's tests in a
    // new order, so one that leans on another's writes fails. The seed is printed; rerun an
    // order with --sequence.seed=N.
    sequence: { shuffle: { files: false, tests: true }, sequencer: ProcessTestsFirst },
  },
});
