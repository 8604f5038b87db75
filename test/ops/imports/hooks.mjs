import { writeSync } from 'node:fs';

// Module hooks (node:module register): every module the process loads, one line on stderr.
export async function load(url, context, next) {
  writeSync(2, `loaded module ${url}\n`);
  return next(url, context);
}
