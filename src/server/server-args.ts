import { wrapped } from '../core/collections.js';
import { SERVER_SETTINGS } from './config.js';

const HELP = [
  'Usage: npm start   (or: node dist/server/main.js)',
  '',
  'Starts the orgraph server: GraphQL at /graphql, the coverage dashboard at /, health at',
  '/health and /ready, Prometheus metrics at /metrics. It takes no arguments: its settings',
  'are environment variables (what each does: docs/operations.md, "Configuration"):',
  ...wrapped(SERVER_SETTINGS, '  '),
  '',
  'Examples:',
  '  npm start',
  '  PORT=4100 ORGRAPH_DATA_DIR=/srv/orgraph npm start',
  '  DATABASE_URL=postgres://orgraph@db.internal/orgraph ORGRAPH_WORKERS=2 npm start',
  '',
  'Commands (import, export, tokens, writes, checks): npm run org -- help',
].join('\n');

/**
 * What the server says to the arguments it was started with, if any: its help, or that it
 * takes none. `npm start -- import people.csv` started a server on port 4000 and left the
 * file unread without a word.
 */
export function argumentsAnswer(args: readonly string[]): { text: string; exit: number } | null {
  if (args.length === 0) return null;
  if (args.some((arg) => ['--help', '-h', 'help'].includes(arg))) return { text: HELP, exit: 0 };
  const given = JSON.stringify(args.join(' '));
  return {
    text: `orgraph could not start: the server takes no arguments (given ${given}); its settings are environment variables (npm start -- --help), and commands such as import run with npm run org -- ${args[0]}`,
    exit: 2,
  };
}
