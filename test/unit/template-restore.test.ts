import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateOrg, SIZES } from '../../src/demo/generate.js';
import { importOrgDocument } from '../../src/orgdoc/import.js';
import { TODAY } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/database.js';
import { type OrgTemplate, saveTemplate } from '../helpers/template.js';

// The per-test restore (test/helpers/template.ts) puts back only the tables written since the
// last one and the tables whose foreign keys lead to them. Here: after writes to a leaf, to a
// table in the middle (aor) and to the roots (person, unit), the database is exactly the saved
// one again, rows and sequence positions; and a table nothing wrote is left where it lies.
type TestDatabase = Awaited<ReturnType<typeof openTestDatabase>>;
let database: TestDatabase;
let template: OrgTemplate;
let saved: Record<string, unknown>;

const run = (statement: string) => database.db.execute(sql.raw(statement));
const rows = async <T>(statement: string) =>
  ((await run(statement)) as unknown as { rows: T[] }).rows;

/** Every public table's rows (in a fixed order) and every sequence's position. */
async function everything(): Promise<Record<string, unknown>> {
  const tables = await rows<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const state: Record<string, unknown> = {};
  for (const { name } of tables) {
    state[name] = await rows(`select t::text as row from public."${name}" t order by t::text`);
  }
  state.sequences = await rows(
    `select sequencename, last_value::text from pg_sequences
     where schemaname = 'public' order by sequencename`,
  );
  return state;
}

/** Where each row of `table` lies: it changes when the table is emptied and filled again. */
const placesOf = (table: string) => rows(`select ctid::text from public."${table}" order by id`);

beforeAll(async () => {
  database = await openTestDatabase();
  const imported = await importOrgDocument(database.db, generateOrg(SIZES.XS), { today: TODAY });
  expect(imported.userErrors).toEqual([]);
  template = await saveTemplate(database);
  saved = await everything();
}, 120_000);
beforeEach(() => template.restore());
afterAll(() => database?.drop());

describe('a restore puts back exactly the saved rows and sequence positions', () => {
  it('after writes to tables nothing references (an AoR owner, a membership, the log)', async () => {
    await run(
      `update aor_ownership set ended_on = started_on where id = (select min(id) from aor_ownership)`,
    );
    await run(`delete from team_membership where id = (select max(id) from team_membership)`);
    await run(`truncate change`);
    expect(await everything()).not.toEqual(saved);
    await template.restore();
    expect(await everything()).toEqual(saved);
  });

  it('after writes to an AoR, which its owners reference', async () => {
    await run(`update aor set name = 'renamed' where id = (select min(id) from aor)`);
    await run(
      `insert into aor (slug, name, unit_id, created_on) select 'new-aor', 'New', min(id), '2026-11-23' from unit`,
    );
    await template.restore();
    expect(await everything()).toEqual(saved);
  });

  it('after writes to people, whom most tables reference', async () => {
    await run(`update person set name = 'Renamed' where id = (select min(id) from person)`);
    await run(`insert into person (email, name) values ('new@corp.example', 'New')`);
    await template.restore();
    expect(await everything()).toEqual(saved);
  });

  it('after writes to units, referenced by AoRs whose owners reference them in turn', async () => {
    await run(`update unit set name = 'Renamed' where id = (select max(id) from unit)`);
    await run(
      `insert into unit (slug, name, layer, parent_id, created_on)
       select 'new-team', 'New', layer, parent_id, created_on from unit where id = (select max(id) from unit)`,
    );
    await template.restore();
    expect(await everything()).toEqual(saved);
  });

  it('after nothing was written: nothing moves', async () => {
    const people = await placesOf('person');
    await template.restore();
    expect(await everything()).toEqual(saved);
    expect(await placesOf('person')).toEqual(people);
  });
});

it('only the tables written and those that lead to them are put back, and only once', async () => {
  const [people, units, memberships, owners] = await Promise.all(
    ['person', 'unit', 'team_membership', 'aor_ownership'].map(placesOf),
  );
  await run(`update aor set name = 'renamed' where id = (select min(id) from aor)`);
  await template.restore();
  // The AoR and its owners again; people and units (which they reference) untouched.
  expect(await placesOf('aor_ownership')).not.toEqual(owners);
  expect(await placesOf('person')).toEqual(people);
  expect(await placesOf('unit')).toEqual(units);
  expect(await placesOf('team_membership')).toEqual(memberships);
  const ownersNow = await placesOf('aor_ownership');
  await template.restore();
  expect(await placesOf('aor_ownership')).toEqual(ownersNow);
  expect(await everything()).toEqual(saved);
});
