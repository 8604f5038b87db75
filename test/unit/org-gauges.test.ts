import { Registry } from 'prom-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { coverageRollup } from '../../src/core/coverage/rollup.js';
import { findingsFor } from '../../src/core/findings/findings.js';
import { orgStateOn } from '../../src/core/org/as-of.js';
import type { OrgHistory, OrgState } from '../../src/core/org/state.js';
import { defaultThresholds, type Policy } from '../../src/core/policy.js';
import { generateOrg, SIZES } from '../../src/demo/generate.js';
import { applyDocument } from '../../src/orgdoc/apply.js';
import { documentRepeats } from '../../src/orgdoc/document-rules.js';
import { parseDocumentShape } from '../../src/orgdoc/shape.js';
import { planChanges } from '../../src/scenarios/evaluate.js';
import { orgGauges } from '../../src/server/org-gauges.js';
import type { LoadedOrg } from '../../src/store/org-views.js';
import { Draft } from '../../src/writes/draft.js';
import { Problems } from '../../src/writes/problems.js';
import { STATUS_FIELDS, samples } from '../helpers/scrape.js';

// The org gauges are worked out a slice of units, AoRs and people at a time, in the
// background: on a generated org of several slices they equal the whole org's rollup and
// findings, and a scrape of a new org version waits 30 ms at most for its values: this org
// takes longer, so the values of before are served until the new ones are worked out.
const DAY = '2026-11-23';
const policy: Policy = { ...defaultThresholds, since: DAY, spanLimit: 5, tlmEngineers: 3 };
let history: OrgHistory;
let state: OrgState;

beforeAll(() => {
  const problems = new Problems();
  const doc = parseDocumentShape(generateOrg(SIZES.M), problems);
  const empty = { units: [], people: [], seatAssignments: [], memberships: [], aors: [] };
  const rest = { ownerships: [], candidates: [], openRoles: [], policies: [] };
  const lines = { reportingLines: [], unitParents: [], aorUnits: [] };
  const draft = new Draft({ ...empty, ...rest, ...lines }, DAY);
  applyDocument(draft, doc, problems, documentRepeats(doc, problems));
  history = draft.history();
  state = orgStateOn(history, DAY);
}, 60_000);

function gaugesOn(org: LoadedOrg) {
  const registry = new Registry();
  const watchers: ((version: number) => void)[] = [];
  orgGauges(
    registry,
    async () => org,
    () => DAY,
    (watcher) => watchers.push(watcher),
  );
  const wrote = (version: number) => {
    for (const watcher of watchers) watcher(version);
  };
  return { scrape: () => registry.metrics(), wrote };
}

const loaded = (version: number, on: OrgState, under: Policy): LoadedOrg => ({
  version,
  history,
  on: () => on,
  policyOn: () => under,
  rows: () => {
    throw new Error('not read by the gauges');
  },
});

/** A scrape's gauges are the whole org's rollup and findings of `on`, worked out anew. */
function expectGaugesOf(text: string, on: OrgState) {
  const counted = new Map<string, number>();
  for (const f of findingsFor(on, null, policy)) {
    const key = `kind="${f.kind}",severity="${f.severity}"`;
    counted.set(key, (counted.get(key) ?? 0) + 1);
  }
  expect(counted.size).toBeGreaterThan(3);
  const findings = samples(text, 'orgraph_findings');
  expect(new Map([...findings].filter(([, n]) => n > 0))).toEqual(counted);
  const rollup = coverageRollup(on, null, policy);
  const unhealthy = samples(text, 'orgraph_unhealthy_units');
  const units = samples(text, 'orgraph_units');
  for (const row of rollup.byLayer) {
    expect(unhealthy.get(`layer="${row.layer}"`)).toBe(row.units - row.healthy);
    for (const [status, field] of Object.entries(STATUS_FIELDS)) {
      expect(units.get(`layer="${row.layer}",status="${status}"`)).toBe(row[field]);
    }
  }
  expect(samples(text, 'orgraph_bench_strength').get('')).toBeCloseTo(
    rollup.benchStrength ?? Number.NaN,
  );
}

describe('the org gauges', () => {
  it('equal the whole org’s rollup and findings under the policy', async () => {
    expect(state.units.length).toBeGreaterThan(1_000);
    expect(state.people.size).toBeGreaterThan(1_000);
    expectGaugesOf(await gaugesOn(loaded(1, state, policy)).scrape(), state);
  });

  it('after a write made here, are worked out from its changes: current at once, equal to the whole org’s', async () => {
    const org = loaded(1, state, policy);
    const gauges = gaugesOn(org);
    await gauges.scrape();
    const team = state.units.find(
      (u) => u.layer === 'TEAM' && state.seats.get(u.id)?.ENG_LEAD.holder,
    );
    const holder = team && state.seats.get(team.id)?.ENG_LEAD.holder;
    const member = [...state.people.values()].find((p) => p.id !== holder?.personId);
    const writes = [
      { vacateSeat: { unit: team?.slug ?? '', seat: 'TECH_LEAD' as const } },
      { depart: { person: state.people.get(holder?.personId ?? -1)?.email ?? '' } },
      { setTeam: { person: member?.email ?? '', team: team?.slug ?? '' } },
    ];
    let current = state;
    for (const [i, write] of writes.entries()) {
      const { after, changed, conflicts } = planChanges(history, current, [write]);
      expect(conflicts).toEqual([]);
      Object.assign(org, loaded(i + 2, after, policy), { step: { from: i + 1, changes: changed } });
      gauges.wrote(i + 2);
      const text = await gauges.scrape();
      expect(samples(text, 'orgraph_org_gauges_version').get('')).toBe(i + 2);
      expectGaugesOf(text, after);
      current = after;
    }
  });

  it('serve the last values after a write, and the new ones once worked out', async () => {
    const org = loaded(1, state, policy);
    const gauges = gaugesOn(org);
    const wide = (text: string) =>
      samples(text, 'orgraph_findings').get('kind="WIDE_SPAN",severity="MEDIUM"');
    const before = await gauges.scrape();
    // A new version whose policy has no span limit to speak of.
    Object.assign(org, loaded(2, state, { ...policy, spanLimit: 10_000 }));
    gauges.wrote(2);
    const right = await gauges.scrape();
    expect(wide(right)).toBe(wide(before));
    expect(samples(right, 'orgraph_org_gauges_version').get('')).toBe(1);
    expect(samples(right, 'orgraph_org_version').get('')).toBe(2);
    let text = right;
    while (samples(text, 'orgraph_org_gauges_version').get('') !== 2) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      text = await gauges.scrape();
    }
    expect(wide(before)).toBeGreaterThan(0);
    expect(wide(text)).toBe(0);
  });
});
