import { DiskFull } from '../db/disk-room.js';
import { DataFolderUnreadable } from '../db/folder-unreadable.js';
import { ConfigError } from './config-error.js';
import { FolderInUse } from './data-lock.js';
import { causes, isDatabaseUnavailable } from './faults.js';
import { databaseAnswered } from './open-database.js';

/** Why a start (or a CLI command) could not run: one line for the operator, and the exit code. */
export interface Failure {
  line: string;
  /** 2: a setting to fix; 3: something around us (port, database, folder) to fix. */
  exitCode: 2 | 3;
}

/** Where the process meant to go: named in the lines, never with the password. */
export interface Setting {
  port?: number;
  host?: string;
  databaseUrl?: string;
}

type Explain = (error: NodeJS.ErrnoException, setting: Setting) => string | null;

const LISTEN: Record<string, (s: Setting) => string> = {
  EADDRINUSE: (s) =>
    `port ${s.port} on ${s.host} is already in use: stop what holds it or set PORT to a free port`,
  EACCES: (s) => `not allowed to listen on port ${s.port}: set PORT to 1024 or above`,
  EADDRNOTAVAIL: (s) =>
    `HOST ${s.host} is not an address of this machine: set HOST (127.0.0.1, or 0.0.0.0 for every interface)`,
  ENOTFOUND: (s) =>
    `HOST ${s.host} is not an address of this machine: set HOST (127.0.0.1, or 0.0.0.0 for every interface)`,
};

/** HOST's refusals are a bad setting (exit 2); the port's, what is around us (exit 3). */
const HOST_CODES = new Set(['EADDRNOTAVAIL', 'ENOTFOUND']);

function listenFailure(e: NodeJS.ErrnoException, s: Setting): Failure | null {
  const explain = LISTEN[e.code ?? ''];
  // A name that does not resolve is HOST's only if it is HOST (the database's has its own).
  const listening =
    e.syscall === 'listen' ||
    (e.syscall === 'getaddrinfo' && (e as { hostname?: string }).hostname === s.host);
  if (!explain || !listening) return null;
  return { line: explain(s), exitCode: HOST_CODES.has(e.code ?? '') ? 2 : 3 };
}

function postgresAt(url: string | undefined): { where: string; database: string; user: string } {
  const parsed = new URL(url ?? 'postgres://localhost');
  const database = decodeURIComponent(parsed.pathname.slice(1)) || 'postgres';
  return {
    where: `${parsed.hostname}:${parsed.port || 5432}`,
    database,
    user: decodeURIComponent(parsed.username),
  };
}

const NEVER_REACHED =
  /ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|timeout exceeded when trying to connect|connection timeout|timeout expired/;

/** A write refused by a read-only session, role default or replica. */
const READ_ONLY = '25006';
/** A table or schema the user may not use (to read it, or to write it). */
const NOT_ALLOWED = '42501';

