import { encodeGlobalID } from '@pothos/plugin-relay';
import { type GraphQLInputType, getNullableType, isInputObjectType, isListType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FINDING_KINDS } from '../../src/core/findings/findings.js';
import { schema } from '../../src/graphql/schema.js';
import { useTestOrg } from '../helpers/test-org.js';

const NODES = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }';
const unitIds = (n: number) =>
  Array.from({ length: n }, (_, i) => encodeGlobalID('OrgUnit', i + 1));

const app = useTestOrg();

/** Sends `query`, expecting one error; answers it and the statements the request issued. */
async function refused(query: string, variables: Record<string, unknown>) {
  app.statements.length = 0;
  const { errors, data } = await app.gql(query, variables);
  expect(data ?? null).toBeNull();
  expect(errors).toHaveLength(1);
  return { error: errors?.[0], statements: [...app.statements] };
}

describe('every list argument has a bound, checked before any database work', () => {
  it('nodes(ids:): at most 100 ids', async () => {
    expect((await app.data(NODES, { ids: unitIds(100) })).nodes).toHaveLength(100);
    const { error, statements } = await refused(NODES, { ids: unitIds(101) });
    expect(error?.message).toBe('ids: at most 100 ids');
    expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'ids' });
    expect(statements).toEqual([]);
  });

  it('singlePointsOfFailure(kinds:): at most one per kind', async () => {
    const query = 'query ($k: [FindingKind!]) { singlePointsOfFailure(kinds: $k) { totalCount } }';
    await app.data(query, { k: FINDING_KINDS });
    const { error, statements } = await refused(query, { k: [...FINDING_KINDS, 'VACANT_SEAT'] });
    expect(error?.message).toBe(`kinds: at most ${FINDING_KINDS.length} kinds`);
    expect(statements).toEqual([]);
  });

  it('createAor(input: { backups }): at most 20', async () => {
    const query = `mutation ($b: [String!]) { createAor(input: {
      slug: "billing", name: "Billing", unit: "nowhere", backups: $b }) { userErrors { path } } }`;
    const backups = Array.from({ length: 21 }, (_, i) => `b${i}@example.com`);
    const { error, statements } = await refused(query, { b: backups });
    expect(error?.message).toBe('input.backups: at most 20 backups');
    expect(statements).toEqual([]);
    // the same, the whole input a variable
    const input = { slug: 'billing', name: 'Billing', unit: 'nowhere', backups };
    const whole = await refused(
      'mutation ($input: CreateAorInput!) { createAor(input: $input) { userErrors { path } } }',
      { input },
    );
    expect(whole.error?.message).toBe('input.backups: at most 20 backups');
    expect(whole.error?.extensions?.argument).toBe('input.backups');
  });

  it('a long list written in the query itself is refused the same way', async () => {
    const ids = unitIds(101).map((id) => `"${id}"`);
    const { error } = await refused(`{ nodes(ids: [${ids.join(', ')}]) { id } }`, {});
    expect(error?.message).toBe('ids: at most 100 ids');
  });

  it('the schema has no list argument or input field without a bound', () => {
    const unbounded: string[] = [];
    const check = (where: string, type: GraphQLInputType, extensions: Record<string, unknown>) => {
      if (isListType(getNullableType(type)) && typeof extensions.maxItems !== 'number') {
        unbounded.push(where);
      }
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          check(`${type.name}.${field.name}`, field.type, field.extensions);
        }
      } else if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) {
          for (const arg of field.args) {
            check(`${type.name}.${field.name}(${arg.name})`, arg.type, arg.extensions);
          }
        }
      }
    }
    expect(unbounded).toEqual([]);
  });
});
