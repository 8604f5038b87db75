import { describe, expect, it } from 'vitest';
import { generateOrg, SIZES } from '../../src/demo/generate.js';
import { unitsByIds, unitsBySlugs } from '../../src/units/data.js';
import { useTestOrg } from '../helpers/test-org.js';

// Every member of every team, with their team and seats: thousands of nested objects.
const TREE = `{ units(layer: PILLAR, first: 100) { nodes { children { children {
  members { email team { slug } seats { seat } }
} } } } }`;

const app = useTestOrg(generateOrg(SIZES.S), { timeout: 300_000, importOnce: true });

/** The statements issued while `run` runs, each with its parameters. */
async function recorded(run: () => Promise<unknown>) {
  app.statements.length = 0;
  app.parameters.length = 0;
  await run();
  return app.statements.map((sql, i) => ({ sql, params: app.parameters[i] ?? [] }));
}

const arraySizes = (params: unknown[]) => params.filter(Array.isArray).map((array) => array.length);

describe('nested reads come from the snapshot; batch reads pass their keys as one array', () => {
  it('thousands of nested members, teams and seats: no statement beyond the version check', async () => {
    await app.data(TREE);
    const statements = await recorded(() => app.data(TREE));
    expect(statements.map((s) => s.sql)).toHaveLength(1);
    const { units } = await app.data(TREE);
    const members = units.nodes.flatMap((p: any) =>
      p.children.flatMap((a: any) => a.children.flatMap((team: any) => team.members)),
    );
    expect(members.length).toBeGreaterThan(1_000);
  });

  it('more keys than PostgreSQL accepts parameters (65,535): one statement, one parameter', async () => {
    const ids = Array.from({ length: 70_000 }, (_, i) => i + 1);
    const slugs = ids.map((i) => `nobody-${i}`);
    const statements = await recorded(async () => {
      expect((await unitsByIds(app.database.db, ids)).length).toBeGreaterThan(100);
      expect(await unitsBySlugs(app.database.db, slugs)).toEqual([]);
    });
    expect(statements).toHaveLength(2);
    expect(statements.map((s) => arraySizes(s.params))).toEqual([[70_000], [70_000]]);
    expect(statements.map((s) => s.params.length)).toEqual([1, 1]);
  });
});
