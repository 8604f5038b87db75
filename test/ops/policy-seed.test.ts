import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, gql, scratchDir, startServer } from './processes.js';

// SPEC "Policies": the environment gives the default of a new database, whoever opens it
// first. A database the CLI made answered SPEC's span limit of 10 under ORGRAPH_SPAN_LIMIT=12,
// until a server on it recorded 12 from 1900-01-01: the same days answered two ways.
const reports = Array.from({ length: 11 }, (_, i) => `r${i}@x.io`);
const ORG = {
  people: [
    { email: 'mo@x.io', name: 'Mo' },
    ...reports.map((email) => ({ email, name: email, manager: 'mo@x.io' })),
  ],
  units: [
    { slug: 'platform', name: 'Platform', layer: 'PILLAR', engLead: 'mo@x.io' },
    { slug: 'infra', name: 'Infra', layer: 'AREA', parent: 'platform' },
  ],
};

describe('a new database made by the CLI', () => {
  it('takes its policy from the environment, as a server starting on it would', async () => {
    const dir = scratchDir();
    const env = { ORGRAPH_DATA_DIR: dir, ORGRAPH_DEMO: 'off', ORGRAPH_SPAN_LIMIT: '12' };
    const file = join(dir, '..', `${Date.now()}-span.json`);
    writeFileSync(file, JSON.stringify(ORG));
    expect((await cli(env, 'import', file)).code).toBe(0);
    // The CLI recorded 12 from 1900; a server started on it later with 5 keeps it: eleven
    // direct reports are within the span limit.
    const server = await startServer({ ...env, ORGRAPH_SPAN_LIMIT: '5' });
    try {
      const answer = await gql(
        server.url,
        '{ policy { since spanLimit } singlePointsOfFailure(kinds: [WIDE_SPAN]) { totalCount } }',
      );
      expect(answer.data).toEqual({
        policy: { since: '1900-01-01', spanLimit: 12 },
        singlePointsOfFailure: { totalCount: 0 },
      });
    } finally {
      await server.stop();
    }
  }, 120_000);
});
