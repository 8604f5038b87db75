import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';

// PostgreSQL whose disk filled refuses a write with disk_full (53100): said as such, not as
// "Unexpected error.". (The embedded database stops short of a full disk: ops/disk-full.)
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.database.db.execute(sql`create function orgraph_test_disk_full() returns trigger
    language plpgsql as $$ begin
      raise exception 'could not extend file: No space left on device' using errcode = 'disk_full';
    end $$`);
  await t.database.db.execute(sql`create trigger orgraph_test_disk_full before insert on person
    for each row execute function orgraph_test_disk_full()`);
});
afterAll(async () => {
  // An embedded test database is emptied and lent again: the trigger must not go with it.
  await t.database.db.execute(sql`drop trigger orgraph_test_disk_full on person`);
  await t.database.db.execute(sql`drop function orgraph_test_disk_full`);
  await t.close();
});

it('answers a write refused for want of disk with DISK_FULL, writing nothing', async () => {
  const count = async () => (await t.data('{ people(first: 1) { totalCount } }')).people.totalCount;
  const before = await count();
  const answer = await t.gql(
    'mutation { createPerson(input: { email: "noa@example.com", name: "Noa" }) { person { id } } }',
  );
  expect(answer.status).toBe(507);
  expect(answer.errors).toMatchObject([
    {
      message:
        "The database's disk is full: nothing was written. Reads go on; writes resume once space is freed.",
      path: ['createPerson'],
      extensions: { code: 'DISK_FULL' },
    },
  ]);
  expect(await count()).toBe(before);
  expect(t.logs.join('\n')).toContain('"sqlState":"53100"');
});
