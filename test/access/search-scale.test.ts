import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';

/**
 * `people(search:)` on 100,000 people, through the API: the trigram index is built once for
 * the org version (the first search pays for it), then every search reads it. Times are
 * printed as figures; the answers are asserted.
 */
const PEOPLE = 100_000;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.database.db.execute(sql`
    insert into person (email, name)
    select 'p' || g || '@corp.example',
           (array['Ana','Bo','Cy','Dee','Eli','Fay','Gus','Hal','Ivy','Jo'])[1 + g % 10] || ' ' ||
           (array['Lind','Park','Okafor','Stone','Ng','Ford','Chen','Berg','Lee','Moss'])[1 + (g / 10) % 10]
             || '-' || g
    from generate_series(1, ${PEOPLE}) g`);
  await t.database.db.execute(
    sql`insert into person (email, name) values ('zed@corp.example', 'Zed Quintana')`,
  );
}, 600_000);
afterAll(() => t.close());

async function timed(label: string, search: string) {
  const query = `{ people(search: "${search}", first: 10) { totalCount nodes { name } } }`;
  const started = performance.now();
  const { people } = await t.data(query);
  console.log(
    `${label} people(search: "${search}"): ${(performance.now() - started).toFixed(0)} ms`,
  );
  return people;
}

describe(`people(search:) on ${PEOPLE.toLocaleString('en')} people`, () => {
  it('finds the one match, and the broad ones with prefix matches first', async () => {
    const started = performance.now();
    await t.data('{ coverage { byLayer { units } } }');
    console.log(`loading the org: ${(performance.now() - started).toFixed(0)} ms`);
    await timed('first (builds the index)', 'zzz');
    expect(await timed('warm', 'QUINT')).toEqual({
      totalCount: 1,
      nodes: [{ name: 'Zed Quintana' }],
    });
    const broad = await timed('warm', 'ana');
    expect(broad.totalCount).toBe(10_001);
    expect(broad.nodes[0].name).toMatch(/^Ana /);
    const short = await timed('warm', 'an');
    expect(short.totalCount).toBe(10_001);
  }, 120_000);
});
