import { describe, expect, it } from 'vitest';
import { FINDING_KINDS } from '../../src/core/findings/findings.js';
import { demoDocument } from '../../src/demo/load.js';
import { useTestOrg } from '../helpers/test-org.js';

// The demo org is what a new user sees first: it must show every status at every layer
// and every finding kind, through the real API.
const t = useTestOrg(demoDocument());

describe('the demo org', () => {
  it('shows every coverage status at every layer', async () => {
    const { coverage } = await t.data(
      '{ coverage { byLayer { layer units staffed techLeadManager missingEngLead vacant } } }',
    );
    expect(coverage.byLayer.map((row: { layer: string }) => row.layer)).toEqual([
      'PILLAR',
      'AREA',
      'TEAM',
    ]);
    for (const row of coverage.byLayer) {
      const counts = [row.staffed, row.techLeadManager, row.missingEngLead, row.vacant];
      expect(
        counts.every((n: number) => n > 0),
        `${row.layer}: ${counts}`,
      ).toBe(true);
    }
  });

  it('shows every finding kind', async () => {
    const { singlePointsOfFailure } = await t.data(
      '{ singlePointsOfFailure(first: 100) { totalCount nodes { kind severity message } } }',
    );
    const kinds = new Set(singlePointsOfFailure.nodes.map((f: { kind: string }) => f.kind));
    expect([...kinds].sort()).toEqual([...FINDING_KINDS].sort());
    expect(singlePointsOfFailure.totalCount).toBeLessThanOrEqual(100);
  });
});
