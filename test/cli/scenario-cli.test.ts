import { describe, expect, it } from 'vitest';
import { demoDocument } from '../../src/demo/load.js';
import { TODAY } from '../helpers/app.js';
import { cliOn } from '../helpers/cli.js';
import { useTestOrg } from '../helpers/test-org.js';

// `npm run org -- scenario show ID`: the diff a person reads, from the real evaluation.
let id: string;

const t = useTestOrg(demoDocument(), {
  setup: async (t) => {
    const { createScenario } = await t.data(
      `mutation ($input: CreateScenarioInput!) { createScenario(input: $input) { scenario { id } userErrors { message } } }`,
      {
        input: {
          name: 'Ana leaves, Dee steps up',
          description: 'What if Storage loses its manager?',
          changes: [
            { depart: { person: 'ana@example.com' } },
            { assignSeat: { unit: 'storage', seat: 'ENG_LEAD', person: 'dee@example.com' } },
            { depart: { person: 'nobody@example.com' } },
            { setPolicy: { spanLimit: 8, kinds: [{ kind: 'LONG_RUNNING_TLM', off: true }] } },
          ],
        },
      },
    );
    id = createScenario.scenario.id;
  },
});

const cli = () => cliOn(t);

describe('npm run org -- scenario', () => {
  it('lists the scenarios', async () => {
    const c = cli();
    expect(await c.run('scenario', 'list')).toBe(0);
    expect(c.out()).toMatch(
      new RegExp(`^${id}  \\d{4}-\\d{2}-\\d{2}  draft   Ana leaves, Dee steps up`, 'm'),
    );
  });

  it('shows what one would change, in words', async () => {
    const c = cli();
    expect(await c.run('scenario', 'show', id)).toBe(0);
    const text = c.out();
    expect(text).toContain(`Scenario "Ana leaves, Dee steps up", evaluated on ${TODAY}`);
    expect(text).toContain('  1. ana@example.com leaves');
    expect(text).toContain('  2. dee@example.com takes storage ENG_LEAD');
    expect(text).toContain('  4. the policy becomes spanLimit 8, LONG_RUNNING_TLM off\n');
    expect(text).toContain('Conflicts (skipped):\n  change 3: unknown person "nobody@example.com"');
    expect(text).toContain('Coverage changes:\n  storage (TEAM): STAFFED → TECH_LEAD_MANAGER\n');
    expect(text).toMatch(
      /Findings that appear:\n(.*\n)* {2}HIGH +NO_SUCCESSOR storage ENG_LEAD: .*Dee/,
    );
    expect(text).toMatch(/Bench strength: \d+(\.\d)?% → \d+(\.\d)?%/);
    expect(text).toMatch(/Healthy units by layer:\n {2}PILLAR +\d+\/\d+ → \d+\/\d+/);
  });

  it('refuses an unknown scenario as bad input, and bad usage', async () => {
    const c = cli();
    expect(await c.run('scenario', 'show', '999999')).toBe(2);
    expect(c.err()).toContain('no scenario with the id "999999"');
    expect(await cli().run('scenario', 'drop', id)).toBe(2);
  });

  it("refuses another object's id as no scenario (it failed reading the evaluation, exit 3)", async () => {
    const { person } = await t.data('{ person(email: "ana@example.com") { id } }');
    const c = cli();
    expect(await c.run('scenario', 'show', person.id)).toBe(2);
    expect(c.err()).toContain(`no scenario with the id "${person.id}"`);
  });

  it('lists every scenario, past the API page of 100', async () => {
    for (let i = 1; i <= 100; i++) {
      const { createScenario } = await t.data(
        `mutation ($input: CreateScenarioInput!) { createScenario(input: $input) { userErrors { message } } }`,
        { input: { name: `plan ${i}`, changes: [] } },
      );
      expect(createScenario.userErrors).toEqual([]);
    }
    const c = cli();
    expect(await c.run('scenario', 'list')).toBe(0);
    const lines = c.out().trim().split('\n');
    // It printed the newest 100 only: the first scenario was left out, unsaid.
    expect(lines).toHaveLength(101);
    expect(lines.filter((line) => line.startsWith(`${id}  `))).toHaveLength(1);
  });
});
