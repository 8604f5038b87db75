import { register } from 'node:module';

// `node --import ./test/ops/imports/register.mjs …`: tells which modules a command loads.
register('./hooks.mjs', import.meta.url);
