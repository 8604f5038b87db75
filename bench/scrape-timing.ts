// The cost of a /metrics scrape's org gauges at 100,000 people (docs/hygiene.md): the
// generated L org built in memory (no database), then the gauges collected, first (the
// day's coverage and findings worked out) and again (kept until the next write).
import { Registry } from 'prom-client';
import { orgStateOn } from '../src/core/org/as-of.js';
import { policyOn } from '../src/core/policy.js';
import { generateOrg, SIZES } from '../src/demo/generate.js';
import { applyDocument } from '../src/orgdoc/apply.js';
import { documentRepeats } from '../src/orgdoc/document-rules.js';
import { parseDocumentShape } from '../src/orgdoc/shape.js';
import { orgGauges } from '../src/server/org-gauges.js';
import { Draft } from '../src/writes/draft.js';
import { Problems } from '../src/writes/problems.js';

const DAY = '2026-11-23';
const empty = {
  units: [],
  people: [],
  seatAssignments: [],
  memberships: [],
  aors: [],
  ownerships: [],
  candidates: [],
  openRoles: [],
  reportingLines: [],
  unitParents: [],
  policies: [],
};
const problems = new Problems();
const doc = parseDocumentShape(generateOrg(SIZES.L), problems);
const draft = new Draft(empty, DAY);
applyDocument(draft, doc, problems, documentRepeats(doc, problems));
const history = draft.history();
const state = orgStateOn(history, DAY);
console.log(`people: ${history.people.length}, units: ${history.units.length}`);
const registry = new Registry();
const org = {
  history,
  on: () => state,
  policyOn: (day: string) => policyOn(history.policies, day),
  rows: () => {
    throw new Error('unused');
  },
};
orgGauges(
  registry,
  async () => org,
  () => DAY,
);
for (const run of ['first scrape', 'second scrape', 'third scrape']) {
  const started = performance.now();
  const text = await registry.metrics();
  console.log(`${run}: ${(performance.now() - started).toFixed(1)} ms (${text.length} bytes)`);
}
// What a scrape after a write costs once the state's indexes are warm (as in a serving
// instance): the day's coverage and findings worked out again, here under a new policy object.
let policy = policyOn(history.policies, DAY);
org.policyOn = () => policy;
for (const run of ['recomputed 1', 'recomputed 2']) {
  policy = { ...policy };
  const started = performance.now();
  await registry.metrics();
  console.log(`${run}: ${(performance.now() - started).toFixed(1)} ms`);
}
