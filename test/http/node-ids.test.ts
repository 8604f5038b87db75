import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { useTestOrg } from '../helpers/test-org.js';
import { specDocument } from '../orgdoc/fixtures.js';

const CREATE_TOKEN = `mutation ($name: String!, $role: Role!) {
  createApiToken(input: { name: $name, role: $role }) { token apiToken { id } }
}`;
const NODE = 'query ($id: ID!) { node(id: $id) { id } }';
const NODES = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }';

const tokens: Record<string, string> = {};
/** An existing id of each confidential node type. */
const existing: Record<string, string> = {};

const app = useTestOrg(specDocument(), {
  setup: async (app) => {
    for (const role of ['VIEWER', 'PLANNER']) {
      const { createApiToken } = await app.data(CREATE_TOKEN, { name: role, role });
      tokens[role] = createApiToken.token;
      existing.ApiToken = createApiToken.apiToken.id;
    }
    await app.data(`mutation { createPerson(input: { email: "fay@example.com", name: "Fay" }) {
    userErrors { code } } }`);
    const { person, changes } = await app.data(`{
    person(email: "eli@example.com") { candidacies { id } }
    changes(first: 1) { nodes { id } }
  }`);
    existing.SuccessionCandidate = person.candidacies[0].id;
    existing.Change = changes.nodes[0].id;
  },
});

// Each confidential type, and a role that may not read it.
const CASES = [
  ['SuccessionCandidate', 'VIEWER'],
  ['Change', 'PLANNER'],
  ['ApiToken', 'PLANNER'],
] as const;

describe('node ids are no existence oracle', () => {
  for (const [type, role] of CASES) {
    it(`${type}, as ${role}: an existing and a missing id are refused alike`, async () => {
      const token = tokens[role];
      const ids = [existing[type] as string, encodeGlobalID(type, 99_999)];
      const refused = {
        message: `Not authorized: your role (${role}) cannot read Query.node.`,
        extensions: { code: 'FORBIDDEN', field: 'Query.node' },
      };
      for (const id of ids) {
        const answer = await app.gql(NODE, { id }, { token });
        expect(answer.data).toEqual({ node: null });
        expect(answer.errors).toMatchObject([{ ...refused, path: ['node'] }]);
      }
      const both = await app.gql(NODES, { ids }, { token });
      expect(both.data).toEqual({ nodes: [null, null] });
      const field = { code: 'FORBIDDEN', field: 'Query.nodes' };
      expect(both.errors).toMatchObject([
        { path: ['nodes', 0], extensions: field },
        { path: ['nodes', 1], extensions: field },
      ]);
      expect(both.errors?.[0]?.message).toBe(both.errors?.[1]?.message);
    });
  }

  it('a role that may read the type gets the object', async () => {
    const id = existing.SuccessionCandidate;
    expect(await app.data(NODE, { id }, { token: tokens.PLANNER })).toEqual({ node: { id } });
    for (const type of ['Change', 'ApiToken']) {
      expect((await app.data(NODE, { id: existing[type] })).node).toEqual({ id: existing[type] });
    }
  });

  it('a closed type costs no database work', async () => {
    // Once warm: the app's first request loads the org.
    await app.gql(NODE, { id: existing.ApiToken }, { token: tokens.PLANNER });
    app.statements.length = 0;
    await app.gql(NODE, { id: existing.ApiToken }, { token: tokens.PLANNER });
    // the PLANNER token's own lookup only
    expect(app.statements.filter((s) => !s.includes('"token_hash"'))).toEqual([]);
  });

  it('malformed ids, ids of types that are no nodes and keys written otherwise answer null', async () => {
    const { unit } = await app.data('{ unit(slug: "storage") { id } }');
    const key = decodeGlobalID(unit.id).id;
    // `OrgUnit:007` named unit 7, answered under another id than the one asked.
    const other = [`0${key}`, `+${key}`, `${key}.0`, ` ${key}`].map((k) =>
      encodeGlobalID('OrgUnit', k),
    );
    const ids = [
      'nope',
      encodeGlobalID('LayerCoverage', 1),
      encodeGlobalID('Nothing', 1),
      ...other,
    ];
    expect(await app.data(NODES, { ids })).toEqual({ nodes: ids.map(() => null) });
    expect(await app.data(NODES, { ids: [unit.id] })).toEqual({ nodes: [unit] });
  });
});
