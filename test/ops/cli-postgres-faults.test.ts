import { createServer, type Server } from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { cli, run } from './processes.js';
import { useOpsDatabase } from './workers-server.js';

// The CLI on PostgreSQL where the database is not the CLI's to write: each was one misleading
// line. A read-only session failed `check` for the migration's CREATE SCHEMA ("unexpected
// failure"); a statement timed out waiting for another write read as "lost the connection";
// a server that accepts connections and never answers was "unexpected failure: timeout expired".
const serverUrl = process.env.DATABASE_URL;

/** `npm run seed` on the database: the demo org. */
const seed = (databaseUrl: string) =>
  run('node', ['dist/cli/seed.js'], { DATABASE_URL: databaseUrl }).exited;

describe.skipIf(!serverUrl)(
  'the CLI on PostgreSQL, refused or kept waiting (needs DATABASE_URL)',
  () => {
    const { url } = useOpsDatabase();
    const readOnly = () => {
      const address = new URL(url());
      address.searchParams.set('options', '-c default_transaction_read_only=on');
      return address.toString();
    };

    it('reads an org over a read-only connection, and says why a write cannot be made there', async () => {
      expect(await seed(url())).toBe(0);
      const checked = await cli({ DATABASE_URL: readOnly() }, 'check', '--fail-on', 'unowned-aor');
      expect(checked.output).not.toMatch(/unexpected failure/);
      expect(checked.code, checked.output).toBe(1);
      expect((await cli({ DATABASE_URL: readOnly() }, 'export')).code).toBe(0);
      const { code, output } = await cli({ DATABASE_URL: readOnly() }, 'depart', 'eli@example.com');
      expect(code).toBe(3);
      expect(output.trim()).toMatch(
        /^PostgreSQL at \S+ did not let user "postgres" write to database "orgraph_ops_\w+" \(cannot execute .* in a read-only transaction, 25006\): this command writes/,
      );
    }, 120_000);

    it('says what a user lacks for a read, not that the read writes', async () => {
      expect(await seed(url())).toBe(0);
      const role = `orgraph_ops_reader_${Date.now()}`;
      const admin = async (statement: string) => {
        const client = new pg.Client({ connectionString: url() });
        await client.connect();
        await client.query(statement).finally(() => client.end());
      };
      // Sees the migrations' journal (so nothing is migrated), not the org's tables.
      await admin(`create role ${role} login; grant usage on schema drizzle to ${role};
      grant select on all tables in schema drizzle to ${role}`);
      try {
        const address = new URL(url());
        address.username = role;
        const { code, output } = await cli({ DATABASE_URL: address.toString() }, 'export');
        expect(code).toBe(3);
        expect(output.trim()).toMatch(
          new RegExp(
            `^PostgreSQL at \\S+ did not let user "${role}" do what this command needs in database "orgraph_ops_\\w+" \\(permission denied for table \\w+, 42501\\): grant it`,
          ),
        );
      } finally {
        await admin(`drop owned by ${role}; drop role ${role}`);
      }
    }, 120_000);

    it('says a statement timed out waiting, not that the connection was lost', async () => {
      expect(await seed(url())).toBe(0);
      // Another writer holds the org's lock past the CLI's statement timeout.
      const holder = new pg.Client({ connectionString: url() });
      await holder.connect();
      try {
        await holder.query('begin');
        await holder.query('select * from org_state for update');
        const env = { DATABASE_URL: url(), ORGRAPH_DB_STATEMENT_TIMEOUT_MS: '1000' };
        const { code, output } = await cli(env, 'depart', 'eli@example.com');
        expect(code).toBe(3);
        expect(output.trim()).toMatch(
          /^PostgreSQL at \S+ cancelled a statement that ran past ORGRAPH_DB_STATEMENT_TIMEOUT_MS \(57014\)/,
        );
      } finally {
        await holder.query('rollback');
        await holder.end();
      }
    }, 120_000);

    it('names a PostgreSQL that accepts the connection and never answers', async () => {
      const silent: Server = createServer(() => {});
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const { port } = silent.address() as { port: number };
      try {
        const env = { DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/x` };
        const { code, output } = await cli(env, 'check', '--fail-on', 'unowned-aor');
        expect(code).toBe(3);
        expect(output.trim()).toBe(
          `cannot reach PostgreSQL at 127.0.0.1:${port} (timeout expired): start it, or fix DATABASE_URL`,
        );
      } finally {
        silent.close();
      }
    }, 120_000);
  },
);
