import { type Config, DEFAULT_DATA_DIR } from './config.js';

/** What the start knows of the org it serves, beyond its settings. */
export interface Started {
  /** The demo's ADMIN token, minted by this start (shown this once). */
  demoToken?: string;
  /** The org has no unit: nothing has been brought in yet (a workers' primary: as its last worker found it). */
  orgEmpty?: boolean;
  /** Printed for a person at a terminal (else one JSON log line). */
  tty: boolean;
  /** What is said of `ORGRAPH_*` variables set that orgraph does not read (`ignoredSettings`). */
  ignored?: string[];
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

/**
 * How to run the CLI on the same database: a command in another shell uses the default
 * folder unless told otherwise, and a token made there works nowhere (the URL is not shown:
 * it may hold a password).
 */
function sameDatabase(config: Config): { prefix: string; after: string } {
  if (config.databaseUrl) return { prefix: '', after: ' with the same DATABASE_URL' };
  if (config.dataDir === DEFAULT_DATA_DIR) return { prefix: '', after: '' };
  return { prefix: `ORGRAPH_DATA_DIR=${config.dataDir} `, after: '' };
}

/** The demo's token, shown this once: on its own line to copy at a terminal. */
const demoNote = (token: string, tty: boolean) =>
  `Loaded the demo org. ${
    tty
      ? `An ADMIN token for it, shown this once:\n  ${token}\n`
      : 'demoToken is an ADMIN token for it, shown this once. '
  }Send it as "Authorization: Bearer <token>" (GraphiQL: the Headers tab).`;

/**
 * The notes under the start's "listening" line: the demo's token; else what to do next —
 * bring the org in when there is none, make a token when requests need one; and a warning
 * when reads are open beyond this machine.
 */
export function startNotes(config: Config, started: Started): string[] {
  const notes: string[] = [...(started.ignored ?? [])];
  const { prefix, after } = sameDatabase(config);
  const cli = (command: string) => `${prefix}npm run org -- ${command}${after}`;
  if (config.adminToken && config.adminToken.length < 16) {
    notes.push('ORGRAPH_ADMIN_TOKEN is short: use 16 characters or more outside local use.');
  }
  if (started.demoToken) notes.push(demoNote(started.demoToken, started.tty));
  else if (started.orgEmpty) {
    notes.push(
      `The org is empty: bring yours in with ${cli('import FILE')} (an org document, a Backstage catalog or an HR export: docs/imports.md).`,
    );
  }
  if (!started.demoToken && !config.adminToken && !config.openRead) {
    notes.push(
      `Requests need an API token${started.orgEmpty === false ? '; those made before still work' : ''}. A new one: ` +
        `${cli('token create --role ADMIN --name "my laptop"')} ` +
        '(or set ORGRAPH_ADMIN_TOKEN; ORGRAPH_OPEN_READ=VIEWER opens reads, for local use).',
    );
  }
  if (config.openRead && !LOOPBACK.test(config.host)) {
    notes.push(
      `ORGRAPH_OPEN_READ=${config.openRead}: anyone who can reach ${config.host} reads the org without a token (sent to an IP address, or a name listed in ORGRAPH_OPEN_READ_HOSTS). Keep open reads on HOST=127.0.0.1 (docs/access.md).`,
    );
  }
  return notes;
}
