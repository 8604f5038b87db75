import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS and ESM copies: Node (and the libraries vitest leaves external)
    // load the CJS one, so the code under test must use it too, or `instanceof` checks
    // between two `graphql` realms fail.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // The process tests run the compiled server and CLI: build them first (test/ops/build.ts).
    globalSetup: ['test/ops/build.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: more workers than that only makes PGlite start-ups fight.
    maxWorkers: 2,
  },
});
