import { expect, it } from 'vitest';
import { TODAY } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { specDocument } from '../orgdoc/fixtures.js';

// A rollup says the day it answers for: a client left on today (the dashboard) learns the
// server's today from it, where its own clock may be another day.
const t = useTestOrg(specDocument());

it("says its day: the asOf asked, else the server's today, in a scenario's too", async () => {
  const { today, past } = await t.data(`{ today: coverage { asOf }
    past: coverage(scope: "platform", asOf: "2026-01-15") { asOf } }`);
  expect(today.asOf).toBe(TODAY);
  expect(past.asOf).toBe('2026-01-15');
  const { createScenario } = await t.data(`mutation { createScenario(input: { name: "day",
    changes: [{ vacateSeat: { unit: "storage", seat: TECH_LEAD } }] }) {
    scenario { evaluation(asOf: "2026-06-01") { before { asOf } after { asOf } } } } }`);
  expect(createScenario.scenario.evaluation).toEqual({
    before: { asOf: '2026-06-01' },
    after: { asOf: '2026-06-01' },
  });
});
