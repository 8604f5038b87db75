import { existsSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { adminQuery } from '../helpers/database.js';
import {
  demoDir,
  gql,
  looseEntries,
  run,
  type Server,
  scratchDir,
  startServer,
} from './processes.js';

// A start that cannot serve says why in one line, with the fix, and exits non-zero.
async function failedStart(env: Record<string, string | undefined>) {
  const start = run('node', ['dist/server/main.js'], env);
  const code = await start.exited;
  const lines = start.output().trim().split('\n');
  return { code, lines };
}

/**
 * A test whose processes are given no DATABASE_URL but their own (processes.ts): the PGlite
 * run has run it as it is, so a PostgreSQL run skips it.
 */
const once = it.skipIf(Boolean(process.env.DATABASE_URL));

const oneLine = (lines: string[], pattern: RegExp) => {
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^orgraph could not start: /);
  expect(lines[0]).toMatch(pattern);
};

describe('a start that cannot serve', () => {
  once('names a bad setting (exit 2)', async () => {
    const { code, lines } = await failedStart({ PORT: 'forty', ORGRAPH_DATA_DIR: scratchDir() });
    expect(code).toBe(2);
    oneLine(lines, /Bad setting PORT: .*Fix or unset it\.$/);
  });

  once.each([
    // `" "` listened on a random port; a secret read from a file with its line break never
    // matched a request, and was taken without a word.
    [{ PORT: ' ' }, /Bad setting PORT: .*a port number, 0 to 65535/],
    [{ PORT: '0x11' }, /Bad setting PORT: .*a port number, 0 to 65535/],
    [
      { ORGRAPH_ADMIN_TOKEN: 'ops-test-admin-token-0123456789\n' },
      /ORGRAPH_ADMIN_TOKEN: has whitespace/,
    ],
    [
      { ORGRAPH_METRICS_TOKEN: 'metrics secret 0123456789' },
      /ORGRAPH_METRICS_TOKEN: has whitespace/,
    ],
  ])('names a bad setting %o (exit 2)', async (env, pattern) => {
    const { code, lines } = await failedStart({ ...env, ORGRAPH_DATA_DIR: scratchDir() });
    expect(code).toBe(2);
    oneLine(lines, pattern);
  });

  once(
    "names a JWKS file that is not JSON in one line, the parser's line break aside (exit 2)",
    async () => {
      const folder = scratchDir();
      const jwks = join(folder, 'jwks.json');
      writeFileSync(jwks, 'not json\n');
      const { code, lines } = await failedStart({
        ORGRAPH_DATA_DIR: join(folder, 'data'),
        ORGRAPH_JWKS: jwks,
        ORGRAPH_JWT_ISSUER: 'https://idp.example.com',
        ORGRAPH_JWT_AUDIENCE: 'orgraph',
      });
      expect(code).toBe(2);
      oneLine(lines, /^orgraph could not start: Bad setting ORGRAPH_JWKS/);
    },
  );

  once('names an unreachable PostgreSQL, never its password (exit 3)', async () => {
    const url = 'postgres://orgraph:s3cret@127.0.0.1:1/orgraph';
    const { code, lines } = await failedStart({ DATABASE_URL: url });
    expect(code).toBe(3);
    oneLine(lines, /cannot reach PostgreSQL at 127\.0\.0\.1:1 \(ECONNREFUSED\): start it/);
    expect(lines[0]).not.toContain('s3cret');
  });

  once(
    'names a PostgreSQL host that does not resolve as the database, not HOST (exit 3)',
    async () => {
      const url = 'postgres://orgraph:s3cret@no-such-host.invalid:5432/orgraph';
      const { code, lines } = await failedStart({ DATABASE_URL: url });
      expect(code).toBe(3);
      oneLine(
        lines,
        /the PostgreSQL host of DATABASE_URL \(no-such-host\.invalid:5432\): no such name/,
      );
      expect(lines[0]).not.toContain('HOST');
    },
  );

  once('names a HOST that is not an address here as the bad setting it is (exit 2)', async () => {
    const { code, lines } = await failedStart({
      HOST: '192.0.2.1',
      ORGRAPH_DATA_DIR: scratchDir(),
    });
    expect(code).toBe(2);
    oneLine(lines, /HOST 192\.0\.2\.1 is not an address of this machine: set HOST/);
  });

  once('names a plain-http JWKS once, not also as a file it could not read (exit 2)', async () => {
    const { code, lines } = await failedStart({
      ORGRAPH_DATA_DIR: scratchDir(),
      ORGRAPH_JWKS: 'http://idp.example.com/jwks',
      ORGRAPH_JWT_ISSUER: 'https://idp.example.com',
      ORGRAPH_JWT_AUDIENCE: 'orgraph',
    });
    expect(code).toBe(2);
    oneLine(
      lines,
      /Bad setting ORGRAPH_JWKS: must be an https URL or a file path\. Fix or unset it\.$/,
    );
  });

  once(
    "says a PostgreSQL without SSL refused sslmode=require in one line, not pg's nine (exit 3)",
    async () => {
      // A server answering PostgreSQL's SSL request with "N" (no SSL), as one without it does.
      const noSsl = createServer((socket) => socket.once('data', () => socket.write('N')));
      await new Promise<void>((resolve) => noSsl.listen(0, '127.0.0.1', resolve));
      const port = (noSsl.address() as { port: number }).port;
      try {
        const url = `postgres://orgraph@127.0.0.1:${port}/orgraph?sslmode=require`;
        const { code, lines } = await failedStart({ DATABASE_URL: url });
        expect(code).toBe(3);
        oneLine(
          lines,
          new RegExp(
            `PostgreSQL at 127\\.0\\.0\\.1:${port} does not accept SSL connections: remove sslmode`,
          ),
        );
      } finally {
        noSsl.close();
      }
    },
  );

  it.skipIf(!process.env.DATABASE_URL)(
    "names a database of another application's tables (exit 3; needs DATABASE_URL)",
    async () => {
      const url = new URL(process.env.DATABASE_URL as string);
      const name = `orgraph_ops_${process.pid}_other`;
      await adminQuery(url.toString(), `create database ${name}`);
      try {
        url.pathname = `/${name}`;
        await adminQuery(url.toString(), 'create table person (badge int)');
        const { code, lines } = await failedStart({ DATABASE_URL: url.toString() });
        expect(code).toBe(3);
        oneLine(
          lines,
          new RegExp(
            `database "${name}" on PostgreSQL at \\S+ holds tables orgraph did not make \\(relation "person" already exists\\): give orgraph a database of its own`,
          ),
        );
        // Nothing of orgraph's is left in the other application's database, not even the
        // schema of drizzle's migration journal.
        const made = await adminQuery(
          url.toString(),
          "select nspname from pg_namespace where nspname = 'drizzle'",
        );
        expect(made).toEqual([]);
      } finally {
        await adminQuery(process.env.DATABASE_URL as string, `drop database ${name} with (force)`);
      }
    },
  );

  it.skipIf(!process.env.DATABASE_URL)(
    'names a missing database (exit 3; needs DATABASE_URL for a server)',
    async () => {
      const url = new URL(process.env.DATABASE_URL as string);
      url.pathname = '/orgraph_no_such_database';
      const { code, lines } = await failedStart({ DATABASE_URL: url.toString() });
      expect(code).toBe(3);
      oneLine(lines, /database "orgraph_no_such_database" does not exist .*createdb/);
    },
  );

  it.skipIf(!process.env.DATABASE_URL)(
    'says why PostgreSQL refused: a database closed to connections (exit 3)',
    async () => {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      const name = `orgraph_closed_${process.pid}`;
      await admin.query(`create database ${name}`);
      await admin.query(`alter database ${name} allow_connections false`);
      try {
        const url = new URL(process.env.DATABASE_URL as string);
        url.pathname = `/${name}`;
        const { code, lines } = await failedStart({ DATABASE_URL: url.toString() });
        expect(code).toBe(3);
        oneLine(
          lines,
          /refused the connection: database ".*" is not currently accepting connections \(55000\)/,
        );
      } finally {
        await admin.query(`drop database ${name}`);
        await admin.end();
      }
    },
  );

  once('names a data folder it cannot write (exit 3)', async () => {
    const { code, lines } = await failedStart({ ORGRAPH_DATA_DIR: '/etc/hostname/orgraph' });
    expect(code).toBe(3);
    oneLine(lines, /cannot use \/etc\/hostname\/orgraph \(ENOTDIR\): set ORGRAPH_DATA_DIR/);
  });

  once(
    'names a data folder it cannot make rather than hang: a path under /proc (exit 3)',
    async () => {
      // Node's own recursive mkdir looped there for ever, deaf to SIGTERM.
      const start = run('node', ['dist/server/main.js'], {
        ORGRAPH_DATA_DIR: '/proc/orgraph-nowhere/data',
      });
      const code = await Promise.race([start.exited, sleep(30_000).then(() => 'hung')]);
      if (code === 'hung') start.child.kill('SIGKILL');
      expect(code).toBe(3);
      oneLine(
        start.output().trim().split('\n'),
        /cannot use \/proc\/orgraph-nowhere \(ENOENT\): set ORGRAPH_DATA_DIR/,
      );
    },
    60_000,
  );
});

