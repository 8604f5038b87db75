import { encodeGlobalID } from '@pothos/plugin-relay';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { generateOrg } from '../../src/demo/generate.js';
import { ADMIN_TOKEN } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';

// 1,000 teams. Reads answer from the org snapshot: a database fault while another
// instance's write is being loaded fails every field of the request that reads the org.
const ORG = generateOrg({ teams: 1_000, teamSize: 2, teamsPerArea: 10, areasPerPillar: 10 });
const LEADS = `query Leads { units(layer: PILLAR, first: 100) { nodes { children { children {
  slug engLead { team { slug } } techLead { team { slug } }
} } } } }`;
/** 30 root fields (the alias limit), each reading the org. */
const TEAMS = `query Teams { ${Array.from(
  { length: 30 },
  (_, i) => `t${i}: unit(slug: "team-${String(i).padStart(4, '0')}") { slug }`,
).join(' ')} }`;
const NODES = 'query Probe($ids: [ID!]!) { nodes(ids: $ids) { id } }';

const app = useTestOrg(ORG, { timeout: 120_000, importOnce: true });

/** Runs `send`, answering its result and the log lines it added, parsed. */
async function logged<T>(send: () => Promise<T>) {
  const before = app.logs.length;
  const result = await send();
  const lines = app.logs.slice(before);
  return { result, lines, entries: lines.map((line) => JSON.parse(line)) };
}

async function post(body: string, headers: Record<string, string> = {}) {
  return app.app.fetch('http://orgraph.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${ADMIN_TOKEN}`,
      ...headers,
    },
    body,
  });
}

describe('the request log', () => {
  it('one JSON line per request: its id (sent back), operation, token, status, duration', async () => {
    const { result, entries } = await logged(() =>
      post(JSON.stringify({ query: 'query Pillars { units(layer: PILLAR) { totalCount } }' }), {
        'x-request-id': 'trace-42',
      }),
    );
    expect(result.headers.get('x-request-id')).toBe('trace-42');
    expect(entries).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'request',
        requestId: 'trace-42',
        operation: 'Pillars',
        token: 'ORGRAPH_ADMIN_TOKEN',
        status: 200,
        durationMs: expect.any(Number),
      }),
    ]);
  });

  it('a refused token: one warning, without the secret', async () => {
    const secret = 'orgraph_not-a-real-secret-0123456789';
    const { result, lines, entries } = await logged(() =>
      post(JSON.stringify({ query: '{ units { totalCount } }' }), {
        authorization: `Bearer ${secret}`,
      }),
    );
    expect(result.status).toBe(401);
    expect(entries).toEqual([
      expect.objectContaining({ level: 'warn', status: 401, token: null, errors: 1 }),
    ]);
    expect(entries[0].requestId).toBe(result.headers.get('x-request-id'));
    expect(lines.join('')).not.toContain(secret);
  });

  it('probes are not logged, but their answers carry the request id too', async () => {
    for (const path of ['/health', '/ready', '/metrics']) {
      const { result, lines } = await logged(async () =>
        app.app.fetch(`http://localhost${path}`, { headers: { 'x-request-id': 'probe-7' } }),
      );
      expect(result.status, path).toBe(200);
      expect(result.headers.get('x-request-id'), path).toBe('probe-7');
      expect(lines, path).toEqual([]);
      const fresh = await app.app.fetch(`http://localhost${path}`);
      expect(fresh.headers.get('x-request-id'), path).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('100,000 ids: refused within a second naming the bound; the log grows by a few KB', async () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => encodeGlobalID('Person', i + 1));
    const started = performance.now();
    const { result, lines, entries } = await logged(() => app.gql(NODES, { ids }));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result.errors).toEqual([expect.objectContaining({ message: 'ids: at most 100 ids' })]);
    expect(result.errors?.[0]?.path).toBeUndefined(); // refused before execution
    expect(entries).toEqual([
      expect.objectContaining({ operation: 'Probe', error: expect.anything() }),
    ]);
    expect(lines.join('').length).toBeLessThan(4_096);
    expect((await app.data('{ units { totalCount } }')).units.totalCount).toBeGreaterThan(0);
  });

  it('a database fault failing 30 fields logs once, with no SQL nor data', async () => {
    await app.data(LEADS); // the org's snapshot is loaded
    const { db } = app.database;
    // Another instance wrote (the version moved on): the next read loads the org again, and fails.
    await db.execute(sql`update org_state set version = version + 1`);
    await db.execute(sql`alter table team_membership rename to team_membership_away`);
    try {
      const first = await logged(() => app.gql(TEAMS));
      expect(first.result.errors?.length).toBe(30);
      expect(first.result.errors?.[0]?.message).toBe('Unexpected error.');
      expect(first.entries).toHaveLength(1);
      const [entry] = first.entries;
      expect(entry).toMatchObject({ level: 'error', operation: 'Teams', status: 200 });
      expect(entry.errors).toBe(first.result.errors?.length);
      expect(entry.error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', sqlState: '42P01' });
      expect(entry.error.message).toBe('relation "…" does not exist');
      expect(entry.error.stack).toMatch(/^\s+at /);
      const text = first.lines.join('');
      expect(text.length).toBeLessThan(4_096);
      expect(text).not.toMatch(/select|team_membership|params|@example/i);

      // The same fault again: one short line, its stack not repeated.
      const again = await logged(() => app.gql(TEAMS));
      expect(again.entries).toHaveLength(1);
      expect(again.entries[0].error).toEqual({ code: 'INTERNAL_SERVER_ERROR', repeated: true });
    } finally {
      await db.execute(sql`alter table team_membership_away rename to team_membership`);
    }
  });
});