const databaseFailure: Explain = (e, s) => {
  if (!s.databaseUrl) return null;
  const { where, database, user } = postgresAt(s.databaseUrl);
  if (e.code === '3D000')
    return `database "${database}" does not exist on PostgreSQL at ${where}: create it (createdb ${database}) or fix DATABASE_URL`;
  if (e.code === '28P01' || e.code === '28000')
    return `PostgreSQL at ${where} refused user "${user}": check the user and password in DATABASE_URL`;
  if (e.code === 'ENOTFOUND')
    return `cannot find the PostgreSQL host of DATABASE_URL (${where}): no such name (${e.code}); fix DATABASE_URL`;
  // The migrations' first table is there already: another application's database.
  if (e.code === '42P07')
    return `database "${database}" on PostgreSQL at ${where} holds tables orgraph did not make (${e.message}): give orgraph a database of its own (createdb orgraph), or fix DATABASE_URL`;
  if (/does not support SSL/i.test(e.message ?? ''))
    return `PostgreSQL at ${where} does not accept SSL connections: remove sslmode from DATABASE_URL, or turn SSL on there`;
  // PostgreSQL's own refusals (a database closed to connections: a bare 55000) say why.
  if (
    /^[0-9A-Z]{5}$/.test(e.code ?? '') &&
    isDatabaseUnavailable(e) &&
    !/^57P0[12]$/.test(e.code ?? '')
  )
    return `PostgreSQL at ${where} refused the connection: ${e.message.split('\n')[0]} (${e.code}); fix it, or DATABASE_URL`;
  const refusal = e.message?.split('\n')[0];
  if (e.code === READ_ONLY)
    return `PostgreSQL at ${where} did not let user "${user}" write to database "${database}" (${refusal}, ${e.code}): this command writes, or the database is not migrated yet (npm run db:migrate, as a user that may); use such a user in DATABASE_URL`;
  if (e.code === NOT_ALLOWED)
    return `PostgreSQL at ${where} did not let user "${user}" do what this command needs in database "${database}" (${refusal}, ${e.code}): grant it, or use another user in DATABASE_URL`;
  const cancelled = [...causes(e)].find((c) => (c as NodeJS.ErrnoException).code === '57014');
  if (cancelled) return cancelledLine(where, (cancelled as Error).message ?? '');
  if (!isDatabaseUnavailable(e)) return null;
  const chain = [...causes(e)] as NodeJS.ErrnoException[];
  // Said in the driver's words, not a wrapper's ("Failed query: rollback params: ").
  const root = chain.at(-1) as NodeJS.ErrnoException;
  const reason = root.code ?? root.message.split('\n')[0];
  // Lost while in use — after the database answered this process, and not a refusal or a
  // connect's timeout (a new connection of the pool) — what was under way rolls back with it.
  // Before, "Connection terminated" is also how pg tells a connect that timed out.
  const said = chain.map((c) => `${c.message} ${c.code}`).join(' ');
  if (databaseAnswered() && !NEVER_REACHED.test(said))
    return `lost the connection to PostgreSQL at ${where} (${reason}): what was under way was rolled back unless it had committed; try again once it answers`;
  // Closed by PostgreSQL itself (pg_terminate_backend, a restart) as this process began: it
  // was reached, and answers again once whoever closed it is done.
  const closed = chain.find((c) => /^57P0[12]$/.test(c.code ?? ''));
  if (closed)
    return `PostgreSQL at ${where} closed the connection (${closed.message.split('\n')[0]}, ${closed.code}): what was under way was rolled back unless it had committed; try again`;
  return `cannot reach PostgreSQL at ${where} (${reason}): start it, or fix DATABASE_URL`;
};

/** A statement PostgreSQL cancelled (57014): the connection is fine, the statement is not. */
function cancelledLine(where: string, message: string): string {
  const rolledBack = 'what was under way was rolled back';
  if (/statement timeout/i.test(message)) {
    return `PostgreSQL at ${where} cancelled a statement that ran past ORGRAPH_DB_STATEMENT_TIMEOUT_MS (57014), perhaps waiting for another write to finish: ${rolledBack}; try again, or raise the setting`;
  }
  return `PostgreSQL at ${where} cancelled a statement (${message.split('\n')[0]}, 57014): ${rolledBack}; try again`;
}

const FOLDER_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOSPC']);
// ENOENT only from making a folder (a parent that takes none, as under /proc): another file
// missing is not the data folder's doing.
const folderFailure: Explain = (e) =>
  e.path && (FOLDER_CODES.has(e.code ?? '') || (e.code === 'ENOENT' && e.syscall === 'mkdir'))
    ? `cannot use ${e.path} (${e.code}): set ORGRAPH_DATA_DIR to a folder orgraph may write`
    : null;

/** The one line naming the cause and the fix, for what the operator can fix; else null. */
function explainFailure(error: unknown, setting: Setting): Failure | null {
  if (error instanceof ConfigError) return { line: error.message, exitCode: 2 };
  if (error instanceof DataFolderUnreadable) return { line: error.message, exitCode: 3 };
  if (error instanceof DiskFull) return { line: `${error.message}, then try again`, exitCode: 3 };
  if (error instanceof FolderInUse) {
    const fix =
      error.owner?.what === 'server'
        ? 'stop it, or set ORGRAPH_DATA_DIR to another folder'
        : 'wait for it to finish';
    return { line: `${error.message}: ${fix}`, exitCode: 3 };
  }
  for (const cause of causes(error)) {
    const e = cause as NodeJS.ErrnoException;
    const listening = listenFailure(e, setting);
    if (listening) return listening;
    for (const explain of [databaseFailure, folderFailure]) {
      const line = explain(e, setting);
      if (line) return { line, exitCode: 3 };
    }
  }
  return null;
}

/** Any failure as one line: an unforeseen one keeps its message's first line, never a stack. */
export function describeFailure(error: unknown, setting: Setting): Failure {
  const known = explainFailure(error, setting);
  // A setting's problem may quote a parser's words, line breaks and all (a JWKS file).
  if (known) return { ...known, line: known.line.replace(/\s*\n\s*/g, ' ') };
  // The root cause says what happened; its wrappers (drizzle's "Failed query: …") do not.
  const root = [...causes(error)].at(-1) ?? error;
  const message = root instanceof Error ? root.message : String(root);
  return { line: `unexpected failure: ${message.split('\n')[0]}`, exitCode: 3 };
}
