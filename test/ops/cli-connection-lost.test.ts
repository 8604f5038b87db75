import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery } from '../helpers/database.js';
import { cli, run, scratchDir } from './processes.js';

// A CLI import on PostgreSQL whose connection is cut mid-write said it in two lines: the
// driver's "[orgraph] database connection lost", then "cannot reach PostgreSQL … (Failed
// query: rollback params: ): start it" of a server that was up all along.
const serverUrl = process.env.DATABASE_URL;
const name = `orgraph_ops_${randomBytes(5).toString('hex')}`;
const url = () => {
  const at = new URL(serverUrl as string);
  at.pathname = `/${name}`;
  return at.toString();
};

describe.skipIf(!serverUrl)('a CLI import losing PostgreSQL mid-write (needs DATABASE_URL)', () => {
  beforeAll(async () => {
    await adminQuery(serverUrl as string, `create database ${name}`);
    // Migrated, with one person: the import below is then one long write.
    const first = join(scratchDir(), 'first.csv');
    writeFileSync(first, 'email,name\nfirst@example.com,First\n');
    const made = await cli({ DATABASE_URL: url() }, 'import', '--from', 'csv', first);
    expect(made.code, made.output).toBe(0);
  });
  afterAll(() => adminQuery(serverUrl as string, `drop database if exists ${name} with (force)`));

  it('fails in one line saying the connection was lost, writing nothing', async () => {
    const csv = join(scratchDir(), 'people.csv');
    const rows = Array.from({ length: 60_000 }, (_, i) => `p${i}@example.com,Person ${i}`);
    writeFileSync(csv, ['email,name', ...rows].join('\n'));
    const before = await adminQuery(url(), 'select count(*)::int as n from person');
    const importing = run('node', ['dist/cli/org.js', 'import', '--from', 'csv', csv], {
      DATABASE_URL: url(),
    });
    // Cut once the import's transaction has written (not in the migrations' check before it).
    for (let cut = 0; cut === 0 && importing.child.exitCode === null; await sleep(20)) {
      const busy = await adminQuery(
        serverUrl as string,
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1
           and pid <> pg_backend_pid() and backend_xid is not null`,
        [name],
      );
      cut = busy.length;
    }
    expect(await importing.exited).toBe(3);
    const lines = importing.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^lost the connection to PostgreSQL at \S+ \(.+\): what was under way was rolled back unless it had committed; try again once it answers$/,
    );
    expect(await adminQuery(url(), 'select count(*)::int as n from person')).toEqual(before);
  }, 120_000);
});
