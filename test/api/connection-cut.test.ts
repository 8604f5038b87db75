import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { useTestOrg } from '../helpers/test-org.js';
import { specDocument } from '../orgdoc/fixtures.js';

/**
 * PostgreSQL only: a pooled connection its server cut while it sat idle, taken for a write
 * before the pool heard of it. drizzle's transaction ran `begin` outside the block that gives
 * the connection back: each such write kept one for good, and once the pool's ten were gone
 * the server answered every request DATABASE_UNAVAILABLE until restarted (and /ready 503),
 * while another instance on the same database answered.
 */
const serverUrl = process.env.DATABASE_URL;
const t = useTestOrg(specDocument());

const RENAME = `mutation ($name: String!) {
  updateUnit(input: { slug: "storage", name: $name }) { userErrors { message } }
}`;

/**
 * Cuts this database's other connections in a process of its own, the event loop waiting:
 * the pool learns of it only when its connection is next used, as after a server restart.
 */
function cutConnectionsNow(url: string) {
  const cut = `import pg from 'pg';
    const client = new pg.Client(process.argv[1]); await client.connect();
    await client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    await client.end();`;
  execFileSync(process.execPath, ['--input-type=module', '-e', cut, url]);
}

describe.skipIf(!serverUrl)('a write on a connection cut while idle (PostgreSQL only)', () => {
  it('fails cleanly and gives the connection back: twelve of them leave the pool whole', async () => {
    const url = t.database.url as string;
    for (let round = 0; round < 12; round += 1) {
      // The write before may have met another of the connections cut: it fails as cleanly.
      let written = await t.gql(RENAME, { name: `Storage ${round}` });
      for (let tries = 0; written.errors && tries < 3; tries += 1) {
        written = await t.gql(RENAME, { name: `Storage ${round}` });
      }
      expect(written.errors, `round ${round}`).toBeUndefined();
      cutConnectionsNow(url);
      const cut = await t.gql(RENAME, { name: 'Lost' });
      expect(cut.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    }
    const stats = t.database.poolStats?.();
    expect(stats?.total).toBe(stats?.idle);
    const after = await t.gql(RENAME, { name: 'Storage again' });
    expect(after.errors).toBeUndefined();
    expect(after.data?.updateUnit.userErrors).toEqual([]);
  }, 60_000);
});