describe.skipIf(process.env.DATABASE_URL)(
  'the demo token (PGlite; skipped with DATABASE_URL)',
  () => {
    const taken = createServer();
    let server: Server | undefined;
    afterAll(async () => {
      await server?.stop();
      taken.close();
    });

    it('is shown by the first start that serves, after one that found its port taken', async () => {
      await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
      const port = String((taken.address() as { port: number }).port);
      const dataDir = scratchDir();
      const env = { ORGRAPH_DATA_DIR: dataDir, ORGRAPH_ADMIN_TOKEN: undefined };
      const failed = await failedStart({ ...env, PORT: port });
      expect(failed.code).toBe(3);
      oneLine(failed.lines, new RegExp(`port ${port} on 127.0.0.1 is already in use: .*set PORT`));

      server = await startServer(env);
      // A new data folder is made owner-only (data-folder.test.ts: an old one is made so).
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(looseEntries(dataDir)).toEqual([]);
      expect(server.output()).not.toMatch(/owner-only/);
      // Not a terminal: the start is told in a JSON line, the token in it.
      const [line = ''] = server.output().split('\n');
      const { demoToken: token, notes } = JSON.parse(line);
      expect(notes.join(' ')).toMatch(/demoToken is an ADMIN token for it, shown this once/);
      expect(token, server.output()).toBeDefined();
      const answer = await gql(server.url, '{ coverage { benchStrength } }', {}, token);
      expect(answer.errors).toBeUndefined();
      expect(await server.stop()).toBe(0);

      server = await startServer(env);
      expect(server.output()).not.toContain('shown this once');
    }, 180_000);
  },
);

