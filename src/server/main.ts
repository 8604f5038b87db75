/**
 * The server's entry point (`npm start`). Its settings are checked before the server's
 * modules load (about a second of a start): a bad setting is said at once, in the same line
 * and exit code a failed start gives (failures.ts). `serve.ts` starts it.
 */
import { loadConfig } from './config.js';
import { ConfigError } from './config-error.js';
import { argumentsAnswer } from './server-args.js';

const answer = argumentsAnswer(process.argv.slice(2));
if (answer) {
  (answer.exit === 0 ? console.log : console.error)(answer.text);
  process.exit(answer.exit);
}
try {
  loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`orgraph could not start: ${error.message}`);
    process.exit(2);
  }
  // Anything else the start meets again and describes itself.
}
await import('./serve.js');
