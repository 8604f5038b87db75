import { describe, expect, it } from 'vitest';
import { generateOrg, SIZES } from '../../src/demo/generate.js';
import { peopleByEmails, peopleByIds } from '../../src/people/data.js';
import { useTestOrg } from '../helpers/test-org.js';

// Every member of every team, with their team and seats: the member, team and seat loaders
// each get thousands of keys in one batch.
const TREE = `{ units(layer: PILLAR, first: 100) { nodes { children { children {
  members { email team { slug } seats { seat } }
} } } } }`;

const app = useTestOrg(generateOrg(SIZES.S), { timeout: 300_000 });

/** The statements issued while `run` runs, each with its parameters. */
async function recorded(run: () => Promise<unknown>) {
  app.statements.length = 0;
  app.parameters.length = 0;
  await run();
  return app.statements.map((sql, i) => ({ sql, params: app.parameters[i] ?? [] }));
}

const arraySizes = (params: unknown[]) => params.filter(Array.isArray).map((array) => array.length);

describe('batch loaders pass their keys as one array parameter', () => {
  it('thousands of keys through GraphQL: each loader one statement, keys in one array', async () => {
    const statements = await recorded(() => app.data(TREE));
    const batches = statements.filter((s) => arraySizes(s.params).some((n) => n >= 1_000));
    // the team and the seats of the ~3,500 members of 500 teams
    expect(batches.length).toBeGreaterThanOrEqual(2);
    for (const { sql, params } of statements) {
      expect(params.length, sql).toBeLessThanOrEqual(3);
    }
    for (const { sql, params } of batches) {
      expect(sql).toMatch(/= any\(\$1::int\[\]\)/);
      expect(arraySizes(params)).toHaveLength(1);
    }
  });

  it('more keys than PostgreSQL accepts parameters (65,535): one statement, one parameter', async () => {
    const ids = Array.from({ length: 70_000 }, (_, i) => i + 1);
    const emails = ids.map((i) => `nobody-${i}@example.com`);
    const statements = await recorded(async () => {
      expect((await peopleByIds(app.database.db, ids)).length).toBeGreaterThan(1_000);
      expect(await peopleByEmails(app.database.db, emails)).toEqual([]);
    });
    expect(statements).toHaveLength(2);
    expect(statements.map((s) => arraySizes(s.params))).toEqual([[70_000], [70_000]]);
    expect(statements.map((s) => s.params.length)).toEqual([1, 1]);
  });
});