describe('a stop asked while starting', () => {
  once(
    'ends the start cleanly: exit 0, the database closed, the folder lock released',
    async () => {
      const dataDir = scratchDir();
      // A first start on an empty folder creates the database and loads the demo: seconds.
      const start = run('node', ['dist/server/main.js'], { ORGRAPH_DATA_DIR: dataDir });
      const lock = join(dataDir, 'orgraph.lock');
      while (!existsSync(lock) && start.child.exitCode === null) await sleep(20);
      start.child.kill('SIGTERM');
      expect(await start.exited).toBe(0);
      expect(start.output()).toMatch(/SIGTERM/);
      expect(start.output()).not.toMatch(/listening/);
      expect(existsSync(lock)).toBe(false);
      // The folder is whole: the next start serves from it.
      const next = await startServer({ ORGRAPH_DATA_DIR: dataDir });
      try {
        expect((await gql(next.url, '{ units { totalCount } }')).status).toBe(200);
      } finally {
        await next.stop();
      }
    },
    120_000,
  );
});

describe('the listening line', () => {
  /** The line a server started on `host` says it listens with, as JSON. */
  async function listeningOn(host: string): Promise<{ url?: string; msg?: string }> {
    // A started folder's copy: the start of a new one (initdb) is not what is tested.
    const start = run('node', ['dist/server/main.js'], {
      HOST: host,
      ORGRAPH_DATA_DIR: await demoDir(),
    });
    try {
      for (let i = 0; i < 600 && !/orgraph listening on/.test(start.output()); i++)
        await sleep(100);
      const line = start
        .output()
        .split('\n')
        .find((l) => l.includes('orgraph listening on'));
      return JSON.parse(line ?? '{}');
    } finally {
      start.child.kill('SIGTERM');
      await start.exited;
    }
  }

  once(
    'names a URL a client can use with an IPv6 HOST (http://[::1]:PORT/graphql)',
    async () => {
      // It was http://::1:PORT/graphql, which no URL parser reads.
      expect((await listeningOn('::1')).url).toMatch(/^http:\/\/\[::1\]:\d+\/graphql$/);
    },
    120_000,
  );

  once(
    'names a URL a browser opens with HOST=0.0.0.0, and says it listens on every interface',
    async () => {
      // It was http://0.0.0.0:PORT/graphql, an address browsers refuse to open.
      const line = await listeningOn('0.0.0.0');
      expect(line.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
      expect(line.msg).toMatch(/ \(every interface, HOST=0\.0\.0\.0; embedded PGlite in /);
    },
    120_000,
  );
});
