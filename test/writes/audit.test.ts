import { describe, expect, it } from 'vitest';
import { TODAY } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { expectWritten } from '../helpers/writes.js';

const ORG = {
  people: [
    { email: 'ana@example.com', name: 'Ana' },
    { email: 'bo@example.com', name: 'Bo', manager: 'ana@example.com' },
  ],
  units: [
    { slug: 'core', name: 'Core', layer: 'PILLAR', engLead: 'ana@example.com' },
    { slug: 'infra', name: 'Infra', layer: 'AREA', parent: 'core' },
  ],
  aors: [{ slug: 'pg', name: 'PG', unit: 'core', owner: 'ana@example.com' }],
};

const CHANGES = `{ changes(first: 50) { totalCount nodes { operation actor before after } } }`;

const t = useTestOrg(ORG);

/** Every value of a JSON tree, keys included, flattened. */
function idsIn(value: unknown, key = ''): string[] {
  if (value === null || typeof value !== 'object') return /id$/i.test(key) ? [key] : [];
  return Object.entries(value).flatMap(([k, v]) => idsIn(v, k));
}

describe('the audit log', () => {
  it('refuses a malformed since or until: a typed error naming the argument', async () => {
    for (const argument of ['since', 'until']) {
      const result = await t.gql(`{ changes(${argument}: "last week") { totalCount } }`);
      expect(result.errors).toEqual([
        expect.objectContaining({
          message: `${argument}: not an ISO 8601 instant or day from 1900-01-01 to 2999-12-31: "last week"`,
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument }),
        }),
      ]);
    }
  });

  // `new Date()` read "2026-02-30" as 2 March and let years through the database cannot hold
  // (an internal error).
  it("refuses a day that does not exist or lies outside the org's years", async () => {
    for (const [argument, value] of [
      ['since', '2026-02-30'],
      ['since', '0000-01-01'],
      ['since', '10000-01-01T00:00:00Z'],
      ['until', '2026-02-29T10:00:00+01:00'],
    ]) {
      const result = await t.gql(`{ changes(${argument}: "${value}") { totalCount } }`);
      expect(result.errors).toEqual([
        expect.objectContaining({
          message: `${argument}: not an ISO 8601 instant or day from 1900-01-01 to 2999-12-31: "${value}"`,
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument }),
        }),
      ]);
    }
    const { changes } = await t.data(
      '{ changes(since: "2024-02-29", until: "2999-12-31T23:00:00-05:00") { totalCount } }',
    );
    expect(changes.totalCount).toBeGreaterThan(0);
    // ISO 8601 instants of less precision, and offsets without a colon, are instants too.
    for (const since of ['2000-01-01T00:00Z', '2000-01-01T00:00:00.5+0100']) {
      const result = await t.gql(`{ changes(since: "${since}") { totalCount } }`);
      expect(result.errors).toBeUndefined();
    }
  });

  it('holds an import as one entry with its counts', async () => {
    const { changes } = await t.data(CHANGES);
    expect(changes.nodes).toEqual([
      {
        operation: 'importOrg',
        actor: 'token:ORGRAPH_ADMIN_TOKEN',
        before: null,
        after: {
          created: expect.objectContaining({ people: 2, units: 2, aors: 1, aorOwnerships: 1 }),
          updated: expect.objectContaining({ people: 0 }),
          unchanged: expect.objectContaining({ people: 0 }),
        },
      },
    ]);
  });

  it('names units, people and AoRs by slug and email, never by internal id', async () => {
    await expectWritten(
      t,
      `mutation ($input: AssignSeatInput!) { assignSeat(input: $input) { userErrors { code } } }`,
      { unit: 'infra', seat: 'ENG_LEAD', person: 'bo@example.com' },
    );
    await expectWritten(
      t,
      `mutation ($input: SetAorOwnerInput!) { setAorOwner(input: $input) { userErrors { code } } }`,
      { aor: 'pg', person: 'bo@example.com' },
    );
    const { changes } = await t.data(CHANGES);
    const [ended, owned, assigned] = changes.nodes;
    expect(assigned).toMatchObject({
      operation: 'assignSeat',
      after: { unit: 'infra', seat: 'ENG_LEAD', person: 'bo@example.com', startedOn: TODAY },
    });
    expect(owned).toMatchObject({
      operation: 'setAorOwner',
      before: null,
      after: { aor: 'pg', person: 'bo@example.com', role: 'PRIMARY' },
    });
    expect(ended).toMatchObject({
      operation: 'setAorOwner',
      before: { aor: 'pg', person: 'ana@example.com', endedOn: null },
      after: { aor: 'pg', person: 'ana@example.com' },
    });
    expect(changes.nodes.flatMap((c: any) => [...idsIn(c.before), ...idsIn(c.after)])).toEqual([]);
  });
});
