// The cost of a /metrics scrape's org gauges at 100,000 people (docs/hygiene.md): the
// generated L org built in memory (no database); the first scrape (which waits for the
// gauges to be worked out), scrapes between writes, then scrapes every 5 ms right after a
// write (a new org version with the write's changes, as the store gives it) until they show it.
import { Registry } from 'prom-client';
import { orgStateOn } from '../src/core/org/as-of.js';
import { policyOn } from '../src/core/policy.js';
import { generateOrg, SIZES } from '../src/demo/generate.js';
import { applyDocument } from '../src/orgdoc/apply.js';
import { documentRepeats } from '../src/orgdoc/document-rules.js';
import { parseDocumentShape } from '../src/orgdoc/shape.js';
import { planChanges } from '../src/scenarios/evaluate.js';
import { orgGauges } from '../src/server/org-gauges.js';
import type { LoadedOrg } from '../src/store/org-views.js';
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
  aorUnits: [],
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
const policy = policyOn(history.policies, DAY);
let current = state;
const org: LoadedOrg = {
  version: 1,
  history,
  on: () => current,
  policyOn: () => policy,
  rows: () => {
    throw new Error('unused');
  },
};
let watcher: (version: number) => void = () => {};
orgGauges(
  registry,
  async () => org,
  () => DAY,
  (w) => {
    watcher = w;
  },
);
const scrape = async () => {
  const started = performance.now();
  const text = await registry.metrics();
  return { ms: performance.now() - started, text };
};
for (const run of ['first scrape', 'second scrape', 'third scrape']) {
  const { ms, text } = await scrape();
  console.log(`${run}: ${ms.toFixed(1)} ms (${text.length} bytes)`);
}
// A write: a new version, the org with a Team's Eng Lead seat left empty (made from the org
// before as the store makes it, its indexes carried over where they can be), then scrapes
// every 5 ms until the gauges show it.
for (const [run, team] of [
  ['after write 1', 'team-0001'],
  ['after write 2', 'team-0002'],
]) {
  const vacate = { vacateSeat: { unit: team as string, seat: 'ENG_LEAD' as const } };
  const { after, changed } = planChanges(history, current, [vacate]);
  current = after;
  // What the store gives the gauges of a write made here: what it changed, from the version before.
  if (changed) org.step = { from: org.version, changes: changed };
  org.version += 1;
  const wrote = performance.now();
  watcher(org.version);
  const times: number[] = [];
  for (;;) {
    const { ms, text } = await scrape();
    times.push(ms);
    if (text.includes(`orgraph_org_gauges_version ${org.version}`)) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  console.log(
    `${run}: ${times.length} scrapes until caught up after ${(performance.now() - wrote).toFixed(0)} ms; ` +
      `scrape median ${median.toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`,
  );
}
