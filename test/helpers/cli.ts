import { inProcess } from '../../src/cli/operator.js';
import { type CliIo, runOrgCli } from '../../src/cli/org.js';
import { type TestApp, TODAY } from './app.js';

/**
 * `npm run org -- …` as a test runs it: in process, on the test's own database (left open
 * when a command closes it), on TODAY, with what it prints kept.
 */
export function cliOn(t: TestApp) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    connect: async (today) => ({
      ...inProcess(t.database, t.config, today),
      close: async () => {},
    }),
    out: (text) => void out.push(text),
    err: (text) => void err.push(text),
  };
  const run = (...args: string[]) => runOrgCli([...args, '--today', TODAY], io);
  return { run, out: () => out.join(''), err: () => err.join('') };
}
